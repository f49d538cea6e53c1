import { Text, Timeline } from '@mantine/core';
import { IconAlarm, IconAlertTriangle, IconBriefcase, IconCheck, IconMessageCircle, IconRefresh, IconSend, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types';
import { useFormat } from '../lib/format';

const ICONS: Record<string, typeof IconSend> = {
  submitted: IconSend,
  resubmitted: IconRefresh,
  approved: IconCheck,
  rejected: IconX,
  changes_requested: IconMessageCircle,
  reminder_sent: IconAlarm,
  escalated: IconAlertTriangle,
  openings_opened: IconBriefcase,
};

const COLORS: Record<string, string> = {
  approved: 'green',
  rejected: 'red',
  changes_requested: 'orange',
  escalated: 'red',
  reminder_sent: 'yellow',
  openings_opened: 'blue',
};

export function PlanTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!entries.length) return <Text size="sm" c="dimmed">{t('timeline.empty')}</Text>;
  return (
    <Timeline active={entries.length - 1} bulletSize={26} lineWidth={2} data-testid="plan-timeline">
      {entries.map((e, i) => {
        const Icon = ICONS[e.kind] ?? IconSend;
        return (
          <Timeline.Item
            key={`${e.at}-${i}`}
            color={COLORS[e.kind] ?? 'indigo'}
            bullet={<Icon size={14} aria-hidden />}
            title={t(`timeline.kind.${e.kind}`, { defaultValue: e.kind.replace(/_/g, ' ') })}
          >
            <Text size="sm" c="dimmed">
              {e.actor?.name ?? t('timeline.system')} · <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
            </Text>
            {e.comment && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                “{e.comment}”
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
