// Calendar days (YYYY-MM-DD, UTC) in the reader's language: "12 May" on a chart, "12 May 2026" in a sentence.
import { useFormat } from '../../lib/format';

const SQ_MONTHS = ['jan', 'shk', 'mar', 'pri', 'maj', 'qer', 'korr', 'gush', 'sht', 'tet', 'nën', 'dhj'];

function hasLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

export interface DayFormat {
  /** "12 May" */
  short: (day: string) => string;
  /** "12 May 2026" */
  long: (day: string) => string;
  /** "1 May 2026 – 20 May 2026" */
  range: (from: string, to: string) => string;
}

const cache = new Map<string, DayFormat>();

export function useDayFormat(): DayFormat {
  const fmt = useFormat();
  let f = cache.get(fmt.locale);
  if (!f) {
    const native = !fmt.locale.startsWith('sq') || hasLocale(fmt.locale);
    const shortFmt = native ? new Intl.DateTimeFormat(fmt.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }) : null;
    const noon = (day: string) => new Date(`${day}T12:00:00Z`);
    const long = (day: string) => fmt.date(noon(day).toISOString());
    f = {
      short: (day) => {
        const d = noon(day);
        if (Number.isNaN(d.getTime())) return day;
        return shortFmt ? shortFmt.format(d) : `${d.getUTCDate()} ${SQ_MONTHS[d.getUTCMonth()]}`;
      },
      long,
      range: (from, to) => (from === to ? long(from) : `${long(from)} – ${long(to)}`),
    };
    cache.set(fmt.locale, f);
  }
  return f;
}
