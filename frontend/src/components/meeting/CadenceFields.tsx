import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CADENCE_KINDS, MEETING_HOURS, WEEKDAYS } from '../../api/meetings';
import type { CadenceValues } from '../../lib/meetings';

const pad = (n: number) => String(n).padStart(2, '0');
const MINUTES = Array.from({ length: 12 }, (_, i) => i * 5);

/** The cadence of a team's meetings: daily or weekly, the weekday when weekly, the hour and minute. */
export function CadenceFields({
  values,
  errors,
  onChange,
}: {
  values: CadenceValues;
  /** By field: kind, weekday, hour, minute. */
  errors: Partial<Record<keyof CadenceValues, ReactNode>>;
  onChange: (field: keyof CadenceValues, value: string) => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const minutes = MINUTES.includes(Number(values.minute)) ? MINUTES : [...MINUTES, Number(values.minute)].sort((a, b) => a - b);
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} mb={4} id={labelId}>
          {t('meetings.field.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby={labelId}
          fullWidth
          data={CADENCE_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
          value={values.kind}
          onChange={(v) => onChange('kind', v)}
        />
        {errors.kind && (
          <Text size="xs" c="red" mt={4} role="alert">
            {errors.kind}
          </Text>
        )}
      </div>
      {values.kind === 'weekly' && (
        <Select
          label={t('meetings.field.weekday')}
          data={WEEKDAYS.map((d) => ({ value: String(d), label: t(`meetings.weekday.${d}`) }))}
          value={values.weekday}
          onChange={(v) => v && onChange('weekday', v)}
          allowDeselect={false}
          error={errors.weekday}
        />
      )}
      <Group grow align="flex-start">
        <Select
          label={t('meetings.field.hour')}
          data={MEETING_HOURS.map((h) => ({ value: String(h), label: pad(h) }))}
          value={values.hour}
          onChange={(v) => v && onChange('hour', v)}
          allowDeselect={false}
          error={errors.hour}
        />
        <Select
          label={t('meetings.field.minute')}
          data={minutes.map((m) => ({ value: String(m), label: pad(m) }))}
          value={values.minute}
          onChange={(v) => v && onChange('minute', v)}
          allowDeselect={false}
          error={errors.minute}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('meetings.field.timeHint')}
      </Text>
    </Stack>
  );
}
