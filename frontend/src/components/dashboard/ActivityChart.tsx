import { Box, Group, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayCounts } from '../../api/dashboard';
import { useFormat } from '../../lib/format';
import { EmptyBox } from '../EmptyState';
import { useDayFormat } from './dates';

/** The stacked series, bottom to top. */
const SERIES = [
  { key: 'calls', color: 'indigo' },
  { key: 'meetings', color: 'teal' },
  { key: 'deals_won', color: 'orange' },
] as const;

const HEIGHT = 180;

/** A round top for the y axis: 1, 2, 5, 10, 20, 50, ... at or above n. */
function niceMax(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  return ([1, 2, 5, 10].find((m) => m * p >= n) ?? 10) * p;
}

/**
 * Activity per day (or per week) as stacked SVG bars: calls, client meetings and deals won. Screen readers get a
 * one-line summary and the numbers as a visually hidden table; each bar's numbers show on hover.
 */
export function ActivityChart({ days, weeks, from }: { days: DayCounts[]; weeks: DayCounts[]; from: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dayFmt = useDayFormat();
  const [by, setBy] = useState<'day' | 'week'>('day');
  const { ref, width } = useElementSize();
  const titleId = useId();
  const label = (s: (typeof SERIES)[number]['key']) => t(`dashboard.series.${s}`);

  // A week starts on its Monday, but the period's first week only from the period's first day.
  const rows = (by === 'day' ? days : weeks).map((d) => ({ ...d, start: d.date < from ? from : d.date }));
  const totals = rows.map((r) => r.calls + r.meetings + r.deals_won);
  const max = niceMax(Math.max(0, ...totals));
  const empty = totals.every((v) => v === 0);
  const n = rows.length;
  const slot = 10;
  const gap = n > 60 ? 1 : 2.5;
  // Room for a label every 56px or so.
  const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor((width || 600) / 56))));
  const when = (r: (typeof rows)[number]) =>
    by === 'day' ? dayFmt.long(r.start) : t('dashboard.chart.weekOf', { date: dayFmt.long(r.start) });
  const line = (r: (typeof rows)[number]) =>
    `${when(r)}: ${SERIES.map((s) => `${label(s.key)} ${fmt.number(r[s.key])}`).join(', ')}`;

  const sum = (k: (typeof SERIES)[number]['key']) => rows.reduce((a, r) => a + r[k], 0);
  const busiest = rows.reduce<(typeof rows)[number] | null>((best, r, i) => (!best || totals[i] > best.calls + best.meetings + best.deals_won ? r : best), null);
  const summary = t('dashboard.chart.summary', {
    calls: fmt.number(sum('calls')),
    meetings: fmt.number(sum('meetings')),
    deals: fmt.number(sum('deals_won')),
    busiest: busiest && !empty ? when(busiest) : '—',
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="md" aria-hidden>
          {SERIES.map((s) => (
            <Group key={s.key} gap={6} wrap="nowrap">
              <Box w={12} h={12} bg={`${s.color}.6`} style={{ borderRadius: 3 }} />
              <Text size="xs" c="dimmed">
                {label(s.key)}
              </Text>
            </Group>
          ))}
        </Group>
        <SegmentedControl
          size="xs"
          value={by}
          onChange={(v) => setBy(v === 'week' ? 'week' : 'day')}
          data={[
            { value: 'day', label: t('dashboard.chart.perDay') },
            { value: 'week', label: t('dashboard.chart.perWeek') },
          ]}
          aria-label={t('dashboard.chart.grouping')}
          data-testid="activity-grouping"
        />
      </Group>
      {empty ? (
        <EmptyBox title={t('dashboard.chart.empty')} description={t('dashboard.chart.emptyHint')} />
      ) : (
        <Box component="figure" m={0} aria-labelledby={titleId} data-testid="activity-chart" data-grouping={by}>
          <VisuallyHidden id={titleId}>
            {by === 'day' ? t('dashboard.chart.titleDay') : t('dashboard.chart.titleWeek')}. {summary}
          </VisuallyHidden>
          <Group gap={6} align="stretch" wrap="nowrap" aria-hidden>
            <Stack justify="space-between" h={HEIGHT} gap={0} style={{ flexShrink: 0 }}>
              {[max, max / 2, 0].map((v) => (
                <Text key={v} size="xs" c="dimmed" ta="right" lh={1} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {fmt.number(v, 1)}
                </Text>
              ))}
            </Stack>
            <Box ref={ref} style={{ flex: 1, minWidth: 0 }}>
              <svg
                viewBox={`0 0 ${n * slot} 100`}
                preserveAspectRatio="none"
                width="100%"
                height={HEIGHT}
                focusable="false"
                style={{ display: 'block', overflow: 'visible' }}
              >
                {[0, 50, 100].map((y) => (
                  <line
                    key={y}
                    x1={0}
                    x2={n * slot}
                    y1={y}
                    y2={y}
                    stroke="var(--mantine-color-gray-3)"
                    strokeWidth={1}
                    vectorEffect="non-scaling-stroke"
                  />
                ))}
                {rows.map((r, i) => {
                  let y = 100;
                  return (
                    <g key={r.date} data-date={r.date}>
                      <title>{line(r)}</title>
                      <rect x={i * slot} y={0} width={slot} height={100} fill="transparent" />
                      {SERIES.map((s) => {
                        const h = (r[s.key] / max) * 100;
                        if (h <= 0) return null;
                        y -= h;
                        return (
                          <rect
                            key={s.key}
                            data-series={s.key}
                            x={i * slot + gap / 2}
                            y={y}
                            width={slot - gap}
                            height={h}
                            fill={`var(--mantine-color-${s.color}-6)`}
                          />
                        );
                      })}
                    </g>
                  );
                })}
              </svg>
              <Box style={{ display: 'grid', gridTemplateColumns: `repeat(${n}, minmax(0, 1fr))`, overflow: 'hidden' }} mt={4}>
                {rows.map((r, i) => (
                  <Text
                    key={r.date}
                    size="xs"
                    c="dimmed"
                    style={{ whiteSpace: 'nowrap', overflow: 'visible', visibility: i % every === 0 ? 'visible' : 'hidden' }}
                  >
                    {dayFmt.short(r.start)}
                  </Text>
                ))}
              </Box>
            </Box>
          </Group>
          <VisuallyHidden>
            <table>
              <caption>{by === 'day' ? t('dashboard.chart.titleDay') : t('dashboard.chart.titleWeek')}</caption>
              <thead>
                <tr>
                  <th scope="col">{by === 'day' ? t('dashboard.chart.day') : t('dashboard.chart.week')}</th>
                  {SERIES.map((s) => (
                    <th key={s.key} scope="col">
                      {label(s.key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.date}>
                    <th scope="row">{when(r)}</th>
                    {SERIES.map((s) => (
                      <td key={s.key}>{fmt.number(r[s.key])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </VisuallyHidden>
        </Box>
      )}
    </Stack>
  );
}
