import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, MeetingReport } from '../../api/meetings';
import { useFormat } from '../../lib/format';

const prose = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** A report's three parts; blockers stand out. */
export function ReportText({ report }: { report: Pick<MeetingReport, 'done' | 'planned' | 'blockers'> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <div>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {t('meetings.report.done')}
        </Text>
        <Text size="sm" style={prose}>
          {report.done}
        </Text>
      </div>
      <div>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {t('meetings.report.planned')}
        </Text>
        <Text size="sm" style={prose}>
          {report.planned}
        </Text>
      </div>
      {report.blockers ? (
        <Alert
          color="red"
          variant="light"
          p="xs"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t('meetings.report.blockers')}
          data-testid="report-blockers"
        >
          <Text size="sm" style={prose}>
            {report.blockers}
          </Text>
        </Alert>
      ) : (
        <Text size="xs" c="dimmed">
          {t('meetings.report.noBlockers')}
        </Text>
      )}
    </Stack>
  );
}

/** The agenda of a meeting for its manager: every filed report, then who has not filed (or missed, once held). */
export function Agenda({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const reports = [...meeting.reports].sort((a, b) => a.rep.name.localeCompare(b.rep.name, fmt.locale));
  const awaiting = [...meeting.awaiting].sort((a, b) => a.name.localeCompare(b.name, fmt.locale));
  const held = meeting.status === 'held';
  const blocked = reports.filter((r) => r.blockers).length;
  return (
    <Stack gap="md" data-testid="agenda">
      <Group gap="xs">
        <Text size="sm">{t('meetings.agenda.count', { count: reports.length, total: reports.length + awaiting.length })}</Text>
        {blocked > 0 && (
          <Badge color="red" variant="light" tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
            {t('meetings.agenda.blocked', { count: blocked })}
          </Badge>
        )}
      </Group>
      {reports.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.agenda.none')}
        </Text>
      ) : (
        reports.map((r) => (
          <Paper key={r.user_id} withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="agenda-report" component="article" aria-label={r.rep.name}>
            <Group justify="space-between" gap="xs" wrap="wrap" mb="xs">
              <Text fw={600}>{r.rep.name}</Text>
              <Text size="xs" c="dimmed">
                {t('meetings.report.filedAt', { at: fmt.dateTime(r.filed_at) })}
              </Text>
            </Group>
            <ReportText report={r} />
          </Paper>
        ))
      )}
      <div data-testid="awaiting">
        <Text size="sm" fw={600} mb={4}>
          {held ? t('meetings.agenda.missed') : t('meetings.agenda.awaiting')}
        </Text>
        {awaiting.length === 0 ? (
          <Group gap={6}>
            <IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
            <Text size="sm" c="dimmed">
              {t('meetings.agenda.allIn')}
            </Text>
          </Group>
        ) : (
          <Group gap={6}>
            {awaiting.map((p) => (
              <Badge key={p.id} color={held ? 'orange' : 'gray'} variant="light" tt="none" size="lg">
                {p.name}
              </Badge>
            ))}
          </Group>
        )}
      </div>
    </Stack>
  );
}
