// Renders a sizing `working` step in the user's language from its code and values.
//
// The server sends each step as {code, values, text}. For every code we know which values it carries and
// what kind each one is: money (in the plan currency), a fraction (0..1, shown as a percentage), a count
// of something (shown with its noun, pluralised by i18next: "24 deals", "1 rep"), or the binding limit.
// Unknown codes, or steps missing a value we need, fall back to the server's English `text`.
import type { TFunction } from 'i18next';
import type { WorkingStep } from '../api/types';
import type { Formatters } from './format';

type Kind =
  | { type: 'money' }
  | { type: 'fraction' }
  | { type: 'number' }
  | { type: 'binding' }
  | { type: 'count'; unit: Unit };

type Unit = 'deal' | 'meeting' | 'call' | 'coldCall' | 'rep' | 'manager' | 'month' | 'workingDay';

const money: Kind = { type: 'money' };
const fraction: Kind = { type: 'fraction' };
const count = (unit: Unit): Kind => ({ type: 'count', unit });

interface StepSpec {
  values: Record<string, Kind>;
  /** The value that picks the plural form of the whole sentence, when it depends on one. */
  pluralBy?: string;
}

/** The steps the backend returns (models/sizing.go `working`), with the kind of each value. */
export const STEPS: Record<string, StepSpec> = {
  deals: { values: { target: money, deal_size: money, deals: count('deal') } },
  meetings: { values: { deals: count('deal'), win_rate: fraction, meetings: count('meeting') } },
  cold_calls: {
    values: { meetings: count('meeting'), calls_per_meeting: count('coldCall'), cold_calls: count('coldCall') },
  },
  rep_capacity: {
    values: {
      working_days: count('workingDay'),
      calls_per_day: count('call'),
      rep_calls: count('call'),
      meetings_from_calls: count('meeting'),
      meetings_per_month: count('meeting'),
      rep_meetings: count('meeting'),
      binding: { type: 'binding' },
    },
  },
  reps: { values: { meetings: count('meeting'), rep_meetings: count('meeting'), reps: count('rep') } },
  manager: { values: { reps: count('rep'), span: count('rep'), managers: count('manager') } },
  one_person: { values: { reps: count('rep') } },
  ramp: {
    values: { ramp_months: count('month'), productivity: fraction, attainment: fraction, reps_during_ramp: count('rep') },
    pluralBy: 'ramp_months',
  },
  no_ramp: { values: {} },
};

function formatValue(kind: Kind, v: unknown, fmt: Formatters, currency: string, t: TFunction): string | null {
  if (kind.type === 'binding') {
    if (v !== 'meetings' && v !== 'calls') return null;
    return t(`working.binding.${v}`);
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  switch (kind.type) {
    case 'money':
      return fmt.money(v, currency);
    case 'fraction':
      return fmt.percent(v);
    case 'number':
      return fmt.number(v);
    case 'count':
      return t(`working.unit.${kind.unit}`, { count: v, n: fmt.number(v) });
  }
}

/** One step of the working in the user's language, or the server's English text when we cannot. */
export function translateStep(
  step: WorkingStep,
  fmt: Formatters,
  currency: string,
  t: TFunction,
  exists: (key: string, options?: { count?: number }) => boolean,
): string {
  const spec = STEPS[step.code];
  const key = `working.step.${step.code}`;
  const values = step.values ?? {};
  const pluralCount = spec?.pluralBy ? values[spec.pluralBy] : undefined;
  if (!spec || !exists(key, typeof pluralCount === 'number' ? { count: pluralCount } : undefined)) return step.text;
  const formatted: Record<string, string | number> = {};
  for (const [name, kind] of Object.entries(spec.values)) {
    const f = formatValue(kind, values[name], fmt, currency, t);
    if (f == null) return step.text;
    formatted[name] = f;
  }
  if (typeof pluralCount === 'number') formatted.count = pluralCount;
  return t(key, formatted);
}
