// Teams and their planning meetings (docs/api-contract.md, "Teams and planning meetings"): types, calls,
// query keys and hooks.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Items, PersonRef } from './types';

export const CADENCE_KINDS = ['daily', 'weekly'] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];
/** 1 is Monday, 5 is Friday. */
export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
/** The hours a meeting may start at (the server holds them between 06:00 and 20:59). */
export const MEETING_HOURS = Array.from({ length: 15 }, (_, i) => i + 6);

/** When a team meets, in the server's time: every working day, or one working day a week. */
export interface Cadence {
  kind: CadenceKind | string;
  /** 1-5 (Monday-Friday), only for a weekly cadence. */
  weekday: number;
  hour: number;
  minute: number;
}

/** A team in the list, with its earliest meeting still open. */
export interface TeamSummary {
  id: number;
  name: string;
  manager: PersonRef;
  cadence: Cadence;
  /** How many reps are on it. */
  members: number;
  next_meeting: {
    id: number;
    at: string;
    /** How many reports are filed for it. */
    reports: number;
    /** Whether the caller's own report is in. */
    filed: boolean;
  } | null;
}

export type MeetingStatus = 'open' | 'held';

export interface Meeting {
  id: number;
  team_id: number;
  at: string;
  status: MeetingStatus | string;
  /** The reps who had not filed when it was held. */
  missed: number[] | null;
  created_at: string;
}

export interface Team {
  id: number;
  name: string;
  manager_id: number;
  cadence: Cadence;
  created_at: string;
  manager: PersonRef;
  members: PersonRef[];
  /** Newest first (60 at most). */
  meetings: Meeting[];
  /** Per rep (the user ID as a string), the reports they missed in those meetings. */
  missed: Record<string, number>;
}

export interface MeetingReport {
  meeting_id: number;
  user_id: number;
  done: string;
  planned: string;
  blockers: string;
  filed_at: string;
}

/** A meeting as GET /meetings/{id} gives it: the agenda for its leaders, one's own report for a rep. */
export interface MeetingDetail extends Meeting {
  /** The team's name. */
  team: string;
  /** The agenda (for the team's manager, department heads and admins). */
  reports: (MeetingReport & { rep: PersonRef })[];
  /** Who has not filed (for the team's manager, department heads and admins). */
  awaiting: PersonRef[];
  /** The caller's own report, if they filed one. */
  mine: MeetingReport | null;
  /** For a rep: "done since the last meeting", drafted from their activity log. */
  draft_done: string;
}

export interface TeamBody {
  name: string;
  manager_id: number;
  member_ids: number[];
  cadence: Cadence;
}

export interface ReportBody {
  done: string;
  planned: string;
  blockers: string;
}

export const listTeams = () => api<Items<TeamSummary>>('/api/v1/teams').then((r) => r.items ?? []);
export const createTeam = (body: TeamBody) => api<Team>('/api/v1/teams', { method: 'POST', body });
export const getTeam = (id: number) => api<Team>(`/api/v1/teams/${id}`);
export const setCadence = (id: number, cadence: Cadence) =>
  api<Team>(`/api/v1/teams/${id}/cadence`, { method: 'PUT', body: { cadence } });
export const getMeeting = (id: number) => api<MeetingDetail>(`/api/v1/meetings/${id}`);
export const fileReport = (id: number, body: ReportBody) =>
  api<MeetingDetail>(`/api/v1/meetings/${id}/reports`, { method: 'POST', body });

export const meetingKeys = {
  teams: ['teams'] as const,
  teamList: ['teams', 'list'] as const,
  team: (id: number) => ['teams', 'one', id] as const,
  meetings: ['meetings'] as const,
  meeting: (id: number) => ['meetings', 'one', id] as const,
};

export function useTeams(enabled = true) {
  return useQuery({ queryKey: meetingKeys.teamList, queryFn: listTeams, enabled });
}

export function useTeamDetail(id: number, enabled = true) {
  return useQuery({ queryKey: meetingKeys.team(id), queryFn: () => getTeam(id), enabled: enabled && Number.isFinite(id) && id > 0 });
}

export function useMeeting(id: number) {
  return useQuery({ queryKey: meetingKeys.meeting(id), queryFn: () => getMeeting(id), enabled: Number.isFinite(id) && id > 0 });
}

/** The people a team can be formed of, by name. */
export interface SalesPeople {
  managers: PersonRef[];
  reps: PersonRef[];
  pending: boolean;
  error: unknown;
}

interface SalesPeopleBody {
  managers: PersonRef[];
  reps: { user_id: number; name: string; accounts: number }[];
}

/** The active sales managers and reps to form a team of (GET /sales-people; the server checks every choice). */
export function useSalesPeople(enabled = true): SalesPeople {
  const q = useQuery({
    queryKey: ['sales-people'] as const,
    queryFn: () => api<SalesPeopleBody>('/api/v1/sales-people'),
    enabled,
  });
  return {
    managers: q.data?.managers ?? [],
    reps: (q.data?.reps ?? []).map((r) => ({ id: r.user_id, name: r.name })),
    pending: q.isPending,
    error: q.error,
  };
}
