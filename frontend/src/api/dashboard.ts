// The department dashboard, its hiring side and kudos (docs/api-contract.md, "The department dashboard, kudos
// and the rep's home"): types, calls, query keys and hooks.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { PersonRef } from './types';

/** A day's (or, in `weeks`, a week's from its Monday) logged work; `won` is the amount won per currency. */
export interface DayCounts {
  /** YYYY-MM-DD */
  date: string;
  calls: number;
  meetings: number;
  deals_won: number;
  deals_lost: number;
  won: Record<string, number> | null;
}

export interface DashRep {
  id: number;
  name: string;
  calls: number;
  meetings: number;
  deals_won: number;
  deals_lost: number;
  won: Record<string, number> | null;
  /** calls + 3 × client meetings + 10 × deals won */
  score: number;
  /** The plan of the period's last month, or null. */
  plan: { meetings: number; calls: number } | null;
  /** The period's work as a percentage of that plan. */
  attainment: { meetings: number; calls: number } | null;
  last_work: string | null;
  idle: boolean;
  idle_hours: number;
  /** Planning meetings of the rep's teams held in the period, and the reports the rep did not file for them. */
  meetings_held: number;
  reports_missed: number;
  greetings_due: number;
  greetings_on_time: number;
  greetings_late: number;
  greetings_open: number;
}

export interface RankedRep {
  id: number;
  name: string;
  user_id: number;
  score: number;
  calls: number;
  meetings: number;
  deals_won: number;
  deals_lost: number;
  won: Record<string, number> | null;
}

export interface Dashboard {
  from: string;
  to: string;
  team_id: number | null;
  teams: { id: number; name: string }[];
  reps: DashRep[];
  days: DayCounts[];
  weeks: DayCounts[];
  /** Per rep (by user ID), every day of the period. */
  rep_days: Record<string, DayCounts[]>;
  top_week: RankedRep[];
  top_period: RankedRep[];
  score_working: string;
  idle_threshold_hours: number;
  /** When the figures were computed: the server keeps them for a short while (BULLPEN_DASHBOARD_TTL). */
  as_of: string;
}

export interface HiringOpening {
  opening_id: number;
  title: string;
  status: string;
  seats: number;
  applications: number;
  stages: { stage: string; reached: number }[];
  hired: number;
  median_days_to_fill: number | null;
}

export interface Predictor {
  competency_id: string;
  name: string;
  /** Pearson correlation, -1..1; null under 3 hires. */
  correlation: number | null;
  n: number;
}

export interface HiringDashboard {
  openings: HiringOpening[];
  predictors: { hires: number; months: number; competencies: Predictor[]; working: string };
  as_of: string;
}

export interface Kudos {
  id: number;
  from: PersonRef;
  to: PersonRef;
  message: string;
  created_at: string;
}

/** What the dashboard is asked for: a team (null for all the caller's reps) and a period (YYYY-MM-DD, inclusive). */
export interface DashboardQuery {
  team: number | null;
  from: string;
  to: string;
}

export function dashboardQueryString(q: DashboardQuery): string {
  const p = new URLSearchParams();
  if (q.team != null) p.set('team', String(q.team));
  p.set('from', q.from);
  p.set('to', q.to);
  return `?${p.toString()}`;
}

export const getDashboard = (q: DashboardQuery, fresh = false) =>
  api<Dashboard>(`/api/v1/dashboard${dashboardQueryString(q)}${fresh ? '&fresh=1' : ''}`);
/** The reps table as CSV (a plain link: the browser downloads it with the session cookie). */
export const dashboardCsvUrl = (q: DashboardQuery) => `/api/v1/dashboard/reps.csv${dashboardQueryString(q)}`;
export const getHiringDashboard = () => api<HiringDashboard>('/api/v1/dashboard/hiring');
export const giveKudos = (body: { to_user_id: number; message: string }) =>
  api<Kudos>('/api/v1/kudos', { method: 'POST', body });

export const dashboardKeys = {
  all: ['dashboard'] as const,
  period: (q: DashboardQuery) => ['dashboard', 'sales', q.team ?? 'all', q.from, q.to] as const,
  hiring: ['dashboard', 'hiring'] as const,
  kudos: ['kudos'] as const,
};

export function useDashboard(q: DashboardQuery, enabled = true) {
  return useQuery({
    queryKey: dashboardKeys.period(q),
    queryFn: () => getDashboard(q),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Asks for the period's figures computed again, rather than those the server kept, and shows them. */
export function useRefreshDashboard(q: DashboardQuery) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => getDashboard(q, true),
    onSuccess: (d) => qc.setQueryData(dashboardKeys.period(q), d),
  });
}

export function useHiringDashboard(enabled = true) {
  return useQuery({ queryKey: dashboardKeys.hiring, queryFn: getHiringDashboard, enabled, staleTime: 60_000 });
}

export function useGiveKudos() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: giveKudos,
    onSuccess: () => void qc.invalidateQueries({ queryKey: dashboardKeys.kudos }),
  });
}
