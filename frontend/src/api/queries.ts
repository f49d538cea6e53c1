// TanStack Query keys and hooks shared by the screens.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { isApiError } from './client';
import { usePagedList } from './paging';
import {
  fetchMe,
  getApplication,
  getCalibration,
  listApplicationInterviews,
  getComparison,
  getImport,
  getInterviewKit,
  getScorecards,
  getOpening,
  getPlan,
  getScenario,
  listApplications,
  listImports,
  listMyInterviews,
  listNotifications,
  listOpenings,
  listOpeningsPage,
  listPlans,
  listPlansPage,
  listRejectionReasons,
  listScenarios,
  listTeam,
  listTemplates,
  listUsers,
} from './endpoints';
import type { ApplicationFilter, PlanStatus } from './types';

export const keys = {
  me: ['me'] as const,
  plans: ['staffing-plans'] as const,
  planList: (status?: PlanStatus) => ['staffing-plans', 'list', status ?? 'all'] as const,
  plan: (id: number) => ['staffing-plans', 'one', id] as const,
  openings: ['openings'] as const,
  opening: (id: number) => ['openings', 'one', id] as const,
  /** Every board of one opening, whatever its filters. */
  applications: (openingId: number) => ['applications', 'board', openingId] as const,
  board: (openingId: number, f: ApplicationFilter) => ['applications', 'board', openingId, f] as const,
  application: (id: number) => ['applications', 'one', id] as const,
  imports: (openingId: number) => ['imports', 'list', openingId] as const,
  import: (id: number) => ['imports', 'one', id] as const,
  rejectionReasons: ['rejection-reasons'] as const,
  templates: ['questionnaire-templates'] as const,
  users: ['users'] as const,
  team: ['team'] as const,
  notifications: ['notifications'] as const,
  scenarios: ['scenarios'] as const,
  scenarioList: (archived: boolean) => ['scenarios', 'list', archived] as const,
  scenario: (id: number) => ['scenarios', 'one', id] as const,
  interviewKit: (id: number, lang: string) => ['interviews', 'kit', id, lang] as const,
  scorecards: (id: number, applicationId: number) => ['interviews', 'scorecards', id, applicationId] as const,
  applicationInterviews: (applicationId: number) => ['interviews', 'application', applicationId] as const,
  calibration: (openingId: number | null) => ['calibration', openingId ?? 'all'] as const,
  /** Every comparison of one opening, whatever its language. */
  comparisons: (openingId: number) => ['comparison', openingId] as const,
  comparison: (openingId: number, lang: string) => ['comparison', openingId, lang] as const,
  myInterviews: ['interviews', 'mine'] as const,
};

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: fetchMe,
    retry: (count, err) => !(isApiError(err) && err.status === 401) && count < 2,
    staleTime: 5 * 60_000,
  });
}

/** The plans, up to a page's maximum: for look-ups and counts. Lists page with usePlansPage. */
export function usePlans(status?: PlanStatus, enabled = true) {
  return useQuery({ queryKey: keys.planList(status), queryFn: () => listPlans(status), enabled });
}

/** The plans page by page. */
export function usePlansPage(status?: PlanStatus, enabled = true) {
  return usePagedList({
    queryKey: [...keys.planList(status), 'pages'],
    fetch: (offset, signal) => listPlansPage(status, offset, signal),
    enabled,
  });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: keys.plan(id),
    queryFn: () => getPlan(id),
    enabled: Number.isFinite(id),
    // Approval opens the seats in the background: poll until they show up.
    refetchInterval: (q) => {
      const p = q.state.data;
      const waiting = p?.status === 'approved' && !p.openings?.length;
      return waiting && q.state.dataUpdateCount < 30 ? 2000 : false;
    },
  });
}

/** The openings, up to a page's maximum: for pickers. The openings list pages with useOpeningsPage. */
export function useOpenings() {
  return useQuery({ queryKey: [...keys.openings, 'all'], queryFn: listOpenings });
}

/** The openings (of one status, or all) page by page. */
export function useOpeningsPage(status: string | null) {
  return usePagedList({
    queryKey: [...keys.openings, 'pages', status ?? 'all'],
    fetch: (offset, signal) => listOpeningsPage(status, offset, signal),
    keepPrevious: true,
  });
}

