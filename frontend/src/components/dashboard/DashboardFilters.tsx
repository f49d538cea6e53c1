import { Group, Select, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import '@mantine/dates/styles.css'; // with the pickers, not in the initial bundle
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDayFormat } from './dates';
import { isoDay, MAX_RANGE_DAYS, PERIOD_PRESETS, todayUTC, validRange, type PeriodPreset, type Range } from './period';

/** The custom range's picker: it writes to the URL once both days are chosen and make a valid period. */
function CustomRange({ value, onChange }: { value: Range; onChange: (r: Range) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<[string | null, string | null]>([value.from, value.to]);
  const [error, setError] = useState<string | null>(null);
  return (
    <DatePickerInput
      type="range"
      label={t('dashboard.filters.range')}
      value={draft}
      onChange={(v) => {
        const next: [string | null, string | null] = [v[0] ?? null, v[1] ?? null];
        setDraft(next);
        if (!next[0] || !next[1]) return setError(null);
        const r = validRange(next[0], next[1]);
        setError(r ? null : t('dashboard.filters.rangeTooLong', { days: MAX_RANGE_DAYS }));
        if (r) onChange(r);
      }}
      maxDate={isoDay(todayUTC())}
      valueFormat="D MMM YYYY"
      allowSingleDateInRange
      error={error}
      miw={240}
      data-testid="period-range"
    />
  );
}

/** The dashboard's filters: a team (or all the caller's reps) and a period, with the period compared against. */
export function DashboardFilters({
  teams,
  team,
  onTeam,
  preset,
  onPreset,
  current,
  previous,
  onCustom,
}: {
  teams: { id: number; name: string }[];
  team: number | null;
  onTeam: (id: number | null) => void;
  preset: PeriodPreset;
  onPreset: (p: PeriodPreset) => void;
  current: Range;
  previous: Range;
  onCustom: (r: Range) => void;
}) {
  const { t } = useTranslation();
  const dayFmt = useDayFormat();
  const teamOptions = [
    { value: 'all', label: t('dashboard.filters.allReps') },
    ...teams.map((tm) => ({ value: String(tm.id), label: tm.name })),
  ];
  // A team from the URL that is not (yet) listed still shows, by its number.
  if (team !== null && !teams.some((tm) => tm.id === team)) teamOptions.push({ value: String(team), label: `#${team}` });
  return (
    <div>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label={t('dashboard.filters.team')}
          data={teamOptions}
          value={team === null ? 'all' : String(team)}
          onChange={(v) => onTeam(!v || v === 'all' ? null : Number(v))}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
          data-testid="team-filter"
        />
        <Select
          label={t('dashboard.filters.period')}
          data={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`dashboard.period.${p}`) }))}
          value={preset}
          onChange={(v) => v && onPreset(v as PeriodPreset)}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
          data-testid="period-filter"
        />
        {preset === 'custom' && <CustomRange key={`${current.from}/${current.to}`} value={current} onChange={onCustom} />}
      </Group>
      <Text size="sm" c="dimmed" mt="xs" data-testid="period-caption">
        {t('dashboard.filters.caption', { current: dayFmt.range(current.from, current.to), previous: dayFmt.range(previous.from, previous.to) })}
      </Text>
    </div>
  );
}
