import { Badge, Box, Group, Progress, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashRep, DayCounts } from '../../api/dashboard';
import { useFormat } from '../../lib/format';
import { DataTable, type Column } from '../DataTable';
import { useDayFormat } from './dates';
import { KudosButton } from './KudosButton';
import { Sparkline } from './Sparkline';
import { dayScore, lastActiveDay, wonEntries } from './totals';

type SortKey = 'name' | 'calls' | 'meetings' | 'deals' | 'score' | 'attainment' | 'lastWork' | 'reports' | 'greetings';

interface Row {
  rep: DashRep;
  /** The server's last logged work (given for idle reps), else the last day of the period with work logged. */
  lastWork: string | null;
  lastWorkIsDay: boolean;
  reportsRate: number | null;
  greetingsRate: number | null;
  spark: number[];
}

const attainmentOf = (r: DashRep) => (r.attainment ? (r.attainment.calls + r.attainment.meetings) / 2 : null);

function sortValue(row: Row, key: SortKey): string | number | null {
  const r = row.rep;
  switch (key) {
    case 'name':
      return r.name;
    case 'calls':
      return r.calls;
    case 'meetings':
      return r.meetings;
    case 'deals':
      return r.deals_won;
    case 'score':
      return r.score;
    case 'attainment':
      return attainmentOf(r);
    case 'lastWork':
      return row.lastWork;
    case 'reports':
      return row.reportsRate;
    case 'greetings':
      return row.greetingsRate;
  }
}

function attainmentColor(pct: number): string {
  if (pct >= 100) return 'teal';
  if (pct >= 80) return 'indigo';
  if (pct >= 50) return 'yellow';
  return 'red';
}

/**
 * The reps of the period, one row each: their work, score, attainment of the month's plan, when they last worked
 * (red when idle), planning reports and greeting calls on time, and a kudos button. Sortable by any figure.
 */
