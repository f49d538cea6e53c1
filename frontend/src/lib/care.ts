// Client care in the UI: occasion names in the reader's language, days (YYYY-MM-DD, the server's UTC days) and
// the server's refusals said in the reader's language.
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';
import type { Greeting } from '../api/care';
import type { Account } from '../api/clients';
import type { Formatters } from './format';
import { errorMessage } from './errors';
import { CARE_LEADER_ROLES, hasRole } from './roles';
import { useCurrentUser } from './useCurrentUser';

/** An occasion's name in the UI language (the English one when it has no Albanian one). */
export function occasionName(o: { name?: string; name_sq?: string; occasion_name?: string; occasion_name_sq?: string }, lang: string): string {
  const en = o.occasion_name ?? o.name ?? '';
  const sq = o.occasion_name_sq ?? o.name_sq ?? '';
  return lang.startsWith('sq') ? sq || en : en || sq;
}

/** Today as the server counts days (UTC), YYYY-MM-DD. */
export function todayUTC(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The day n days after day (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The day part (YYYY-MM-DD) of an RFC 3339 date the server sends for a day (midnight UTC), or ''. */
export function dayOf(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

/** A day (YYYY-MM-DD) in the reader's format, the same day in every time zone. */
export function formatDay(fmt: Formatters, day: string): string {
  return day ? fmt.date(`${day}T12:00:00`) : '';
}

/** A yearly day (a name day) as day and month in the reader's language, e.g. "11 July", "11 korrik". */
export function formatDayMonth(t: TFunction, lang: string, day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const month = t(`care.month.${Number(day.slice(5, 7))}`);
  return `${Number(day.slice(8, 10))} ${lang.startsWith('sq') ? month.toLowerCase() : month}`;
}

/** Where a greeting's call stands. */
export type CallState = 'done' | 'overdue' | 'today' | 'tomorrow' | 'upcoming';

export function callState(g: Pick<Greeting, 'call_done_at' | 'overdue' | 'day'>, today = todayUTC()): CallState {
  if (g.call_done_at) return 'done';
  if (g.overdue || g.day < today) return 'overdue';
  if (g.day === today) return 'today';
  if (g.day === addDays(today, 1)) return 'tomorrow';
  return 'upcoming';
}

/** The first day the call may be marked done: the day before the occasion. */
export const callOpensOn = (g: Pick<Greeting, 'day'>) => addDays(g.day, -1);

/** Whether it is too early (by this browser's clock) to mark the call done. */
export const callTooEarly = (g: Pick<Greeting, 'day'>, today = todayUTC()) => today < callOpensOn(g);

/**
 * A refused greeting change in the reader's language: the server's known conflicts (too early, already done, the
 * cards have gone) translated, anything else as errorMessage says it.
 */
export function greetingError(err: unknown, g: Pick<Greeting, 'day'>, t: TFunction, fmt: Formatters): string {
  if (isApiError(err) && err.status === 409) {
    const d = err.detail;
    if (/^The greeting call is due on/.test(d)) return t('care.call.tooEarly', { day: formatDay(fmt, g.day), from: formatDay(fmt, callOpensOn(g)) });
    if (/already done/.test(d)) return t('care.call.alreadyDone');
    if (/e-cards have gone/.test(d)) return t('care.greeting.cardsGone');
  }
  if (isApiError(err) && err.status === 403) return t('care.greeting.notOwner');
  return errorMessage(err, t);
}

/** Whether the signed-in user looks after this client's greetings: its owner or a sales leader. */
export function useMayCare(account: Pick<Account, 'owner'>): boolean {
  const me = useCurrentUser();
  return account.owner?.id === me.id || hasRole(me, ...CARE_LEADER_ROLES);
}
