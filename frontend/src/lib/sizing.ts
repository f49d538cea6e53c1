// The SizingInput fields as the form and the plan page show them.
import type { SizingInput } from '../api/types';

export type SizingField = keyof SizingInput;

export interface FieldSpec {
  name: SizingField;
  /** Entered as a percentage in the UI, sent as a fraction (25 -> 0.25). */
  percent?: boolean;
  /** An amount in the plan's currency. */
  money?: boolean;
  /** The smallest valid value, as entered (percent for percent fields). */
  min: number;
  /** True when the value must be greater than min, not equal to it. */
  minExclusive?: boolean;
  max?: number;
  step?: number;
  decimals?: number;
  group: 'target' | 'funnel' | 'capacity' | 'team';
}

// The server's limits (models.SizingInput.Validate), so the form can flag a typo before it asks the server.
export const SIZING_FIELDS: FieldSpec[] = [
  { name: 'monthly_revenue_target', money: true, min: 0, minExclusive: true, max: 1e12, step: 1000, decimals: 2, group: 'target' },
  { name: 'average_deal_size', money: true, min: 0, minExclusive: true, step: 100, decimals: 2, group: 'target' },
  { name: 'win_rate', percent: true, min: 0, minExclusive: true, max: 100, step: 1, decimals: 2, group: 'funnel' },
  { name: 'calls_per_meeting', min: 1, max: 10000, step: 1, decimals: 2, group: 'funnel' },
  { name: 'working_days_per_month', min: 1, max: 31, step: 1, decimals: 0, group: 'capacity' },
  { name: 'calls_per_day', min: 1, max: 500, step: 1, decimals: 0, group: 'capacity' },
  { name: 'meetings_per_month', min: 1, max: 500, step: 1, decimals: 0, group: 'capacity' },
  { name: 'ramp_months', min: 0, max: 24, step: 1, decimals: 0, group: 'team' },
  { name: 'ramp_productivity', percent: true, min: 0, minExclusive: true, max: 100, step: 5, decimals: 2, group: 'team' },
  { name: 'span_of_control', min: 1, max: 50, step: 1, decimals: 0, group: 'team' },
];

/** Why a typed value is out of range, as an i18n key and its values; null when it is fine or still empty. */
export function rangeProblem(
  f: FieldSpec,
  value: number | '' | undefined,
): { key: string; min: number; max?: number } | null {
  if (value === '' || value === undefined || value === null) return null;
  const v = Number(value);
  const tooLow = Number.isNaN(v) || (f.minExclusive ? v <= f.min : v < f.min);
  const tooHigh = f.max !== undefined && v > f.max;
  if (!tooLow && !tooHigh) return null;
  if (f.max === undefined) return { key: 'form.range.above', min: f.min };
  return { key: f.minExclusive ? 'form.range.aboveAtMost' : 'form.range.between', min: f.min, max: f.max };
}

/** The example input of the API contract: a sensible starting point. */
export const DEFAULT_SIZING_INPUT: SizingInput = {
  monthly_revenue_target: 60000,
  average_deal_size: 2500,
  win_rate: 0.25,
  calls_per_meeting: 12,
  working_days_per_month: 21,
  calls_per_day: 40,
  meetings_per_month: 30,
  ramp_months: 3,
  ramp_productivity: 0.5,
  span_of_control: 8,
};

/** What the form holds: numbers as typed (percentages for percent fields), '' when cleared. */
export type SizingFormValues = Record<SizingField, number | ''>;

const round = (n: number, digits: number) => Number(n.toFixed(digits));

export function toFormValues(input: SizingInput): SizingFormValues {
  const out = {} as SizingFormValues;
  for (const f of SIZING_FIELDS) {
    const v = input[f.name];
    out[f.name] = typeof v === 'number' ? (f.percent ? round(v * 100, 4) : v) : '';
  }
  return out;
}

/** Converts form values to a SizingInput; returns null while a field is empty. */
export function toSizingInput(values: SizingFormValues): SizingInput | null {
  const out = {} as SizingInput;
  for (const f of SIZING_FIELDS) {
    const v = values[f.name];
    if (v === '' || v === undefined || v === null || Number.isNaN(Number(v))) return null;
    out[f.name] = f.percent ? round(Number(v) / 100, 6) : Number(v);
  }
  return out;
}
