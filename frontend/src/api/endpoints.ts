// Thin typed wrappers over each endpoint of the contract.
import { api, setCsrfToken } from './client';
import { fetchPage, MAX_PAGE, pagePath } from './paging';
import type {
  AppNotification,
  Application,
  ApplicationFilter,
  ApplicationInterviews,
  CalibrationRow,
  Comparison,
  AuditEntry,
  Decision,
  ImportJob,
  Interview,
  InterviewBody,
  InterviewKit,
  ImportPreview,
  Items,
  MyInterview,
  MoveBody,
  NewCandidateBody,
  NewUserBody,
  Opening,
  OpeningBody,
  OpeningDecision,
  OpeningInterviewBody,
  QuestionnaireTemplate,
  Scenario,
  ScenarioBody,
  ScorecardBody,
  Scorecards,
  ShortlistBody,
  ShortlistResult,
  Questionnaire,
  OutboxMessage,
  Plan,
  PlanBody,
  PlanStatus,
  SessionResponse,
  SizingInput,
  SizingResult,
  TeamMember,
  ApplicationPage,
  User,
  UserPatch,
} from './types';

export async function login(email: string, password: string): Promise<User> {
  const res = await api<SessionResponse>('/api/v1/session', {
    method: 'POST',
    body: { email, password },
    quiet401: true,
  });
  setCsrfToken(res.csrf_token);
  return res.user;
}

