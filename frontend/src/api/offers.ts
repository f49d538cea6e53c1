// Pay plans, offers and the candidate's offer page (docs/api-contract.md, "Pay plans and offer terms" and
// "Offers"): their types, calls, query keys and hooks, kept apart from the rest of the API.
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { fetchPage, MAX_PAGE, pagePath, usePagedList } from './paging';
import type { Items, PersonRef } from './types';

export const PAY_CURRENCIES = ['EUR', 'ALL'] as const;
export const PAY_ROLES = ['sales_rep', 'sales_manager'] as const;

/** A monthly base plus a commission on the month's won sales, with a ramp (a higher base, a lower rate) first. */
export interface PayPlan {
  currency: 'ALL' | 'EUR' | string;
  ramp_months: number;
  ramp_base: number;
  ramp_commission_pct: number;
  base: number;
  commission_pct: number;
  /** Sales above it earn accelerator_pct when that is above zero. */
  monthly_target: number;
  accelerator_pct: number;
  /** A month's commission is capped at it when above zero. */
  commission_cap: number;
}

export interface PayPlanTemplate {
  id: number;
  slug: string;
  name: string;
  role: 'sales_rep' | 'sales_manager' | string;
  plan: PayPlan;
  archived: boolean;
}

export type PayPlanBody = Omit<PayPlanTemplate, 'id'>;

export interface PayScenario {
  name: string;
  sales: number;
}

/** What the plan pays in one month for one sales figure. */
export interface Pay {
  month: number;
  ramp: boolean;
  sales: number;
  base: number;
  commission: number;
  capped: boolean;
  total: number;
}

export interface PayRow {
  month: number;
  ramp: boolean;
  /** One per scenario, in the scenarios' order. */
  pay: Pay[];
}

export interface PayTable {
  scenarios: PayScenario[];
  rows: PayRow[];
  /** Each scenario's sum over the rows. */
  totals: number[];
}

/** How far an opening's offers may go; zero is no bound. */
export interface PayLimits {
  min_base: number;
  max_base: number;
  min_commission_pct: number;
  max_commission_pct: number;
  max_ramp_months: number;
}

export const OFFER_STATUSES = [
  'pending_approval',
  'rejected',
  'sent',
  'accepted',
  'declined',
  'expired',
  'withdrawn',
] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export interface OfferApproval {
  approver: PersonRef;
  decision: 'approve' | 'reject';
  comment: string;
  at: string;
}

export interface Breach {
  field: string;
  message: string;
}

export interface Offer {
  id: number;
  application_id: number;
  opening_id: number;
  opening_title: string;
  candidate: PersonRef;
  version: number;
  status: OfferStatus | string;
  seat: '' | 'filled' | 'unavailable' | string;
  start_date: string;
  template_id: number | null;
  plan: PayPlan;
  expires_days: number;
  expires_at: string | null;
  breaches: Breach[] | null;
  approvals_needed: number;
  approvers: PersonRef[] | null;
  /** The current version's decisions. */
  approvals: OfferApproval[] | null;
  decline_reason: string;
  created_by: PersonRef | null;
  created_at: string;
  sent_at: string | null;
  answered_at: string | null;
  pay_table: PayTable | null;
}

export interface OfferBody {
  template_id: number | null;
  plan: PayPlan;
  start_date: string;
  expires_days: number;
}

/** The offer as the candidate's signed link opens it. */
export interface PublicOffer {
  offer_id: number;
  version: number;
  candidate_name: string;
  locale: string;
  title: string;
  role: string;
  start_date: string;
  plan: PayPlan;
  pay_table: PayTable | null;
  expires_at: string | null;
  status: OfferStatus | string;
  /** After an acceptance: 'filled', or 'unavailable' when no seat was left (the recruiter resolves it). */
  seat?: string;
}

// Pay plans.
export const listPayPlans = (archived = false) =>
  api<Items<PayPlanTemplate>>(`/api/v1/pay-plans${archived ? '?archived=true' : ''}`).then((r) => r.items ?? []);
export const savePayPlan = (body: PayPlanBody, id?: number) =>
  api<PayPlanTemplate>(id ? `/api/v1/pay-plans/${id}` : '/api/v1/pay-plans', { method: id ? 'PUT' : 'POST', body });
