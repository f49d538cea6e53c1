// Locale-aware formatting with Intl: en-GB style for English, sq-AL for Albanian.
// Some browsers (Chrome among them) ship ICU without Albanian data and would
// silently format sq-AL as en-US; for those we format the Albanian way by hand.
import { useTranslation } from 'react-i18next';

export function intlLocale(lang: string): string {
  return lang.startsWith('sq') ? 'sq-AL' : 'en-GB';
}

export interface Formatters {
  locale: string;
  number: (n: number, maxFractionDigits?: number) => string;
  money: (n: number, currency: string) => string;
  percent: (fraction: number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
}

function safeDate(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

function supports(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 &&
      Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

// CLDR's Albanian conventions: "60 000,5", "60 000 €", "27 nën 2026, 14:05".
const SQ_MONTHS = ['jan', 'shk', 'mar', 'pri', 'maj', 'qer', 'korr', 'gush', 'sht', 'tet', 'nën', 'dhj'];
const SQ_CURRENCY: Record<string, string> = { EUR: '€', ALL: 'Lekë', USD: 'US$', GBP: '£' };
const pad = (n: number) => String(n).padStart(2, '0');

function albanianFallback(): Formatters {
  const num = (n: number, maxFractionDigits: number) =>
    new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFractionDigits })
      .format(n)
      .replace(/,/g, '\u00a0')
      .replace('.', ',');
  const date = (d: Date) => `${d.getDate()} ${SQ_MONTHS[d.getMonth()]} ${d.getFullYear()}`;
  return {
    locale: 'sq-AL',
    number: (n, maxFractionDigits = 2) => num(n, maxFractionDigits),
    money: (n, currency) =>
      `${num(n, Number.isInteger(n) ? 0 : 2)}\u00a0${SQ_CURRENCY[currency] ?? currency}`,
    percent: (fraction) => `${num(fraction * 100, 1)}%`,
    date: (iso) => {
      const d = safeDate(iso);
      return d ? date(d) : '';
    },
    dateTime: (iso) => {
      const d = safeDate(iso);
      return d ? `${date(d)}, ${pad(d.getHours())}:${pad(d.getMinutes())}` : '';
    },
  };
}

export function makeFormatters(lang: string): Formatters {
  const locale = intlLocale(lang);
  if (locale === 'sq-AL' && !supports(locale)) return albanianFallback();
  return {
    locale,
    number: (n, maxFractionDigits = 2) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(n),
    money: (n, currency) => {
      try {
        return new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          maximumFractionDigits: Number.isInteger(n) ? 0 : 2,
          minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
        }).format(n);
      } catch {
        return `${new Intl.NumberFormat(locale).format(n)} ${currency}`;
      }
    },
    percent: (fraction) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction),
    date: (iso) => {
      const d = safeDate(iso);
      return d ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d) : '';
    },
    dateTime: (iso) => {
      const d = safeDate(iso);
      return d
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(d)
        : '';
    },
  };
}

const cache = new Map<string, Formatters>();

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  let f = cache.get(lang);
  if (!f) {
    f = makeFormatters(lang);
    cache.set(lang, f);
  }
  return f;
}
