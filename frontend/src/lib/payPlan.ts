// Pay plans in forms and in words: the plan's form values (numbers may be '' while typed), the ramp said in
// one line, and the terms of a plan outside an opening's pay limits (the server's models.PayLimits.Breaches).
import type { TFunction } from 'i18next';
import { fieldErrors } from '../api/client';
import type { Breach, Offer, PayLimits, PayPlan } from '../api/offers';
import type { Formatters } from './format';
import type { Num } from './openingForm';

export const PLAN_FIELDS = [
  'ramp_months',
  'ramp_base',
  'ramp_commission_pct',
  'base',
  'commission_pct',
  'monthly_target',
  'accelerator_pct',
  'commission_cap',
] as const;
export type PlanNumberField = (typeof PLAN_FIELDS)[number];

export type PlanValues = { currency: string } & Record<PlanNumberField, Num>;

const num = (v: Num): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function toPlanValues(p: PayPlan): PlanValues {
  return {
    currency: p.currency,
    ramp_months: p.ramp_months,
    ramp_base: p.ramp_base,
    ramp_commission_pct: p.ramp_commission_pct,
    base: p.base,
    commission_pct: p.commission_pct,
    monthly_target: p.monthly_target,
    accelerator_pct: p.accelerator_pct,
    commission_cap: p.commission_cap,
  };
}

export function toPayPlan(v: PlanValues): PayPlan {
  return {
    currency: v.currency,
    ramp_months: num(v.ramp_months),
    ramp_base: num(v.ramp_base),
    ramp_commission_pct: num(v.ramp_commission_pct),
    base: num(v.base),
    commission_pct: num(v.commission_pct),
    monthly_target: num(v.monthly_target),
    accelerator_pct: num(v.accelerator_pct),
    commission_cap: num(v.commission_cap),
  };
}

/** A plan to start a new template from: the seed's sales rep in euro. */
export const EMPTY_PLAN: PayPlan = {
  currency: 'EUR',
  ramp_months: 3,
  ramp_base: 900,
  ramp_commission_pct: 2,
  base: 700,
  commission_pct: 5,
  monthly_target: 20000,
  accelerator_pct: 0,
  commission_cap: 0,
};

/** "3 months at €900 + 2%, then €700 + 5%" (or without a ramp, "€700 + 5%"). */
export function rampSummary(p: PayPlan, t: TFunction, fmt: Formatters): string {
  const later = t('payPlan.summary.pay', { base: fmt.money(p.base, p.currency), pct: fmt.number(p.commission_pct) });
  if (p.ramp_months <= 0) return later;
  return t('payPlan.summary.ramp', {
    count: p.ramp_months,
    ramp: t('payPlan.summary.pay', { base: fmt.money(p.ramp_base, p.currency), pct: fmt.number(p.ramp_commission_pct) }),
    later,
  });
}

/** The plan in plain words for a candidate: the ramp, then the later pay, the accelerator and the cap. */
export function planSentences(p: PayPlan, t: TFunction, fmt: Formatters): string[] {
  const money = (n: number) => fmt.money(n, p.currency);
  const out: string[] = [];
  if (p.ramp_months > 0) {
    out.push(
      t('payPlan.words.ramp', {
        count: p.ramp_months,
        base: money(p.ramp_base),
        pct: fmt.number(p.ramp_commission_pct),
      }),
    );
    out.push(t('payPlan.words.after', { base: money(p.base), pct: fmt.number(p.commission_pct) }));
  } else {
    out.push(t('payPlan.words.flat', { base: money(p.base), pct: fmt.number(p.commission_pct) }));
  }
  if (p.accelerator_pct > 0 && p.monthly_target > 0) {
    out.push(t('payPlan.words.accelerator', { target: money(p.monthly_target), pct: fmt.number(p.accelerator_pct) }));
  } else if (p.monthly_target > 0) {
    out.push(t('payPlan.words.target', { target: money(p.monthly_target) }));
  }
  if (p.commission_cap > 0) out.push(t('payPlan.words.cap', { cap: money(p.commission_cap) }));
  return out;
}

