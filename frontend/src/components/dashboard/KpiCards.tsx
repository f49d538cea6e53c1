import { Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight, IconHeartHandshake, IconPhone, IconTrophy } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { wonEntries, type Totals } from './totals';

/** The change from the previous period, as an arrow and a percentage (or the difference when it was nil). */
function Trend({ current, previous }: { current: number; previous: number | null | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (previous === undefined) return <Skeleton height={14} width={120} radius="sm" />;
  if (previous === null) return null;
  const diff = current - previous;
  const Icon = diff > 0 ? IconArrowUpRight : diff < 0 ? IconArrowDownRight : IconArrowRight;
  const color = diff > 0 ? 'teal' : diff < 0 ? 'red' : 'gray';
  const signed = (v: string) => (diff > 0 ? `+${v}` : diff < 0 ? `−${v}` : v);
  const text =
    diff === 0
      ? t('dashboard.kpi.same', { previous: fmt.number(previous) })
      : previous === 0
        ? t('dashboard.kpi.fromNone', { diff: signed(fmt.number(Math.abs(diff))) })
        : t('dashboard.kpi.change', { pct: signed(fmt.percent(Math.abs(diff) / previous)), previous: fmt.number(previous) });
  return (
    <Group gap={4} wrap="nowrap" data-testid="kpi-trend" data-trend={diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat'}>
      <ThemeIcon variant="light" color={color} size="sm" radius="xl" aria-hidden>
        <Icon size={14} />
      </ThemeIcon>
      <Text size="xs" c={color === 'gray' ? 'dimmed' : color} fw={500}>
        {text}
      </Text>
    </Group>
  );
}

function Kpi({
  label,
  value,
  previous,
  icon: Icon,
  color,
  extra,
  testId,
}: {
  label: string;
  value: number;
  /** undefined while the previous period loads, null when it could not be had. */
  previous: number | null | undefined;
  icon: ComponentType<{ size?: number }>;
  color: string;
  extra?: string;
  testId: string;
}) {
  const fmt = useFormat();
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          <Text size="1.75rem" fw={700} lh={1.2} data-testid={`${testId}-value`}>
            {fmt.number(value)}
          </Text>
          {extra && (
            <Text size="sm" fw={500} c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {extra}
            </Text>
          )}
        </Stack>
        <ThemeIcon variant="light" color={color} size="lg" radius="md" aria-hidden>
          <Icon size={20} />
        </ThemeIcon>
      </Group>
      <Stack mt="xs" gap={0}>
        <Trend current={value} previous={previous} />
      </Stack>
    </Paper>
  );
}

/** The period's calls, client meetings and deals won (with the amount per currency), each against the previous period. */
export function KpiCards({ current, previous }: { current: Totals; previous: Totals | null | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const amounts = wonEntries(current.won).map(([cur, v]) => fmt.money(v, cur));
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
      <Kpi label={t('dashboard.kpi.calls')} value={current.calls} previous={previous === null ? null : previous?.calls} icon={IconPhone} color="indigo" testId="kpi-calls" />
      <Kpi
        label={t('dashboard.kpi.meetings')}
        value={current.meetings}
        previous={previous === null ? null : previous?.meetings}
        icon={IconHeartHandshake}
        color="teal"
        testId="kpi-meetings"
      />
      <Kpi
        label={t('dashboard.kpi.deals')}
        value={current.deals_won}
        previous={previous === null ? null : previous?.deals_won}
        icon={IconTrophy}
        color="orange"
        extra={amounts.length > 0 ? amounts.join(' · ') : t('dashboard.kpi.noAmount')}
        testId="kpi-deals"
      />
    </SimpleGrid>
  );
}

export function KpiSkeleton() {
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" aria-hidden>
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={118} radius="md" />
      ))}
    </SimpleGrid>
  );
}