export function RepsTable({ reps, repDays, meId }: { reps: DashRep[]; repDays: Record<string, DayCounts[]>; meId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dayFmt = useDayFormat();
  const [sort, setSort] = useState<{ key: SortKey; dir: 'ascending' | 'descending' }>({ key: 'score', dir: 'descending' });

  const rows: Row[] = reps.map((rep) => {
    const days = repDays[String(rep.id)];
    const day = lastActiveDay(days);
    const answered = rep.greetings_on_time + rep.greetings_late + rep.greetings_open;
    return {
      rep,
      lastWork: rep.last_work ?? day,
      lastWorkIsDay: !rep.last_work && !!day,
      reportsRate: rep.meetings_held > 0 ? (rep.meetings_held - rep.reports_missed) / rep.meetings_held : null,
      greetingsRate: answered > 0 ? rep.greetings_on_time / answered : null,
      spark: (days ?? []).map(dayScore),
    };
  });
  rows.sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    // Rows without a value go last, whichever the direction.
    if (x === null || y === null) return x === y ? a.rep.name.localeCompare(b.rep.name) : x === null ? 1 : -1;
    const c = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y;
    return (sort.dir === 'ascending' ? c : -c) || a.rep.name.localeCompare(b.rep.name);
  });

  const header = (key: SortKey, label: string, align?: 'right'): Column => {
    const active = sort.key === key;
    const Icon = !active ? IconArrowsSort : sort.dir === 'ascending' ? IconSortAscending : IconSortDescending;
    return {
      align,
      sort: active ? sort.dir : 'none',
      label: (
        <UnstyledButton
          onClick={() =>
            setSort(
              active
                ? { key, dir: sort.dir === 'ascending' ? 'descending' : 'ascending' }
                : { key, dir: key === 'name' ? 'ascending' : 'descending' },
            )
          }
          style={{ fontWeight: 'inherit', fontSize: 'inherit', whiteSpace: 'nowrap' }}
          data-testid={`sort-${key}`}
        >
          <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : undefined}>
            {label}
            <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4 }} />
          </Group>
        </UnstyledButton>
      ),
    };
  };

  const dash = (
    <Text span c="dimmed">
      —
    </Text>
  );
  const bar = (what: 'calls' | 'meetings', pct: number, done: number, planned: number): ReactNode => (
    <Box>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t(`dashboard.series.${what}`)}
        </Text>
        <Text size="xs" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {fmt.percent(pct / 100)}
        </Text>
      </Group>
      <Progress
        value={Math.min(100, pct)}
        color={attainmentColor(pct)}
        size="sm"
        aria-label={t('dashboard.reps.attainmentOf', { what: t(`dashboard.series.${what}`), done: fmt.number(done), planned: fmt.number(planned) })}
      />
    </Box>
  );

  return (
    <DataTable
      minWidth={1180}
      columns={[
        header('name', t('dashboard.reps.rep')),
        header('calls', t('dashboard.series.calls'), 'right'),
        header('meetings', t('dashboard.series.meetings'), 'right'),
        header('deals', t('dashboard.series.deals_won'), 'right'),
        header('score', t('dashboard.reps.score'), 'right'),
        header('attainment', t('dashboard.reps.attainment')),
        header('lastWork', t('dashboard.reps.lastWork')),
        header('reports', t('dashboard.reps.reports')),
        header('greetings', t('dashboard.reps.greetings')),
        { label: t('dashboard.reps.actions'), align: 'right' },
      ]}
    >
      {rows.map(({ rep: r, lastWork, lastWorkIsDay, reportsRate, spark }) => (
        <Table.Tr key={r.id} data-testid={`rep-row-${r.id}`} data-rep={r.name}>
          <Table.Td>
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {r.name}
              </Text>
              <Sparkline values={spark} />
            </Stack>
          </Table.Td>
          <Table.Td ta="right" data-testid="rep-calls" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {fmt.number(r.calls)}
          </Table.Td>
          <Table.Td ta="right" data-testid="rep-meetings" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {fmt.number(r.meetings)}
          </Table.Td>
          <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {fmt.number(r.deals_won)}
            {wonEntries(r.won).map(([cur, v]) => (
              <Text key={cur} size="xs" c="dimmed">
                {fmt.money(v, cur)}
              </Text>
            ))}
          </Table.Td>
          <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {fmt.number(r.score)}
          </Table.Td>
          <Table.Td miw={150}>
            {r.plan && r.attainment ? (
              <Stack gap={6}>
                {bar('calls', r.attainment.calls, r.calls, r.plan.calls)}
                {bar('meetings', r.attainment.meetings, r.meetings, r.plan.meetings)}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('dashboard.reps.noPlan')}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Stack gap={4} align="flex-start">
              {lastWork ? (
                <Text size="sm">{lastWorkIsDay ? dayFmt.long(lastWork) : fmt.dateTime(lastWork)}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('dashboard.reps.noWork')}
                </Text>
              )}
              {r.idle && (
                <Badge color="red" variant="filled" size="sm" tt="none" data-testid="idle-badge">
                  {t('dashboard.reps.idle', { hours: fmt.number(Math.round(r.idle_hours)) })}
                </Badge>
              )}
            </Stack>
          </Table.Td>
          <Table.Td>
            {r.meetings_held === 0 || reportsRate === null ? (
              <Text size="sm" c="dimmed">
                {t('dashboard.reps.noMeetings')}
              </Text>
            ) : (
              <Stack gap={0}>
                <Text size="sm" fw={500} c={r.reports_missed > 0 ? 'red' : undefined}>
                  {fmt.percent(reportsRate)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('dashboard.reps.reportsDetail', { filed: r.meetings_held - r.reports_missed, held: r.meetings_held, missed: r.reports_missed })}
                </Text>
              </Stack>
            )}
          </Table.Td>
          <Table.Td>
            {r.greetings_due === 0 ? (
              <Text size="sm" c="dimmed">
                {t('dashboard.reps.noGreetings')}
              </Text>
            ) : (
              <Text size="sm">
                <Text span c="teal" fw={500}>
                  {t('dashboard.reps.onTime', { count: r.greetings_on_time })}
                </Text>
                {' · '}
                <Text span c={r.greetings_late > 0 ? 'orange' : 'dimmed'}>
                  {t('dashboard.reps.late', { count: r.greetings_late })}
                </Text>
                {' · '}
                <Text span c={r.greetings_open > 0 ? 'red' : 'dimmed'}>
                  {t('dashboard.reps.open', { count: r.greetings_open })}
                </Text>
                {r.greetings_due > r.greetings_on_time + r.greetings_late + r.greetings_open && (
                  <Text span c="dimmed" size="xs" display="block">
                    {t('dashboard.reps.dueToday', { count: r.greetings_due - r.greetings_on_time - r.greetings_late - r.greetings_open })}
                  </Text>
                )}
              </Text>
            )}
          </Table.Td>
          <Table.Td ta="right">
            {r.id === meId ? dash : <KudosButton rep={{ id: r.id, name: r.name }} testId={`kudos-${r.id}`} />}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
