import { Anchor, Badge, Box, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActivities } from '../api/clients';
import { ActivityList } from '../components/client/ActivityList';
import { QuickLogForm } from '../components/client/QuickLogForm';
import { EmptyBox } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { LoadMoreOf } from '../components/LoadMore';

/** Midnight today, in the rep's own time zone. */
function startOfToday(): string {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

/** The quick-log form, made for a phone: pick or type a client, tap what happened, submit; then today's log. */
export function LogActivityPage() {
  const { t } = useTranslation();
  const [from] = useState(startOfToday);
  const today = useActivities({ rep: 'me', from });
  const items = today.items;

  return (
    <Box maw={640} mx="auto">
      <PageHeader
        title={t('quickLog.title')}
        description={t('quickLog.description')}
        actions={<Anchor component={Link} to="/integrations" size="sm">{t('quickLog.fromPhoneSystem')}</Anchor>}
      />
      <Stack gap="xl">
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <QuickLogForm size="lg" />
        </Paper>
        <section aria-labelledby="log-today">
          <Group gap="sm" mb="sm">
            <Title order={2} size="h3" id="log-today">
              {t('quickLog.today')}
            </Title>
            {today.total > 0 && (
              <Badge variant="light" size="lg" circle aria-label={t('quickLog.todayCount', { count: today.total })}>
                {today.total}
              </Badge>
            )}
          </Group>
          {today.query.error ? (
            <ErrorAlert error={today.query.error} onRetry={() => void today.query.refetch()} />
          ) : today.query.isPending ? (
            <Skeleton height={80} radius="md" />
          ) : items.length === 0 ? (
            <EmptyBox title={t('quickLog.todayEmpty')} description={t('quickLog.todayEmptyHint')} />
          ) : (
            <ActivityList activities={items} showClient showRep={false} label={t('quickLog.today')} />
          )}
          <LoadMoreOf list={today} />
        </section>
      </Stack>
    </Box>
  );
}
