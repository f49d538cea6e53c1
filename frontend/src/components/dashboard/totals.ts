// Sums over the dashboard's days and reps.
import type { DashRep, DayCounts } from '../../api/dashboard';

export interface Totals {
  calls: number;
  meetings: number;
  deals_won: number;
  deals_lost: number;
  /** Amount won per currency. */
  won: Record<string, number>;
}

export function sumDays(days: DayCounts[]): Totals {
  const out: Totals = { calls: 0, meetings: 0, deals_won: 0, deals_lost: 0, won: {} };
  for (const d of days) {
    out.calls += d.calls;
    out.meetings += d.meetings;
    out.deals_won += d.deals_won;
    out.deals_lost += d.deals_lost;
    for (const [cur, v] of Object.entries(d.won ?? {})) out.won[cur] = (out.won[cur] ?? 0) + v;
  }
  return out;
}

/** The day's work as one number, as the server scores reps: calls + 3 × client meetings + 10 × deals won. */
export const dayScore = (d: Pick<DayCounts, 'calls' | 'meetings' | 'deals_won'>) => d.calls + 3 * d.meetings + 10 * d.deals_won;

/** The last day of the period with anything logged, or null. */
export function lastActiveDay(days: DayCounts[] | undefined): string | null {
  if (!days) return null;
  for (let i = days.length - 1; i >= 0; i--) {
    const d = days[i];
    if (d.calls + d.meetings + d.deals_won + d.deals_lost > 0) return d.date;
  }
  return null;
}

/** Planning reports filed (held meetings less the reports missed) over held meetings, for some reps. */
export function reportsDiscipline(reps: DashRep[]): { filed: number; held: number } {
  let filed = 0;
  let held = 0;
  for (const r of reps) {
    held += r.meetings_held;
    filed += Math.max(0, r.meetings_held - r.reports_missed);
  }
  return { filed, held };
}

/** Greeting calls made on their day, against every call that fell due and is no longer pending today. */
export function greetingsDiscipline(reps: DashRep[]): { onTime: number; late: number; open: number; total: number } {
  let onTime = 0;
  let late = 0;
  let open = 0;
  for (const r of reps) {
    onTime += r.greetings_on_time;
    late += r.greetings_late;
    open += r.greetings_open;
  }
  return { onTime, late, open, total: onTime + late + open };
}

/** Amounts per currency, largest first. */
export const wonEntries = (won: Record<string, number> | null | undefined) =>
  Object.entries(won ?? {})
    .filter(([, v]) => v !== 0)
    .sort((a, b) => b[1] - a[1]);
