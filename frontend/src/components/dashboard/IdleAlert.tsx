import { Alert, List, Text } from '@mantine/core';
import { IconZzz } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DashRep } from '../../api/dashboard';
import { useFormat } from '../../lib/format';

/** The reps with no logged work for the idle threshold's working hours, most idle first. */
export function IdleAlert({ reps, thresholdHours }: { reps: DashRep[]; thresholdHours: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const idle = reps.filter((r) => r.idle).sort((a, b) => b.idle_hours - a.idle_hours);
  if (idle.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconZzz size={18} aria-hidden />}
      title={t('dashboard.idle.title', { count: idle.length })}
      data-testid="idle-alert"
    >
      <Text size="sm" mb="xs">
        {t('dashboard.idle.description', { hours: fmt.number(thresholdHours) })}
      </Text>
      <List size="sm" spacing={2}>
        {idle.map((r) => (
          <List.Item key={r.id}>
            <Text span fw={600} size="sm">
              {r.name}
            </Text>
            {': '}
            {r.last_work
              ? t('dashboard.idle.since', { hours: fmt.number(Math.round(r.idle_hours)), last: fmt.dateTime(r.last_work) })
              : t('dashboard.idle.never', { hours: fmt.number(Math.round(r.idle_hours)) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
