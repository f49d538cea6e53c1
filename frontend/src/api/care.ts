// Client care (docs/api-contract.md, "Client care"): the occasions calendar, each client's greetings settings,
// the greetings (a call for the owner, e-cards to the contacts) and the contacts' unsubscribe link. Types,
// calls, query keys and hooks.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { fetchPage, usePagedList } from './paging';
import type { Contact } from './clients';
import type { Items, PersonRef } from './types';

/** The e-card designs each theme comes in. */
export const CARD_DESIGNS = ['classic', 'bright', 'minimal'] as const;
export type CardDesign = (typeof CARD_DESIGNS)[number];

/** The languages cards are written in. */
export const CARD_LOCALES = ['sq', 'en'] as const;
export type CardLocale = (typeof CARD_LOCALES)[number];

/** The countries whose public holidays a client is greeted on. */
export const CARE_COUNTRIES = ['AL', 'XK'] as const;
export type CareCountry = (typeof CARE_COUNTRIES)[number];

/** The calendars of the occasions page: a country's holidays, or the international set alone. */
export const CALENDARS = ['AL', 'XK', 'INTL'] as const;
export type Calendar = (typeof CALENDARS)[number];

/** The themes a company occasion may take (they pick the e-card's look). */
export const OCCASION_THEMES = ['general', 'new_year', 'christmas', 'easter', 'bajram', 'national', 'spring', 'women', 'anniversary'] as const;

export const PERSONAL_LINE_MAX = 300;
export const CALL_NOTE_MAX = 1000;

export type CardStatus = 'pending' | 'sent' | 'skipped';

/** The e-card of one greeting to one contact. */
export interface GreetingCard {
  id: number;
  greeting_id: number;
  contact_id: number;
  email: string;
  locale: CardLocale | string;
  status: CardStatus | string;
  sent_at: string | null;
}

/** A greeting: a call for the client's owner on the day and an e-card to each of its contacts. */
export interface Greeting {
  id: number;
  account_id: number;
  /** The client's name. */
  account: string;
  occasion_key: string;
  occasion_name: string;
  occasion_name_sq: string;
  theme: string;
  /** YYYY-MM-DD. */
  day: string;
  owner: PersonRef;
  design: CardDesign | string;
  personal_line: string;
  call_done_at: string | null;
  call_note: string;
  escalated_at: string | null;
  cards_sent_at: string | null;
  /** The call was not made by the end of its day. */
  overdue: boolean;
  /** Only on GET /greetings/{id}. */
  cards?: GreetingCard[];
}

/** A day of the calendar: a public holiday or one of the company's own occasions. */
export interface Occasion {
  key: string;
  kind: 'holiday' | 'company' | string;
  /** YYYY-MM-DD. */
  date: string;
  name: string;
  name_sq: string;
  theme: string;
  /** A company occasion's, for deleting it. */
  id?: number;
}

export interface OccasionBody {
  name: string;
  name_sq: string;
  date: string;
  yearly: boolean;
  theme: string;
}

export interface CareBody {
  country: string;
  /** YYYY-MM-DD or ''. */
  founded_on: string;
  greetings_opt_out: boolean;
}

export interface ContactUpdateBody {
  name: string;
  title: string;
  email: string;
  phone: string;
  locale: string;
  /** YYYY-MM-DD or ''. */
  birthday: string;
  name_day: string;
}

/** Whose greetings: one's own, a rep's (sales leaders), or everyone's (sales leaders, '' ). */
export interface GreetingFilter {
  owner?: 'me' | number;
  account?: number;
  from?: string;
  to?: string;
  /** Only calls not yet made. */
  open?: boolean;
}

/** What an unsubscribe link opens. */
export interface UnsubscribeInfo {
  name: string;
  company: string;
  locale: string;
  unsubscribed: boolean;
}

/** A page of the greetings by day. */
export const listGreetings = (f: GreetingFilter, offset = 0, signal?: AbortSignal) => {
  const q = new URLSearchParams();
  if (f.owner) q.set('owner', String(f.owner));
  if (f.account) q.set('account', String(f.account));
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.open) q.set('open', 'true');
  const qs = q.toString();
  return fetchPage<Greeting>(`/api/v1/greetings${qs ? `?${qs}` : ''}`, offset, { signal });
};
export const getGreeting = (id: number) => api<Greeting>(`/api/v1/greetings/${id}`);
export const editGreeting = (id: number, body: { design: string; personal_line: string }) =>
  api<Greeting>(`/api/v1/greetings/${id}`, { method: 'PUT', body });
export const completeGreetingCall = (id: number, note: string) =>
  api<Greeting>(`/api/v1/greetings/${id}/call`, { method: 'POST', body: { note } });
export const previewUrl = (id: number, locale: string, design: string) =>
  `/api/v1/greetings/${id}/preview?locale=${encodeURIComponent(locale)}&design=${encodeURIComponent(design)}`;

export const listOccasions = (country: Calendar, from: string, to: string) =>
  api<Items<Occasion>>(`/api/v1/occasions?country=${country}&from=${from}&to=${to}`).then((r) => r.items ?? []);
export const addOccasion = (body: OccasionBody) => api<unknown>('/api/v1/occasions', { method: 'POST', body });
export const deleteOccasion = (id: number) => api<void>(`/api/v1/occasions/${id}`, { method: 'DELETE' });

export const setAccountCare = (accountId: number, body: CareBody) =>
  api<unknown>(`/api/v1/accounts/${accountId}/care`, { method: 'PUT', body });
export const updateContact = (id: number, body: ContactUpdateBody) => api<Contact>(`/api/v1/contacts/${id}`, { method: 'PUT', body });

export const getUnsubscribe = (token: string) =>
  api<UnsubscribeInfo>(`/api/v1/public/unsubscribe/${encodeURIComponent(token)}`, { quiet401: true });
export const unsubscribe = (token: string) =>
  api<UnsubscribeInfo>(`/api/v1/public/unsubscribe/${encodeURIComponent(token)}`, { method: 'POST', quiet401: true });

export const careKeys = {
  greetings: ['greetings'] as const,
  greetingList: (f: GreetingFilter) => ['greetings', 'list', f.owner ?? '', f.account ?? 0, f.from ?? '', f.to ?? '', !!f.open] as const,
  greeting: (id: number) => ['greetings', 'one', id] as const,
  occasions: ['occasions'] as const,
  occasionList: (country: Calendar, year: number) => ['occasions', country, year] as const,
};

/** The greetings by day, page by page. */
export function useGreetings(f: GreetingFilter, enabled = true) {
  return usePagedList({
    queryKey: careKeys.greetingList(f),
    fetch: (offset, signal) => listGreetings(f, offset, signal),
    keepPrevious: true,
    enabled,
  });
}

export function useGreeting(id: number) {
  return useQuery({ queryKey: careKeys.greeting(id), queryFn: () => getGreeting(id), enabled: Number.isFinite(id) && id > 0 });
}

export function useOccasions(country: Calendar, year: number) {
  return useQuery({
    queryKey: careKeys.occasionList(country, year),
    queryFn: () => listOccasions(country, `${year}-01-01`, `${year}-12-31`),
    placeholderData: keepPreviousData,
  });
}