export async function logout(): Promise<void> {
  try {
    await api<void>('/api/v1/session', { method: 'DELETE', quiet401: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function fetchMe(): Promise<User> {
  const res = await api<SessionResponse>('/api/v1/me', { quiet401: true });
  setCsrfToken(res.csrf_token);
  return res.user;
}

export const setMyLocale = (locale: string) =>
  api<SessionResponse>('/api/v1/me', { method: 'PATCH', body: { locale }, quiet401: true });
export const changePassword = (current_password: string, new_password: string) =>
  api<void>('/api/v1/me/password', { method: 'POST', body: { current_password, new_password } });
/** A page of the audit log, newest first; beforeId continues from an entry, so new entries never shift a page. */
export const listAudit = (f: { objectType?: string; beforeId?: number }, signal?: AbortSignal) => {
  const q = new URLSearchParams();
  if (f.objectType) q.set('object_type', f.objectType);
  if (f.beforeId) q.set('before_id', String(f.beforeId));
  const qs = q.toString();
  return fetchPage<AuditEntry>(`/api/v1/audit${qs ? `?${qs}` : ''}`, 0, { signal });
};
export const listOutbox = (offset = 0, signal?: AbortSignal) => fetchPage<OutboxMessage>('/api/v1/outbox', offset, { signal });
/** A page of the users, by name. */
export const listUsers = (offset = 0, signal?: AbortSignal) => fetchPage<User>('/api/v1/users', offset, { signal });
export const listTeam = () => api<Items<TeamMember>>('/api/v1/team').then((r) => r.items ?? []);
export const createUser = (body: NewUserBody) =>
  api<User>('/api/v1/users', { method: 'POST', body });
export const patchUser = (id: number, body: UserPatch) =>
  api<User>(`/api/v1/users/${id}`, { method: 'PATCH', body });

export const previewSizing = (input: SizingInput, signal?: AbortSignal) =>
  api<SizingResult>('/api/v1/sizing/preview', { method: 'POST', body: input, signal });

const plansPath = (status?: PlanStatus) =>
  `/api/v1/staffing-plans${status ? `?status=${encodeURIComponent(status)}` : ''}`;
/** The plans, as many as a page holds at most (for look-ups and counts). */
export const listPlans = (status?: PlanStatus) =>
  api<Items<Plan>>(pagePath(plansPath(status), 0, MAX_PAGE)).then((r) => r.items ?? []);
/** A page of the plans: the latest change first, the oldest first when waiting for approval. */
export const listPlansPage = (status: PlanStatus | undefined, offset = 0, signal?: AbortSignal) =>
  fetchPage<Plan>(plansPath(status), offset, { signal });
export const getPlan = (id: number) => api<Plan>(`/api/v1/staffing-plans/${id}`);
export const createPlan = (body: PlanBody) =>
  api<Plan>('/api/v1/staffing-plans', { method: 'POST', body });
export const updatePlan = (id: number, body: PlanBody) =>
  api<Plan>(`/api/v1/staffing-plans/${id}`, { method: 'PUT', body });
/** Decides on the revision the head has on screen; the server refuses it if the plan was revised since. */
export const decidePlan = (id: number, revision: number, decision: Decision, comment: string) =>
  api<Plan>(`/api/v1/staffing-plans/${id}/decision`, {
    method: 'POST',
    body: { decision, comment, revision },
  });

/** The openings, as many as a page holds at most (for pickers). */
export const listOpenings = () =>
  api<Items<Opening>>(pagePath('/api/v1/openings', 0, MAX_PAGE)).then((r) => r.items ?? []);
/** A page of the openings (of one status, or all), the newest plans' first. */
export const listOpeningsPage = (status: string | null, offset = 0, signal?: AbortSignal) =>
  fetchPage<Opening>(`/api/v1/openings${status ? `?status=${encodeURIComponent(status)}` : ''}`, offset, { signal });
export const getOpening = (id: number) => api<Opening>(`/api/v1/openings/${id}`);
/** Adds an opening outside a staffing plan; it waits for a department head's approval. */
export const createOpening = (body: OpeningBody) =>
  api<Opening>('/api/v1/openings', { method: 'POST', body });
export const updateOpening = (id: number, body: OpeningBody) =>
  api<Opening>(`/api/v1/openings/${id}`, { method: 'PUT', body });
export const decideOpening = (id: number, decision: OpeningDecision, comment: string) =>
  api<Opening>(`/api/v1/openings/${id}/decision`, { method: 'POST', body: { decision, comment } });

export const listApplications = (openingId: number, f: ApplicationFilter = {}) => {
  const q = new URLSearchParams();
  if (f.source) q.set('source', f.source);
  if (f.tag) q.set('tag', f.tag);
  if (f.min_score !== undefined) q.set('min_score', String(f.min_score));
  if (f.q) q.set('q', f.q);
  const qs = q.toString();
  return api<ApplicationPage>(`/api/v1/openings/${openingId}/applications${qs ? `?${qs}` : ''}`).then((r) => ({
    items: r.items ?? [],
    total: r.total ?? 0,
  }));
};
/** Adds a candidate by hand; a candidate who already applied comes back with duplicate set. */
export const addApplication = (openingId: number, body: NewCandidateBody) =>
  api<Application>(`/api/v1/openings/${openingId}/applications`, { method: 'POST', body });
export const getApplication = (id: number) => api<Application>(`/api/v1/applications/${id}`);
/** Moves an application; an illegal move is refused (409) before its reason is looked at. */
export const moveApplication = (id: number, body: MoveBody) =>
  api<Application>(`/api/v1/applications/${id}/moves`, { method: 'POST', body });
export const resendQuestionnaire = (id: number) =>
  api<Application>(`/api/v1/applications/${id}/questionnaire/resend`, { method: 'POST' });
export const addNote = (id: number, text: string) =>
  api<Application>(`/api/v1/applications/${id}/notes`, { method: 'POST', body: { text } });
export const setTags = (id: number, tags: string[]) =>
  api<Application>(`/api/v1/applications/${id}/tags`, { method: 'PUT', body: { tags } });
/** Where the browser downloads the candidate's CV (same-origin, with the session cookie). */
export const cvUrl = (id: number) => `/api/v1/applications/${id}/cv`;
export const listRejectionReasons = () =>
  api<Items<string>>('/api/v1/rejection-reasons').then((r) => r.items ?? []);

function importForm(file: File, mapping?: Record<string, string>): FormData {
  const form = new FormData();
  form.append('file', file);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  return form;
}
/** Reads a CSV's columns and first rows, with a suggested mapping (or the one given). */
export const previewImport = (openingId: number, file: File, mapping?: Record<string, string>) =>
  api<ImportPreview>(`/api/v1/openings/${openingId}/imports/preview`, {
    method: 'POST',
    body: importForm(file, mapping),
  });
/** Starts an import (202); poll getImport for its progress. */
export const startImport = (openingId: number, file: File, mapping: Record<string, string>) =>
  api<ImportJob>(`/api/v1/openings/${openingId}/imports`, { method: 'POST', body: importForm(file, mapping) });
export const listImports = (openingId: number, offset = 0, signal?: AbortSignal) =>
  fetchPage<ImportJob>(`/api/v1/openings/${openingId}/imports`, offset, { signal });
export const getImport = (id: number) => api<ImportJob>(`/api/v1/imports/${id}`);

export const listTemplates = () =>
  api<Items<QuestionnaireTemplate>>('/api/v1/questionnaire-templates').then((r) => r.items ?? []);
export const saveTemplate = (title: string, questionnaire: Questionnaire, id?: number) =>
  api<QuestionnaireTemplate>(id ? `/api/v1/questionnaire-templates/${id}` : '/api/v1/questionnaire-templates', {
    method: id ? 'PUT' : 'POST',
    body: { title, questionnaire },
  });

export const listNotifications = (offset = 0, signal?: AbortSignal) =>
  fetchPage<AppNotification>('/api/v1/notifications', offset, { signal });
export const markNotificationRead = (id: number) =>
  api<void>(`/api/v1/notifications/${id}/read`, { method: 'POST' });

/** The scenario library by difficulty; archived scenarios only when asked. */
export const listScenarios = (archived = false) =>
  api<Items<Scenario>>(`/api/v1/scenarios${archived ? '?archived=true' : ''}`).then((r) => r.items ?? []);
export const getScenario = (id: number) => api<Scenario>(`/api/v1/scenarios/${id}`);
/** Adds a scenario (no id) or replaces one; a slug in use is refused with 409. */
export const saveScenario = (body: ScenarioBody, id?: number) =>
  api<Scenario>(id ? `/api/v1/scenarios/${id}` : '/api/v1/scenarios', { method: id ? 'PUT' : 'POST', body });

/** Schedules an interview of the application (at the first or second interview stage). */
export const scheduleInterview = (applicationId: number, body: InterviewBody) =>
  api<Interview>(`/api/v1/applications/${applicationId}/interviews`, { method: 'POST', body });
export const getInterview = (id: number) => api<Interview>(`/api/v1/interviews/${id}`);
/** The interview kit in one language (the user's own when lang is left out). */
export const getInterviewKit = (id: number, lang?: string) =>
  api<InterviewKit>(`/api/v1/interviews/${id}/kit${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`);
export const getScorecards = (id: number, applicationId: number) =>
  api<Scorecards>(`/api/v1/interviews/${id}/scorecards?application_id=${applicationId}`);
/** Submits one's scorecard (POST), or edits it once submitted (PUT). */
export const saveScorecard = (id: number, body: ScorecardBody, edit = false) =>
  api<Scorecards>(`/api/v1/interviews/${id}/scorecards`, { method: edit ? 'PUT' : 'POST', body });

/** The opening's candidates side by side (the slate, each round's panel result), names in lang. */
export const getComparison = (openingId: number, lang?: string) =>
  api<Comparison>(`/api/v1/openings/${openingId}/comparison${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`);
/** Shortlists candidates and waits on or rejects the rest; refused (409) while the slate is not open. */
export const shortlist = (openingId: number, body: ShortlistBody) =>
  api<{ results: ShortlistResult[] }>(`/api/v1/openings/${openingId}/shortlist`, { method: 'POST', body }).then(
    (r) => r.results ?? [],
  );
/** Schedules a group interview (2 or more candidates) or a second interview of the opening. */
export const scheduleOpeningInterview = (openingId: number, body: OpeningInterviewBody) =>
  api<Interview>(`/api/v1/openings/${openingId}/interviews`, { method: 'POST', body });
/** The signed-in interviewer's interviews, with the scorecards they still owe. */
export const listMyInterviews = () =>
  api<Items<MyInterview>>('/api/v1/me/interviews').then((r) => r.items ?? []);

/** The application's interviews, newest first, with the rotation's suggested scenario for a first interview. */
export const listApplicationInterviews = (applicationId: number) =>
  api<ApplicationInterviews>(`/api/v1/applications/${applicationId}/interviews`).then((r) => ({
    items: r.items ?? [],
    suggested_scenario_id: r.suggested_scenario_id ?? null,
  }));
/** Moves an interview (time, place, panel, scenario); everyone gets the updated invite. */
export const rescheduleInterview = (id: number, body: InterviewBody) =>
  api<Interview>(`/api/v1/interviews/${id}`, { method: 'PUT', body });
export const cancelInterview = (id: number) => api<Interview>(`/api/v1/interviews/${id}/cancel`, { method: 'POST' });
/** Excuses an interviewer of the panel: they no longer owe scorecards for the interview. */
export const excuseInterviewer = (id: number, interviewerId: number, reason: string) =>
  api<Interview>(`/api/v1/interviews/${id}/excuse`, { method: 'POST', body: { interviewer_id: interviewerId, reason } });
/** How each interviewer scores against their panels, for one opening or all. */
export const getCalibration = (openingId: number | null) =>
  api<Items<CalibrationRow>>(`/api/v1/calibration${openingId ? `?opening_id=${openingId}` : ''}`).then((r) => r.items ?? []);
