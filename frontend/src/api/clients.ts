// Client accounts, their contacts and the sales activity log (docs/api-contract.md, "Clients and the activity
// log"): their types, calls, query keys and hooks, kept apart from the rest of the API.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError } from './client';
import { fetchPage, MAX_PAGE, pagePath, usePagedList } from './paging';
import type { Items, PersonRef } from './types';
import type { Greeting } from './care';

export const ACTIVITY_KINDS = ['call', 'meeting', 'deal_won', 'deal_lost'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const DEAL_CURRENCIES = ['EUR', 'ALL'] as const;

export interface Contact {
  id: number;
  account_id: number;
  name: string;
  title: string;
  email: string;
  phone: string;
  created_at: string;
  /** The language of their greeting cards. */
  locale: 'sq' | 'en' | string;
  /** RFC 3339 (midnight UTC of the day) or null. */
  birthday: string | null;
  name_day: string | null;
  /** Set once they stopped the greeting cards. */
  unsubscribed_at: string | null;
}

export interface Activity {
  id: number;
  account_id: number;
  /** The client's name. */
  account: string;
  rep: PersonRef;
  kind: ActivityKind | string;
  at: string;
  amount: number;
  currency: string;
  notes: string;
}

/** A client company; its owner is the rep who logged its first call (null until then). */
export interface Account {
  id: number;
  name: string;
  city: string;
  industry: string;
  owner: PersonRef | null;
  owner_since: string | null;
  created_at: string;
  /** Only on GET /accounts/{id}. */
  contacts?: Contact[];
  /** Only on GET /accounts/{id}: newest first, 200 at most. */
  activities?: Activity[];
  /** Client care: whose public holidays it is greeted on, its founding day (YYYY-MM-DD), its opt-out. */
  country: string;
  founded_on: string | null;
  greetings_opt_out: boolean;
  /** Only on GET /accounts/{id}: its greetings, by day. */
  greetings?: Greeting[];
}

export interface AccountBody {
  name: string;
  city: string;
  industry: string;
}

export interface ContactBody {
  name: string;
  title: string;
  email: string;
  phone: string;
}

export interface ActivityBody {
  account_id: number;
  kind: ActivityKind;
  /** RFC 3339; the server takes now when absent. */
  at?: string;
  amount?: number;
  currency?: string;
  notes: string;
}

/** 'me', 'none' (nobody owns it yet), a user's ID, or '' for every client. */
export type OwnerFilter = 'me' | 'none' | '' | `${number}`;

export interface ActivityFilter {
  rep?: 'me' | number;
  from?: string;
  to?: string;
}

const accountsPath = (f: { q?: string; owner?: OwnerFilter }) => {
  const q = new URLSearchParams();
  if (f.q?.trim()) q.set('q', f.q.trim());
  if (f.owner) q.set('owner', f.owner);
  const qs = q.toString();
  return `/api/v1/accounts${qs ? `?${qs}` : ''}`;
};
/** The accounts by name, as many as a page holds at most (for pickers). */
export const listAccounts = (f: { q?: string; owner?: OwnerFilter }, signal?: AbortSignal) =>
  api<Items<Account>>(pagePath(accountsPath(f), 0, MAX_PAGE), { signal }).then((r) => r.items ?? []);
/** A page of the accounts by name. */
export const listAccountsPage = (f: { q?: string; owner?: OwnerFilter }, offset = 0, signal?: AbortSignal) =>
  fetchPage<Account>(accountsPath(f), offset, { signal });
export const createAccount = (body: AccountBody) => api<Account>('/api/v1/accounts', { method: 'POST', body });
export const getAccount = (id: number) => api<Account>(`/api/v1/accounts/${id}`);
export const addContact = (accountId: number, body: ContactBody) =>
  api<Contact>(`/api/v1/accounts/${accountId}/contacts`, { method: 'POST', body });
export const logActivity = (body: ActivityBody) => api<Activity>('/api/v1/activities', { method: 'POST', body });
/** A page of the logged work, newest first. */
export const listActivities = (f: ActivityFilter, offset = 0, signal?: AbortSignal) => {
  const q = new URLSearchParams();
  if (f.rep) q.set('rep', String(f.rep));
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  const qs = q.toString();
  return fetchPage<Activity>(`/api/v1/activities${qs ? `?${qs}` : ''}`, offset, { signal });
};

/** The existing account a 409 on POST /accounts points at ("is already a client (account 12)"), if any. */
export function duplicateAccountId(err: unknown): number | null {
  if (!isApiError(err) || err.status !== 409) return null;
  for (const e of err.errors) {
    const m = /account (\d+)/.exec(e.message);
    if (m) return Number(m[1]);
  }
  return null;
}

export const clientKeys = {
  accounts: ['accounts'] as const,
  accountList: (q: string, owner: OwnerFilter) => ['accounts', 'list', q, owner] as const,
  account: (id: number) => ['accounts', 'one', id] as const,
  activities: ['activities'] as const,
  activityList: (f: ActivityFilter) => ['activities', 'list', f.rep ?? 'me', f.from ?? '', f.to ?? ''] as const,
};

export function useAccounts(f: { q?: string; owner?: OwnerFilter }, enabled = true) {
  const q = f.q?.trim() ?? '';
  const owner = f.owner ?? '';
  return useQuery({
    queryKey: clientKeys.accountList(q, owner),
    queryFn: ({ signal }) => listAccounts({ q, owner }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The accounts by name, page by page. */
export function useAccountsPage(f: { q?: string; owner?: OwnerFilter }) {
  const q = f.q?.trim() ?? '';
  const owner = f.owner ?? '';
  return usePagedList({
    queryKey: [...clientKeys.accountList(q, owner), 'pages'],
    fetch: (offset, signal) => listAccountsPage({ q, owner }, offset, signal),
    keepPrevious: true,
  });
}

export function useAccount(id: number) {
  return useQuery({ queryKey: clientKeys.account(id), queryFn: () => getAccount(id), enabled: Number.isFinite(id) });
}

/** The logged work, newest first, page by page. */
export function useActivities(f: ActivityFilter, enabled = true) {
  return usePagedList({ queryKey: clientKeys.activityList(f), fetch: (offset, signal) => listActivities(f, offset, signal), enabled });
}