export const previewPay = (plan: PayPlan, signal?: AbortSignal, months = 12) =>
  api<PayTable>('/api/v1/pay-plans/preview', { method: 'POST', body: { plan, months }, signal });

// Offers.
/** The application's offers, newest first, as many as a page holds at most (an application has a few). */
export const listApplicationOffers = (applicationId: number) =>
  api<Items<Offer>>(pagePath(`/api/v1/applications/${applicationId}/offers`, 0, MAX_PAGE)).then((r) => r.items ?? []);
export const createOffer = (applicationId: number, body: OfferBody) =>
  api<Offer>(`/api/v1/applications/${applicationId}/offers`, { method: 'POST', body });
export const updateOffer = (id: number, body: OfferBody) =>
  api<Offer>(`/api/v1/offers/${id}`, { method: 'PUT', body });
/** Decides on the version the approver has on screen; the server refuses it (409) if the terms changed since. */
export const decideOffer = (id: number, version: number, decision: 'approve' | 'reject', comment: string) =>
  api<Offer>(`/api/v1/offers/${id}/decision`, { method: 'POST', body: { decision, comment, version } });
export const withdrawOffer = (id: number, reason: string) =>
  api<Offer>(`/api/v1/offers/${id}/withdraw`, { method: 'POST', body: { reason } });
export const getOffer = (id: number) => api<Offer>(`/api/v1/offers/${id}`);
/** The offers awaiting the caller's decision (awaiting), or all the caller may see, by status ('' for all). */
export const listOffers = (f: { awaiting?: boolean; status?: string }, offset = 0, signal?: AbortSignal) => {
  const q = new URLSearchParams();
  if (f.awaiting) q.set('awaiting', 'me');
  if (f.status) q.set('status', f.status);
  const qs = q.toString();
  return fetchPage<Offer>(`/api/v1/offers${qs ? `?${qs}` : ''}`, offset, { signal });
};

// The candidate's page.
export const getPublicOffer = (token: string) =>
  api<PublicOffer>(`/api/v1/public/offers/${encodeURIComponent(token)}`, { quiet401: true });
export const answerOffer = (token: string, decision: 'accept' | 'decline', reason: string, version: number) =>
  api<PublicOffer>(`/api/v1/public/offers/${encodeURIComponent(token)}`, {
    method: 'POST',
    body: { decision, reason, version },
    quiet401: true,
  });

export const offerKeys = {
  payPlans: ['pay-plans'] as const,
  payPlanList: (archived: boolean) => ['pay-plans', 'list', archived] as const,
  offers: ['offers'] as const,
  offerList: (awaiting: boolean, status: string) => ['offers', 'list', awaiting, status] as const,
  offer: (id: number) => ['offers', 'one', id] as const,
  applicationOffers: (applicationId: number) => ['offers', 'application', applicationId] as const,
  publicOffer: (token: string) => ['public', 'offer', token] as const,
};

export function usePayPlans(archived = false, enabled = true) {
  return useQuery({ queryKey: offerKeys.payPlanList(archived), queryFn: () => listPayPlans(archived), enabled });
}

/** The pay table of a plan being edited, asked of the server a moment after the last change. */
export function usePayPreview(plan: PayPlan) {
  const [debounced] = useDebouncedValue(plan, 400);
  const query = useQuery({
    queryKey: ['pay-preview', debounced],
    queryFn: ({ signal }) => previewPay(debounced, signal),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
  return { query, plan: debounced };
}

export function useApplicationOffers(applicationId: number, enabled = true) {
  return useQuery({
    queryKey: offerKeys.applicationOffers(applicationId),
    queryFn: () => listApplicationOffers(applicationId),
    enabled: enabled && Number.isFinite(applicationId),
  });
}

/** The offers, newest first, page by page; total counts them all (the offers awaiting one's decision, say). */
export function useOffers(f: { awaiting?: boolean; status?: string }, enabled = true) {
  return usePagedList({
    queryKey: offerKeys.offerList(!!f.awaiting, f.status ?? ''),
    fetch: (offset, signal) => listOffers(f, offset, signal),
    enabled,
  });
}

export function useOffer(id: number) {
  return useQuery({ queryKey: offerKeys.offer(id), queryFn: () => getOffer(id), enabled: Number.isFinite(id) });
}
