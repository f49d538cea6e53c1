// Months (YYYY-MM) and the server's English sentences about a month's pay, in the reader's language.
//
// The evaluation's `working` lines and the statement lines' labels come from models/monthly.go as English
// text; we recognise each known shape and say it again with i18n keys (numbers in Go's %g, which may use an
// exponent: "2.5e+06"). Anything unrecognised is shown as the server wrote it.
import type { TFunction } from 'i18next';
import type { StatementLine } from '../api/team';
import type { Formatters } from './format';

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM of a date (local time). */
export const monthOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

/** YYYY-MM plus n months (n may be negative). */
export function addMonths(ym: string, n: number): string {
  const [y, m] = ym.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

export const thisMonth = () => monthOf(new Date());
export const lastMonth = () => addMonths(thisMonth(), -1);
export const isMonth = (v: string | null | undefined): v is string => !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** Every month from `from` to `to` inclusive, newest first (at most `limit`). */
export function monthRange(from: string, to: string, limit = 36): string[] {
  const out: string[] = [];
  for (let m = to; m >= from && out.length < limit; m = addMonths(m, -1)) out.push(m);
  return out;
}

const SQ_MONTHS = ['janar', 'shkurt', 'mars', 'prill', 'maj', 'qershor', 'korrik', 'gusht', 'shtator', 'tetor', 'nëntor', 'dhjetor'];

/** "June 2026" / "qershor 2026" ("Qershor 2026" with `capital`, to start a heading). */
export function monthLabel(ym: string, locale: string, capital = false): string {
  if (!isMonth(ym)) return ym;
  const [y, m] = ym.split('-').map(Number);
  if (locale.startsWith('sq')) {
    const name = SQ_MONTHS[m - 1];
    return `${capital ? name.charAt(0).toUpperCase() + name.slice(1) : name} ${y}`;
  }
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/** Today as YYYY-MM-DD (local time), to compare with the server's dates. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const N = '([-+]?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?)';
const WHAT = '(meetings|calls)';
const HEAD = `^${WHAT}: ${N} of ${N} planned, `;

type Rule = { re: RegExp; say: (m: string[], t: TFunction, fmt: Formatters, currency: string) => string };

const num = (s: string) => Number(s);

const WORKING: Rule[] = [
  {
    re: new RegExp(`${HEAD}${N} above plan × ${N} = ${N} bonus$`),
    say: (m, t, fmt, c) =>
      t('team.working.above', {
        what: t(`team.working.what.${m[1]}`),
        done: fmt.number(num(m[2])),
        planned: fmt.number(num(m[3])),
        over: fmt.number(num(m[4])),
        rate: fmt.money(num(m[5]), c),
        amount: fmt.money(num(m[6]), c),
      }),
  },
  {
    re: new RegExp(`${HEAD}${N} short, within the ${N}% tolerance: no penalty$`),
    say: (m, t, fmt) =>
      t('team.working.tolerated', {
        what: t(`team.working.what.${m[1]}`),
        done: fmt.number(num(m[2])),
        planned: fmt.number(num(m[3])),
        short: fmt.number(num(m[4])),
        pct: fmt.number(num(m[5])),
      }),
  },
  {
    re: new RegExp(`${HEAD}${N} short: excused, no penalty$`),
    say: (m, t, fmt) =>
      t('team.working.excused', {
        what: t(`team.working.what.${m[1]}`),
        done: fmt.number(num(m[2])),
        planned: fmt.number(num(m[3])),
        short: fmt.number(num(m[4])),
      }),
  },
  {
    re: new RegExp(`${HEAD}${N} short \\(${N} tolerated\\) × ${N} = ${N} penalty$`),
    say: (m, t, fmt, c) =>
      t('team.working.penalty', {
        what: t(`team.working.what.${m[1]}`),
        done: fmt.number(num(m[2])),
        planned: fmt.number(num(m[3])),
        short: fmt.number(num(m[4])),
        allowed: fmt.number(num(m[5])),
        rate: fmt.money(num(m[6]), c),
        amount: fmt.money(num(m[7]), c),
      }),
  },
  {
    re: new RegExp(`${HEAD}on plan$`),
    say: (m, t, fmt) =>
      t('team.working.onPlan', {
        what: t(`team.working.what.${m[1]}`),
        done: fmt.number(num(m[2])),
        planned: fmt.number(num(m[3])),
      }),
  },
  {
    re: new RegExp(`^(bonus|penalty) ${N} capped at ${N}$`),
    say: (m, t, fmt, c) =>
      t(m[1] === 'bonus' ? 'team.working.bonusCapped' : 'team.working.penaltyCapped', {
        amount: fmt.money(num(m[2]), c),
        cap: fmt.money(num(m[3]), c),
      }),
  },
];

const LABELS: Rule[] = [
  { re: /^Base salary \(after the ramp\)$/, say: (_m, t) => t('team.line.baseAfter') },
  {
    re: new RegExp(`^Base salary \\(ramp month ${N} of ${N}\\)$`),
    say: (m, t, fmt) => t('team.line.baseRamp', { n: fmt.number(num(m[1])), of: fmt.number(num(m[2])) }),
  },
  {
    re: new RegExp(`^Commission: ${N}% of ${N} won$`),
    say: (m, t, fmt, c) => t('team.line.commission', { pct: fmt.number(num(m[1])), sales: fmt.money(num(m[2]), c) }),
  },
  {
    re: new RegExp(`^Commission: ${N}% of ${N} won \\(capped at ${N}\\)$`),
    say: (m, t, fmt, c) =>
      t('team.line.commissionCapped', {
        pct: fmt.number(num(m[1])),
        sales: fmt.money(num(m[2]), c),
        cap: fmt.money(num(m[3]), c),
      }),
  },
  { re: /^Bonus above plan$/, say: (_m, t) => t('team.line.bonus') },
  { re: /^Penalty below plan$/, say: (_m, t) => t('team.line.penalty') },
];

function say(rules: Rule[], text: string, t: TFunction, fmt: Formatters, currency: string): string {
  for (const r of rules) {
    const m = r.re.exec(text);
    if (m && m.slice(1).every((v) => v === undefined || !/^[-+]?\d/.test(v) || Number.isFinite(Number(v)))) {
      return r.say(m, t, fmt, currency);
    }
  }
  return text;
}

/** One line of an evaluation's working, in the reader's language when we know its shape. */
export const workingLine = (line: string, t: TFunction, fmt: Formatters, currency: string) =>
  say(WORKING, line, t, fmt, currency);

/** A pay statement line's label, in the reader's language when we know its shape. */
export const statementLabel = (line: StatementLine, t: TFunction, fmt: Formatters, currency: string) =>
  say(LABELS, line.label, t, fmt, currency);

/** The sum of a statement's lines of one kind (a correction adds a line of its kind). */
export const sumOf = (lines: StatementLine[] | null | undefined, kind: string) =>
  (lines ?? []).filter((l) => l.kind === kind).reduce((s, l) => s + l.amount, 0);