export function useOpening(id: number) {
  return useQuery({ queryKey: keys.opening(id), queryFn: () => getOpening(id), enabled: Number.isFinite(id) });
}

/** The opening's applications for the board, filtered on the server. */
export function useBoard(openingId: number, f: ApplicationFilter, enabled = true) {
  return useQuery({
    queryKey: keys.board(openingId, f),
    queryFn: () => listApplications(openingId, f),
    enabled: enabled && Number.isFinite(openingId),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: number | null) {
  return useQuery({
    queryKey: keys.application(id ?? 0),
    queryFn: () => getApplication(id as number),
    enabled: id !== null && Number.isFinite(id),
  });
}

/** An opening's imports, newest first, page by page. */
export function useImports(openingId: number) {
  return usePagedList({ queryKey: keys.imports(openingId), fetch: (offset, signal) => listImports(openingId, offset, signal) });
}

/** An import's progress, polled every second while it runs. */
export function useImport(id: number | null) {
  return useQuery({
    queryKey: keys.import(id ?? 0),
    queryFn: () => getImport(id as number),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 1000),
  });
}

export function useRejectionReasons() {
  return useQuery({ queryKey: keys.rejectionReasons, queryFn: listRejectionReasons, staleTime: Infinity });
}

export function useTemplates(enabled = true) {
  return useQuery({ queryKey: keys.templates, queryFn: listTemplates, enabled });
}

/** The colleagues who can sit on a hiring team, for those who edit openings. */
export function useTeam(enabled = true) {
  return useQuery({ queryKey: keys.team, queryFn: listTeam, enabled, staleTime: 60_000 });
}

/** The users page by page; only admins may list them, so others pass enabled=false. */
export function useUsers(enabled = true) {
  return usePagedList({ queryKey: keys.users, fetch: listUsers, enabled });
}

/** The caller's notifications, newest first, page by page. */
export function useNotifications() {
  return usePagedList({ queryKey: keys.notifications, fetch: listNotifications, refetchInterval: 60_000 });
}

/** The role-play scenario library, with the archived ones when asked. */
export function useScenarios(archived = false, enabled = true) {
  return useQuery({ queryKey: keys.scenarioList(archived), queryFn: () => listScenarios(archived), enabled });
}

export function useScenario(id: number | null) {
  return useQuery({
    queryKey: keys.scenario(id ?? 0),
    queryFn: () => getScenario(id as number),
    enabled: id !== null && Number.isFinite(id),
  });
}

/** The interview kit in lang ('' for the user's own language). */
export function useInterviewKit(id: number, lang: string) {
  return useQuery({
    queryKey: keys.interviewKit(id, lang),
    queryFn: () => getInterviewKit(id, lang || undefined),
    enabled: Number.isFinite(id),
    placeholderData: keepPreviousData,
  });
}

/** One candidate's scorecards in an interview, as far as the user may see them. */
export function useScorecards(id: number, applicationId: number) {
  return useQuery({ queryKey: keys.scorecards(id, applicationId), queryFn: () => getScorecards(id, applicationId) });
}

/** The opening's candidates side by side, competency names in lang. */
export function useComparison(openingId: number, lang: string, enabled = true) {
  return useQuery({
    queryKey: keys.comparison(openingId, lang),
    queryFn: () => getComparison(openingId, lang),
    enabled: enabled && Number.isFinite(openingId),
    placeholderData: keepPreviousData,
  });
}

/** The signed-in interviewer's interviews; fetched afresh on each visit, scorecards come and go. */
export function useMyInterviews() {
  return useQuery({ queryKey: keys.myInterviews, queryFn: listMyInterviews, staleTime: 0, refetchInterval: 60_000 });
}

/** The application's interviews (hiring managers only, so others pass enabled=false). */
export function useApplicationInterviews(applicationId: number, enabled = true) {
  return useQuery({
    queryKey: keys.applicationInterviews(applicationId),
    queryFn: () => listApplicationInterviews(applicationId),
    enabled: enabled && Number.isFinite(applicationId),
  });
}

/** Interviewer calibration, for one opening or all of them (null). */
export function useCalibration(openingId: number | null) {
  return useQuery({ queryKey: keys.calibration(openingId), queryFn: () => getCalibration(openingId) });
}
