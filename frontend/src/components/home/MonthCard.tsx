import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MonthProgress } from '../../api/team';
import { useFormat } from '../../lib/format';
import { monthLabel } from '../../lib/team';
import { ProgressLine } from '../team/EmployeeMonth';
import { HomeSection } from './HomeSection';

/** The month so far: calls and client meetings against the manager's plan, with the way to My month. */
export function MonthCard({ month }: { month: MonthProgress | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const plan = month?.plan ?? null;
  return (
    <HomeSection
      title={t('home.month.title')}
      id="home-month"
      actions={
        <Anchor component={Link} to="/my-month" size="sm">
          {t('home.month.open')}
        </Anchor>
      }
    >
      {!month ? (
        <Text size="sm" c="dimmed">
          {t('home.month.none')}
        </Text>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed" mt={-8}>
            {monthLabel(month.month, fmt.locale, true)}
          </Text>
          {!plan && (
            <Alert color="gray" variant="light" data-testid="home-no-plan">
              {t('home.month.noPlan')}
            </Alert>
          )}
          <ProgressLine label={t('team.calls')} done={month.actuals.calls} planned={plan?.calls ?? null} />
          <ProgressLine label={t('team.meetings')} done={month.actuals.meetings} planned={plan?.meetings ?? null} />
        </Stack>
      )}
    </HomeSection>
  );
}
