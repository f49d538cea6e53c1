// The dashboard's periods: the presets and a custom range, each with the previous period it is compared with.
// Days are UTC calendar days (YYYY-MM-DD), as the server counts them.

export const PERIOD_PRESETS = ['this_week', 'this_month', 'last_month', 'last_3_months', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PRESET: PeriodPreset = 'this_month';

/** The longest custom range the server accepts, in days (from and to inclusive). */
export const MAX_RANGE_DAYS = 366;

export interface Range {
  from: string;
  to: string;
}

const DAY = 86_400_000;

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const monthEnd = (y: number, m: number) => utc(y, m + 1, 0);

/** Parses YYYY-MM-DD as midnight UTC, or null. */
export function parseDay(s: string | null | undefined): Date | null {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || isoDay(d) !== s ? null : d;
}

/** How many days from..to holds, both included. */
export function daysIn(r: Range): number {
  const a = parseDay(r.from);
  const b = parseDay(r.to);
  return a && b ? Math.round((b.getTime() - a.getTime()) / DAY) + 1 : 0;
}

export function todayUTC(now = new Date()): Date {
  return utc(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** A custom range is usable when both days parse, to is not before from, and it spans a year at most. */
export function validRange(from: string | null, to: string | null): Range | null {
  const a = parseDay(from);
  const b = parseDay(to);
  if (!a || !b || b < a) return null;
  const r = { from: from!, to: to! };
  return daysIn(r) <= MAX_RANGE_DAYS ? r : null;
}

/**
 * The period a preset stands for, and the one before it of the same kind: this week so far against the same
 * days of last week, this month so far against the same days of last month, a whole month (or three) against
 * the month (or three) before, a custom range against as many days just before it.
 */
export function resolvePeriod(preset: PeriodPreset, custom: Range | null, now = new Date()): { current: Range; previous: Range } {
  const today = todayUTC(now);
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const range = (a: Date, b: Date): Range => ({ from: isoDay(a), to: isoDay(b) });
  switch (preset) {
    case 'this_week': {
      const monday = addDays(today, -((today.getUTCDay() + 6) % 7));
      return { current: range(monday, today), previous: range(addDays(monday, -7), addDays(today, -7)) };
    }
    case 'last_month':
      return { current: range(utc(y, m - 1, 1), monthEnd(y, m - 1)), previous: range(utc(y, m - 2, 1), monthEnd(y, m - 2)) };
    case 'last_3_months':
      return { current: range(utc(y, m - 3, 1), monthEnd(y, m - 1)), previous: range(utc(y, m - 6, 1), monthEnd(y, m - 4)) };
    case 'custom':
      if (custom) {
        const from = parseDay(custom.from)!;
        const n = daysIn(custom);
        return { current: custom, previous: range(addDays(from, -n), addDays(from, -1)) };
      }
      return resolvePeriod(DEFAULT_PRESET, null, now);
    case 'this_month':
    default: {
      const prevEnd = monthEnd(y, m - 1);
      const sameDay = utc(y, m - 1, Math.min(today.getUTCDate(), prevEnd.getUTCDate()));
      return { current: range(utc(y, m, 1), today), previous: range(utc(y, m - 1, 1), sameDay) };
    }
  }
}