/** How a plan goes beyond an opening's limits, field by field (as the server counts them). */
export function breachesOf(limits: PayLimits | null | undefined, p: PayPlan): PlanNumberField[] {
  if (!limits) return [];
  const out: PlanNumberField[] = [];
  const outside = (v: number, lo: number, hi: number) => (lo > 0 && v < lo) || (hi > 0 && v > hi);
  if (outside(p.base, limits.min_base, limits.max_base)) out.push('base');
  if (outside(p.ramp_base, limits.min_base, limits.max_base)) out.push('ramp_base');
  if (outside(p.commission_pct, limits.min_commission_pct, limits.max_commission_pct)) out.push('commission_pct');
  if (p.ramp_months > 0 && outside(p.ramp_commission_pct, 0, limits.max_commission_pct)) out.push('ramp_commission_pct');
  if (limits.max_ramp_months > 0 && p.ramp_months > limits.max_ramp_months) out.push('ramp_months');
  return out;
}

/** A breach said in the reader's language: the term and the limit it passes. */
export function breachText(field: string, limits: PayLimits | null | undefined, p: PayPlan, t: TFunction, fmt: Formatters): string {
  const label = t(`payPlan.field.${field}`, { defaultValue: field });
  if (!limits) return label;
  const money = (n: number) => fmt.money(n, p.currency);
  const pct = (n: number) => `${fmt.number(n)}%`;
  switch (field) {
    case 'base':
    case 'ramp_base': {
      const v = field === 'base' ? p.base : p.ramp_base;
      return limits.min_base > 0 && v < limits.min_base
        ? t('offer.breach.below', { field: label, value: money(v), limit: money(limits.min_base) })
        : t('offer.breach.above', { field: label, value: money(v), limit: money(limits.max_base) });
    }
    case 'commission_pct':
    case 'ramp_commission_pct': {
      const v = field === 'commission_pct' ? p.commission_pct : p.ramp_commission_pct;
      return limits.min_commission_pct > 0 && v < limits.min_commission_pct && field === 'commission_pct'
        ? t('offer.breach.below', { field: label, value: pct(v), limit: pct(limits.min_commission_pct) })
        : t('offer.breach.above', { field: label, value: pct(v), limit: pct(limits.max_commission_pct) });
    }
    case 'ramp_months':
      return t('offer.breach.rampMonths', { count: p.ramp_months, limit: limits.max_ramp_months });
  }
  return label;
}

/** The server's breaches said in the reader's language when the limits are known, its own words otherwise. */
export function breachLines(breaches: Breach[] | null | undefined, limits: PayLimits | null | undefined, p: PayPlan, t: TFunction, fmt: Formatters): string[] {
  return (breaches ?? []).map((b) => (limits ? breachText(b.field, limits, p, t, fmt) : `${t(`payPlan.field.${b.field}`, { defaultValue: b.field })}: ${b.message}`));
}

/** The opening's pay limits in one line ("base 600-1,000 €, commission up to 6%, ramp at most 3 months"), or ''. */
export function limitsSummary(l: PayLimits | null | undefined, currency: string | null, t: TFunction, fmt: Formatters): string {
  if (!l) return '';
  const money = (n: number) => (currency ? fmt.money(n, currency) : fmt.number(n));
  const range = (lo: number, hi: number, f: (n: number) => string) =>
    lo > 0 && hi > 0 ? `${f(lo)}–${f(hi)}` : lo > 0 ? t('offer.limits.atLeast', { v: f(lo) }) : hi > 0 ? t('offer.limits.atMost', { v: f(hi) }) : '';
  const parts: string[] = [];
  const base = range(l.min_base, l.max_base, money);
  if (base) parts.push(t('offer.limits.base', { range: base }));
  const comm = range(l.min_commission_pct, l.max_commission_pct, (n) => `${fmt.number(n)}%`);
  if (comm) parts.push(t('offer.limits.commission', { range: comm }));
  if (l.max_ramp_months > 0) parts.push(t('offer.limits.ramp', { count: l.max_ramp_months }));
  return parts.join(' · ');
}

/** The server's errors of a plan (plan.ramp_base, or ramp_base) keyed by the plan's field. */
export function planErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fieldErrors(err))) {
    const name = k.replace(/^plan\./, '');
    if (!out[name]) out[name] = v;
  }
  return out;
}

/** Offers that can still change: waiting for approvers, or with the candidate. */
export const isLiveOffer = (o: Offer) => o.status === 'pending_approval' || o.status === 'sent';

/** The approvers who have not decided the current version yet. */
export function awaitedApprovers(o: Offer) {
  const decided = new Set((o.approvals ?? []).map((a) => a.approver.id));
  return (o.approvers ?? []).filter((p) => !decided.has(p.id));
}
