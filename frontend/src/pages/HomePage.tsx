import { Grid, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHome } from '../api/home';
import { ErrorAlert } from '../components/ErrorAlert';
import { ClientsCard } from '../components/home/ClientsCard';
import { GreetingCalls } from '../components/home/GreetingCalls';
import { KudosCard } from '../components/home/KudosCard';
import { MonthCard } from '../components/home/MonthCard';
import { ReportsDueCard } from '../components/home/ReportsDueCard';
import { PageHeader } from '../components/PageHeader';
import { useCurrentUser } from '../lib/useCurrentUser';

/**
 * Where a rep (or a sales manager) starts the day, made for a phone: today's greeting calls, one tap from done,
 * and the week's coming ones; the month against the plan; the planning-meeting reports due; their clients, the
 * ones longest without work first; and the latest kudos (GET /home).
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const home = useHome();
  const first = me.name.split(/\s+/)[0] || me.name;

  let body;
  if (home.error && !home.data) {
    body = <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  } else if (!home.data) {
    body = (
      <Stack gap="md">
        <Skeleton height={140} radius="md" />
        <Skeleton height={120} radius="md" />
        <Skeleton height={160} radius="md" />
      </Stack>
    );
  } else {
    const h = home.data;
    body = (
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <GreetingCalls calls={h.calls} upcoming={h.upcoming} />
            <MonthCard month={h.month} />
            <ReportsDueCard reports={h.reports_due} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ClientsCard accounts={h.accounts} />
            <KudosCard kudos={h.kudos} />
          </Stack>
        </Grid.Col>
      </Grid>
    );
  }

  return (
    <>
      <PageHeader title={t('home.title')} description={t('home.description', { name: first })} />
      {body}
    </>
  );
}
