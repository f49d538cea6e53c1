// Types and calls of the candidate-facing public endpoints (no session, no CSRF token) and of the
// recruiting report.
import { api } from './client';

/** An opening as its public apply page shows it. */
export interface PublicOpening {
  id: number;
  title: string;
  description: string;
  role: string;
  /** False once the opening is closed: the page is still there but takes no applications. */
  open: boolean;
}

/** The answer to an application; the same whether or not this address had applied before. */
export interface ApplyResponse {
  message: string;
}

/** The fields of the apply form, as the multipart body names them. */
export interface ApplyFields {
  name: string;
  email: string;
  phone: string;
  location: string;
  locale: string;
  cv: File | null;
}

export type QuestionKind = 'single_choice' | 'multiple_choice' | 'number' | 'scale' | 'free_text';

/** A question as the candidate sees it: no points, no knock-outs. */
export interface PublicQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  options?: { id: string; label: string }[];
  min?: number;
  max?: number;
}

/** The questionnaire a signed link opens. */
export interface PublicQuestionnaire {
  opening_title: string;
  candidate_name: string;
  /** The candidate's language (en or sq). */
  locale: string;
  due: string | null;
  questions: PublicQuestion[];
}

/** One answer; which of option_ids, number and text is set depends on the question's kind. */
export interface Answer {
  question_id: string;
  option_ids?: string[];
  number?: number;
  text?: string;
}

/** Where each stage of the pipeline stands: how many are in it now, how many ever reached it. */
export interface StageStat {
  stage: string;
  current: number;
  reached: number;
  /** Of those who reached the stage, the share (0-100) that reached the next one; null with too few. */
  pass_through_percent: number | null;
  median_hours: number | null;
}

/** How the candidates of one source fared. */
export interface SourceStat {
  source: string;
  applications: number;
  screened: number;
  interviewed: number;
  hired: number;
}

/** The recruiting report of one opening, or of all of them when opening_id is null. */
export interface PipelineReport {
  opening_id: number | null;
  total: number;
  stages: StageStat[];
  closed: Record<string, number>;
  sources: SourceStat[];
  median_first_contact_hours: number | null;
  contacted: number;
}

export const getPublicOpening = (id: string) =>
  api<PublicOpening>(`/api/v1/public/openings/${encodeURIComponent(id)}`, { quiet401: true });

/** Sends an application with its CV as multipart/form-data; consent is given by sending the form. */
export function applyToOpening(id: string, f: ApplyFields): Promise<ApplyResponse> {
  const body = new FormData();
  body.set('name', f.name);
  body.set('email', f.email);
  body.set('phone', f.phone);
  body.set('location', f.location);
  body.set('locale', f.locale);
  body.set('consent', 'true');
  if (f.cv) body.set('cv', f.cv, f.cv.name);
  return api<ApplyResponse>(`/api/v1/public/openings/${encodeURIComponent(id)}/applications`, {
    method: 'POST',
    body,
    quiet401: true,
  });
}

export const getPublicQuestionnaire = (token: string) =>
  api<PublicQuestionnaire>(`/api/v1/public/questionnaires/${encodeURIComponent(token)}`, { quiet401: true });

export const submitQuestionnaire = (token: string, answers: Answer[], locale: string) =>
  api<{ message: string }>(`/api/v1/public/questionnaires/${encodeURIComponent(token)}`, {
    method: 'POST',
    body: { answers, locale },
    quiet401: true,
  });

/** A candidate's answer to an interview invitation: '' until they answer. */
export type InterviewResponse = '' | 'confirmed' | 'another_time';

/** The candidate's next interview, as the signed link in their invitation opens it. */
export interface PublicInterview {
  /** The version the candidate sees; an answer to a version since rescheduled is refused (409). */
  interview_id: number;
  sequence: number;
  candidate_name: string;
  /** The opening's title. */
  title: string;
  kind: 'first' | 'second' | 'group' | string;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  location: string;
  video_url: string;
  status: 'scheduled' | 'cancelled' | string;
  response: InterviewResponse | string;
  response_note: string;
  /** The candidate's language, if the server says it (en or sq). */
  locale?: string;
}

export const getPublicInterview = (token: string) =>
  api<PublicInterview>(`/api/v1/public/interviews/${encodeURIComponent(token)}`, { quiet401: true });

/** Confirms the interview, or asks for another time (a note of up to 1000 characters is required then). */
export const respondToInterview = (
  token: string,
  seen: { interview_id: number; sequence: number },
  response: 'confirmed' | 'another_time',
  note = '',
) =>
  api<PublicInterview>(`/api/v1/public/interviews/${encodeURIComponent(token)}`, {
    method: 'POST',
    body: { response, ...(response === 'another_time' ? { note } : {}), interview_id: seen.interview_id, sequence: seen.sequence },
    quiet401: true,
  });

function reportQuery(openingId: number | null): string {
  return openingId ? `?opening_id=${openingId}` : '';
}

export const getPipelineReport = (openingId: number | null) =>
  api<PipelineReport>(`/api/v1/reports/pipeline${reportQuery(openingId)}`);

/** The report as a CSV download; a plain link works, the session cookie goes along. */
export const pipelineReportCsvUrl = (openingId: number | null) =>
  `/api/v1/reports/pipeline.csv${reportQuery(openingId)}`;

/** A new employee's invitation: who it is for, in their language. */
export interface PublicInvite {
  name: string;
  email: string;
  locale: string;
}

export const getInvite = (token: string) =>
  api<PublicInvite>(`/api/v1/public/invites/${encodeURIComponent(token)}`, { quiet401: true });

/** Sets the new employee's password from their invitation (once). */
export const acceptInvite = (token: string, password: string) =>
  api<PublicInvite>(`/api/v1/public/invites/${encodeURIComponent(token)}`, { method: 'POST', body: { password }, quiet401: true });
