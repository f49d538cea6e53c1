import { Badge, Group, List, Select, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../api/team';
import { useFormat } from '../../lib/format';
import { monthLabel, workingLine } from '../../lib/team';

/** A month picker over the given YYYY-MM months. */
export function MonthSelect({
  months,
  value,
  onChange,
  label,
  w = 200,
}: {
  months: string[];
  value: string;
  onChange: (month: string) => void;
  label?: string;
  w?: number;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const data = (months.includes(value) ? months : [value, ...months]).map((m) => ({ value: m, label: monthLabel(m, fmt.locale) }));
  return (
    <Select
      label={label ?? t('team.month')}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={w}
      data-testid="month-select"
    />
  );
}

export function RampBadge({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" color="grape" variant="light" tt="none">
      {label ?? t('team.inRamp')}
    </Badge>
  );
}

const EXCUSE_COLORS: Record<string, string> = { pending: 'yellow', accepted: 'green', refused: 'red' };

export function ExcuseStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={EXCUSE_COLORS[status] ?? 'gray'} tt="none">
      {t(`team.excuseStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function StatementStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const approved = status === 'approved';
  return (
    <Badge
      size="sm"
      variant="light"
      color={approved ? 'green' : 'gray'}
      tt="none"
      leftSection={approved ? <IconLock size={12} aria-hidden /> : undefined}
    >
      {t(`payStatements.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** A month's bonus and penalty with the working that led to them. */
export function EvaluationView({ evaluation, currency }: { evaluation: Evaluation; currency: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const working = evaluation.working ?? [];
  return (
    <Stack gap="xs" data-testid="evaluation">
      <Group gap="lg" wrap="wrap">
        <div>
          <Text size="xs" c="dimmed">
            {t('team.bonus')}
          </Text>
          <Text fw={600} c={evaluation.bonus > 0 ? 'green.8' : undefined}>
            {fmt.money(evaluation.bonus, currency)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('team.penalty')}
          </Text>
          <Text fw={600} c={evaluation.penalty > 0 ? 'red.8' : undefined}>
            {evaluation.penalty > 0 ? fmt.money(-evaluation.penalty, currency) : fmt.money(0, currency)}
          </Text>
        </div>
        <Group gap={6}>
          {evaluation.excused && (
            <Badge size="sm" color="teal" variant="light" tt="none">
              {t('team.excused')}
            </Badge>
          )}
          {evaluation.capped && (
            <Badge size="sm" color="orange" variant="light" tt="none">
              {t('team.capped')}
            </Badge>
          )}
        </Group>
      </Group>
      {working.length > 0 && (
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            {t('team.working.title')}
          </Text>
          <List size="sm" spacing={2} data-testid="evaluation-working">
            {working.map((w, i) => (
              <List.Item key={i}>{workingLine(w, t, fmt, currency)}</List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
