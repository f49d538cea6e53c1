// Planning meetings in words: the cadence ("Weekly on Monday at 09:00") and the cadence form's values.
import type { TFunction } from 'i18next';
import type { Cadence } from '../api/meetings';

const pad = (n: number) => String(n).padStart(2, '0');

/** HH:MM, as the server keeps it. */
export const hhmm = (hour: number, minute: number) => `${pad(hour)}:${pad(minute)}`;

/** "Daily at 09:00" or "Weekly on Monday at 09:00" (the time is the server's, as the team was given it). */
export function cadenceText(c: Cadence, t: TFunction): string {
  const time = hhmm(c.hour, c.minute);
  if (c.kind === 'weekly') return t('meetings.cadence.weeklyAt', { day: t(`meetings.weekdayOn.${c.weekday}`, { defaultValue: String(c.weekday) }), time });
  return t('meetings.cadence.dailyAt', { time });
}

/** The cadence as the form holds it: every value a string, as Mantine's selects want. */
export interface CadenceValues {
  kind: string;
  weekday: string;
  hour: string;
  minute: string;
}

export const DEFAULT_CADENCE: CadenceValues = { kind: 'daily', weekday: '1', hour: '9', minute: '0' };

export const cadenceValues = (c: Cadence): CadenceValues => ({
  kind: c.kind,
  weekday: String(c.weekday >= 1 && c.weekday <= 5 ? c.weekday : 1),
  hour: String(c.hour),
  minute: String(c.minute),
});

export const cadenceBody = (v: CadenceValues): Cadence => ({
  kind: v.kind,
  weekday: v.kind === 'weekly' ? Number(v.weekday) : 0,
  hour: Number(v.hour),
  minute: Number(v.minute),
});

/**
 * Problem field names mapped onto the form: "cadence.hour" stays as it is, "member_ids.2" becomes "member_ids"
 * (one multi-select holds them all) with the rep's name in front of the message.
 */
export function teamFormErrors(errors: Record<string, string>, memberName: (index: number) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const m = /^member_ids\.(\d+)$/.exec(field);
    if (m) {
      const text = `${memberName(Number(m[1]))}: ${message}`;
      out.member_ids = out.member_ids ? `${out.member_ids}; ${text}` : text;
    } else {
      out[field] = message;
    }
  }
  return out;
}
