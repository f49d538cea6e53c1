import { Paper, Progress, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashRep } from '../../api/dashboard';
import { useFormat } from '../../lib/format';
import { greetingsDiscipline, reportsDiscipline } from './totals';

function Rate({
  label,
  rate,
  detail,
  empty,
  testId,
}: {
  label: string;
  rate: number | null;
  detail: string;
  empty: string;
  testId: string;
}) {
  const fmt = useFormat();
  const color = rate === null ? 'gray' : rate >= 0.9 ? 'teal' : rate >= 0.7 ? 'yellow' : 'red';
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {rate === null ? (
        <Text size="sm" mt={6}>
          {empty}
        </Text>
      ) : (
        <>
          <Text size="1.5rem" fw={700} lh={1.3} c={color === 'teal' ? undefined : color} data-testid={`${testId}-value`}>
            {fmt.percent(rate)}
          </Text>
          <Progress value={rate * 100} color={color} size="sm" my={6} aria-label={`${label}: ${fmt.percent(rate)}`} />
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        </>
      )}
    </Paper>
  );
}

/** How the reps keep to the routine: planning reports filed for the meetings held, greeting calls made on the day. */
export function Discipline({ reps }: { reps: DashRep[] }) {
  const { t } = useTranslation();
  const reports = reportsDiscipline(reps);
  const greetings = greetingsDiscipline(reps);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <Rate
        label={t('dashboard.discipline.reports')}
        rate={reports.held > 0 ? reports.filed / reports.held : null}
        detail={t('dashboard.discipline.reportsDetail', { filed: reports.filed, held: reports.held })}
        empty={t('dashboard.discipline.noMeetings')}
        testId="discipline-reports"
      />
      <Rate
        label={t('dashboard.discipline.greetings')}
        rate={greetings.total > 0 ? greetings.onTime / greetings.total : null}
        detail={t('dashboard.discipline.greetingsDetail', { onTime: greetings.onTime, total: greetings.total, late: greetings.late, open: greetings.open })}
        empty={t('dashboard.discipline.noGreetings')}
        testId="discipline-greetings"
      />
    </SimpleGrid>
  );
}
