// Types of the Bullpen API v1, as described in docs/api-contract.md.
import type { FieldError } from './client';
import type { PayLimits } from './offers';

export const ROLES = [
  'admin',
  'department_head',
  'recruiter',
  'interviewer',
  'sales_manager',
  'sales_rep',
] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  created_at: string;
}

/** A colleague who can be put on a hiring team (names only; GET /team). */
export interface TeamMember {
  id: number;
  name: string;
  roles: Role[];
}

export interface SessionResponse {
  user: User;
  csrf_token: string;
}

export interface SizingInput {
  monthly_revenue_target: number;
  average_deal_size: number;
  win_rate: number;
  calls_per_meeting: number;
  working_days_per_month: number;
  calls_per_day: number;
  meetings_per_month: number;
  ramp_months: number;
  ramp_productivity: number;
  span_of_control: number;
}

export interface WorkingStep {
  code: string;
  values?: Record<string, number | string | boolean | null>;
  text: string;
}

export interface SizingResult {
  reps_needed: number;
  manager_needed: boolean;
  managers_needed: number;
  headcount: number;
  activity: { deals: number; meetings: number; cold_calls: number };
  rep_capacity: {
    cold_calls: number;
    meetings: number;
    meetings_from_calls: number;
    deals: number;
    revenue: number;
    binding: 'meetings' | 'calls' | string;
  };
  ramp: {
    months: number;
    productivity: number;
    attainment_during_ramp: number;
    reps_to_hit_target_during_ramp: number;
  };
  working: WorkingStep[];
}

export const PLAN_STATUSES = ['pending_approval', 'changes_requested', 'approved', 'rejected'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PersonRef {
  id: number;
  name: string;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  actor: PersonRef | null;
  comment?: string;
}

export const OPENING_STATUSES = ['pending_approval', 'open', 'closed', 'rejected'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

/** How an opening's first interview, a negotiation role-play, is run. */
export interface RolePlaySettings {
  scenario: string;
  duration_minutes: number;
  /** The first interview's scenarios, rotated across the slate (difficulties at most one apart); absent on old data. */
  scenario_ids?: number[];
}

export interface Opening {
  id: number;
  /** Null for an opening a recruiter added outside a staffing plan. */
  plan_id: number | null;
  title: string;
  description: string;
  role: 'sales_manager' | 'sales_rep' | string;
  seats: number;
  status: OpeningStatus | string;
  recruiter_id: number | null;
  interviewer_ids: number[];
  questionnaire: Questionnaire | null;
  questionnaire_days: number;
  confirm_knock_outs: boolean;
  slate_size: number;
  role_play: RolePlaySettings;
  /** After this instant the shortlist decision opens even with fewer complete results than the slate size. */
  slate_deadline?: string | null;
  /** How far offers may deviate from the pay plan template; zero fields are no bound. */
  pay_limits?: PayLimits;
  /** The department heads who approve offers (none: every department head). */
  offer_approver_ids?: number[];
  /** How many approvals an offer needs (1-5); one more when it is outside the pay limits. */
  offer_approvals?: number;
  created_by: number | null;
  /** Applications per stage; stages with none are absent. */
  counts: Partial<Record<Stage, number>>;
  /** The public apply page, relative to the site's origin. */
  apply_path: string;
  created_at: string;
}

/** POST /openings (role required) and PUT /openings/:id (role left out). */
export interface OpeningBody {
  title: string;
  description: string;
  role?: string;
  seats: number;
  recruiter_id: number | null;
  interviewer_ids: number[];
  questionnaire: Questionnaire | null;
  questionnaire_days: number;
  confirm_knock_outs: boolean;
  slate_size: number;
  role_play: RolePlaySettings;
  slate_deadline?: string | null;
  pay_limits?: PayLimits;
  offer_approver_ids?: number[];
  offer_approvals?: number;
}

export type OpeningDecision = 'approve' | 'reject';

// Candidate pipeline (models/application.go, models/candidate.go, models/questionnaire.go).

/** The forward stages in order; an application moves one step at a time. */
export const PIPELINE_STAGES = [
  'applied',
  'questionnaire',
  'screening',
  'first_interview',
  'shortlist',
  'second_interview',
  'offer',
  'hired',
] as const;
/** Every stage: the pipeline, then the two ways out. */
export const STAGES = [...PIPELINE_STAGES, 'rejected', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];

export const SOURCES = ['apply_page', 'recruiter', 'import', 'referral', 'job_board', 'linkedin', 'other'] as const;
export type Source = (typeof SOURCES)[number];

export const QUESTION_KINDS = ['single_choice', 'multiple_choice', 'number', 'free_text', 'scale'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface QuestionOption {
  id: string;
  label: string;
  points: number;
  knock_out: boolean;
}

export interface Question {
  id: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  weight: number;
  options?: QuestionOption[];
  min?: number;
  max?: number;
  target?: number;
  knock_out_below?: number;
  /** The answer stays with the hiring managers (salary expectations): the panel does not see it. */
  private?: boolean;
}

export interface Questionnaire {
  questions: Question[];
  pass_mark: number;
}

export interface Answer {
  question_id: string;
  option_ids?: string[];
  number?: number;
  text?: string;
}

export interface QuestionScore {
  question_id: string;
  fraction: number;
  weight: number;
  knocked_out: boolean;
}

export interface Score {
  percent: number;
  passed: boolean;
  knocked_out: boolean;
  knock_outs: string[];
  per_question: QuestionScore[];
}

export interface QuestionnaireResponse {
  /** The questionnaire as it stood when the candidate answered. */
  questionnaire: Questionnaire;
  answers: Answer[];
  score: Score;
  locale: string;
  submitted_at: string;
}

export interface Candidate {
  id: number;
  name: string;
  email: string;
  phone: string;
  location: string;
  locale: string;
  source: Source | string;
  consent_at: string | null;
  has_cv: boolean;
  created_at: string;
}

export const EVENT_KINDS = [
  'applied',
  'moved',
  'note',
  'tagged',
  'questionnaire_sent',
  'questionnaire_reminded',
  'questionnaire_expired',
  'questionnaire_submitted',
  'knock_out_pending',
  'emailed',
] as const;

/** One entry of an application's timeline. */
export interface ApplicationEvent {
  id: number;
  at: string;
  kind: (typeof EVENT_KINDS)[number] | string;
  from?: Stage;
  to?: Stage;
  actor: PersonRef | null;
  /** A move's reason, or a note's text. */
  reason?: string;
  reason_code?: string;
  data: Record<string, unknown> | null;
}

/** What the application's workflow says of itself while it runs. */
export interface ApplicationWorkflow {
  id: string;
  running: boolean;
  knock_out_pending: boolean;
  questionnaire_due: string | null;
}

export interface OtherApplication {
  id: number;
  opening_id: number;
  opening_title: string;
  stage: Stage;
}

export type QuestionnaireStatus = '' | 'sent' | 'submitted' | 'expired';

/** An application as the board lists it; GET /applications/:id adds the optional parts. */
export interface Application {
  id: number;
  opening_id: number;
  candidate: Candidate;
  stage: Stage;
  source: Source | string;
  tags: string[];
  score_percent: number | null;
  knocked_out: boolean;
  questionnaire_status: QuestionnaireStatus;
  questionnaire_due: string | null;
  reason_code: string;
  stage_entered_at: string;
  first_contact_at: string | null;
  created_at: string;
  /** The stages this application may move to now. */
  allowed_moves: Stage[];
  /** Set when adding a candidate who had already applied: this is their existing application. */
  duplicate?: boolean;
  opening?: Opening;
  timeline?: ApplicationEvent[];
  questionnaire?: QuestionnaireResponse;
  workflow?: ApplicationWorkflow;
  other_applications?: OtherApplication[];
}

export interface ApplicationFilter {
  source?: string;
  tag?: string;
  min_score?: number;
  q?: string;
}

export interface NewCandidateBody {
  name: string;
  email: string;
  phone: string;
  location: string;
  locale: string;
  source: string;
  tags: string[];
  note: string;
  send_questionnaire: boolean;
}

/** A page of the board: at most 1,000 applications, and how many match in all. */
export interface ApplicationPage {
  items: Application[];
  total: number;
}

export interface MoveBody {
  to: Stage;
  reason: string;
  reason_code: string;
  /** The stage the user saw; a move on an application that has moved on since is refused (409). */
  from?: Stage;
}

export interface QuestionnaireTemplate {
  id: number;
  title: string;
  questionnaire: Questionnaire;
  updated_at: string;
}

// CSV imports (api/imports.go).

/** One invalid field of a CSV row. */
export interface RowError {
  line: number;
  field?: string;
  message: string;
}

export interface ImportPreview {
  header: string[];
  /** Candidate field to column, as suggested (or as sent). */
  mapping: Record<string, string>;
  /** The candidate fields a column can be mapped to. */
  fields: string[];
  /** How many data rows the file holds. */
  rows: number;
  sample: { line: number; name: string; email: string; errors: FieldError[] }[];
}

export interface ImportJob {
  id: number;
  opening_id: number;
  status: 'running' | 'finished' | 'failed' | string;
  total: number;
  done: number;
  created: number;
  duplicates: number;
  failed: number;
  errors: RowError[];
  message: string;
  created_at: string;
  finished_at: string | null;
}

export interface Plan {
  id: number;
  title: string;
  currency: string;
  notes?: string;
  status: PlanStatus;
  inputs: SizingInput;
  result: SizingResult;
  revision: number;
  author: PersonRef;
  created_at: string;
  updated_at: string;
  timeline?: TimelineEntry[];
  openings?: Opening[];
  /** Seats filled against planned (the single-plan GET). */
  staffing?: PlanStaffing;
}

/** How far a plan's hiring has come, per opening, with the days each seat took to fill. */
export interface PlanStaffing {
  planned: number;
  filled: number;
  openings: {
    opening_id: number;
    title: string;
    seats: number;
    filled: number;
    hires: { name: string; start_date: string; hired_at: string; days_to_fill: number }[];
  }[];
}

export interface PlanBody {
  title: string;
  currency: string;
  notes?: string;
  inputs: SizingInput;
}

export type Decision = 'approve' | 'reject' | 'request_changes';

export interface AppNotification {
  id: number;
  kind: string;
  message: string;
  link?: string;
  /** Names what the notice is about (plan_title, headcount, decision...) so it can be said in any language. */
  params?: Record<string, string | number>;
  created_at: string;
  read_at: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface NewUserBody {
  email: string;
  name: string;
  password: string;
  roles: Role[];
}

export interface UserPatch {
  name?: string;
  roles?: Role[];
  active?: boolean;
}

/** An e-mail of the outbox, as admins see it. */
export interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  status: 'pending' | 'sent' | 'kept' | string;
  attempts: number;
  last_error: string;
  created_at: string;
  sent_at: string | null;
}

/** An entry of the append-only audit log. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: number; name: string } | null;
  action: string;
  object_type: string;
  object_id: number;
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The languages every role-play scenario is written in, in the order the editor's tabs show them. */
export const SCENARIO_LOCALES = ['en', 'sq'] as const;
export type ScenarioLocale = (typeof SCENARIO_LOCALES)[number];

/** One thing a rubric scores on an anchored 1-5 scale: what a 1, a 3 and a 5 look like. */
export interface Competency {
  id: string;
  name: string;
  anchor_1: string;
  anchor_3: string;
  anchor_5: string;
}

export interface Rubric {
  competencies: Competency[];
}

/** A role-play scenario in one language: the buyer persona, both briefs and the rubric. */
export interface ScenarioText {
  name: string;
  behaviour: string;
  /** For the interviewer who plays the buyer only. */
  opening_lines: string;
  hidden_constraints: string;
  objections: string;
  buying_triggers: string;
  /** For the candidate: what they sell and what they must achieve. */
  product: string;
  goal: string;
  rubric: Rubric;
}

/** A negotiation role-play scenario (buyer persona) of the library, written in every locale. */
export interface Scenario {
  id: number;
  slug: string;
  /** 1 (a gentle buyer) to 5 (the hardest). */
  difficulty: number;
  duration_minutes: number;
  text: Partial<Record<ScenarioLocale, ScenarioText>>;
  archived: boolean;
}

/** POST /scenarios and PUT /scenarios/:id; the server refuses any other field. */
export interface ScenarioBody {
  slug: string;
  difficulty: number;
  duration_minutes: number;
  text: Record<ScenarioLocale, ScenarioText>;
  archived: boolean;
}

// Interviews and scorecards (api/interviews.go, api/scorecards.go).

/** An interviewer of an interview's panel; an excused one no longer owes scorecards for it. */
export interface Panelist extends PersonRef {
  excused?: boolean;
  excuse_reason?: string;
}

/** A candidate of an interview (id is the application's) and their answer to the invitation. */
export interface InterviewCandidate extends PersonRef {
  response?: '' | 'confirmed' | 'another_time' | string;
  response_note?: string;
  responded_at?: string | null;
}

export interface Interview {
  id: number;
  opening_id: number;
  kind: 'first' | 'second' | 'group' | string;
  scenario_id: number | null;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  location: string;
  video_url: string;
  status: 'scheduled' | 'cancelled' | string;
  sequence: number;
  interviewers: Panelist[];
  candidates: InterviewCandidate[];
  application_ids: number[];
}

/** POST /applications/:id/interviews and PUT /interviews/:id. */
export interface InterviewBody {
  kind?: 'first' | 'second';
  starts_at: string;
  duration_minutes: number;
  location: string;
  video_url: string;
  interviewer_ids: number[];
  scenario_id: number | null;
}

/** What the interviewer needs, in one language: the persona and its hidden brief, the rubric, the candidates. */
export interface InterviewKit {
  interview: Interview;
  locale: string;
  scenario: ScenarioText | null;
  difficulty: number;
  rubric: Rubric;
  candidates: { application_id: number; name: string; stage: Stage; questionnaire: QuestionnaireResponse | null }[];
}

export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface Rating {
  competency_id: string;
  score: number;
  evidence: string;
}

export interface ScorecardBody {
  application_id: number;
  ratings: Rating[];
  recommendation: Recommendation | '';
  notes: string;
}

export interface Scorecard {
  interviewer: PersonRef;
  ratings: Rating[];
  recommendation: Recommendation;
  notes: string;
  edits: number;
  submitted_at: string;
  updated_at: string;
}

export interface CompetencyResult {
  competency_id: string;
  mean: number;
  spread: number;
  n: number;
}

export interface InterviewResult {
  competencies: CompetencyResult[];
  overall: number;
  max_spread: number;
  recommendations: Partial<Record<Recommendation, number>>;
  recommendation_mean: number;
  scorecards: number;
}

/** One candidate's scorecards in one interview; others and result stay hidden until one's own is in. */
export interface Scorecards {
  mine: Scorecard | null;
  others: Scorecard[];
  hidden: boolean;
  awaiting: PersonRef[];
  result: InterviewResult | null;
}

// Slate, comparison and shortlist (GET /openings/:id/comparison, POST /openings/:id/shortlist).

/** Whether an opening's shortlist decision is open: enough complete first rounds, or its deadline passed. */
export interface Slate {
  size: number;
  complete: number;
  open: boolean;
  opened_at: string | null;
  /** Says why the slate opened early (its deadline passed). */
  note: string;
  deadline: string | null;
}

/** One interview round of a candidate, as the comparison shows it. */
export interface ComparisonRound {
  interview_id: number;
  kind: 'first' | 'second' | 'group' | string;
  starts_at: string;
  scenario: { id: number; name: string; difficulty: number } | null;
  complete: boolean;
  /** The reader sits on this panel and has not scored yet: no result or notes until they have. */
  hidden?: boolean;
  awaiting: PersonRef[];
  result: InterviewResult | null;
  notes: { interviewer: PersonRef; recommendation: Recommendation | ''; notes: string }[];
}

/** One candidate who reached the first interview, side by side with the others. */
export interface ComparisonRow {
  application_id: number;
  name: string;
  stage: Stage;
  questionnaire: { percent: number; passed: boolean; knocked_out: boolean } | null;
  first: ComparisonRound | null;
  /** The latest second or group interview. */
  second: ComparisonRound | null;
}

export interface Comparison {
  opening_id: number;
  title: string;
  slate: Slate;
  competencies: { id: string; name: string }[];
  group_competencies: { id: string; name: string }[];
  rows: ComparisonRow[];
}

export interface ShortlistBody {
  application_ids: number[];
  reason: string;
  /** What happens to the other candidates at the first interview with a complete result. */
  rest: 'wait' | 'reject';
  reject_code: string;
  reject_reason: string;
}

/** An RFC 9457 problem, as the API nests it in a batch's results. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
}

export interface ShortlistResult {
  application_id: number;
  to: Stage;
  ok: boolean;
  problem: Problem | null;
}

/** POST /openings/:id/interviews: a group interview (2 to 12 candidates) or a second interview. */
export interface OpeningInterviewBody extends Omit<InterviewBody, 'kind'> {
  kind: 'group' | 'second';
  application_ids: number[];
}

/** GET /me/interviews: an interview of the caller's, with the applications they still have to score. */
export interface MyInterview extends Interview {
  owed: number[];
}

// The candidate page's interviews, interviewer calibration (GET /applications/:id/interviews, GET /calibration).

/** An interview of the application, with who has scored this candidate and the panel's result once complete. */
export interface InterviewItem extends Interview {
  /** The interviewers who have scored this candidate. */
  submitted: number[];
  /** Every interviewer not excused has scored. */
  complete: boolean;
  result: InterviewResult | null;
}

export interface ApplicationInterviews {
  items: InterviewItem[];
  /** The opening's rotation's next scenario for a first interview. */
  suggested_scenario_id: number | null;
}

/** How one interviewer scores compared with their panels, and how promptly. */
export interface CalibrationRow {
  interviewer: PersonRef;
  scorecards: number;
  average_score: number | null;
  /** Mean signed difference from the panel's mean on the same candidate and competency (positive: higher). */
  panel_deviation: number | null;
  /** The mean absolute value of that difference. */
  panel_distance: number | null;
  /** How many of their scores had a panel to compare with (absent on older servers). */
  compared?: number;
  late: number;
  pending: number;
  median_hours_to_submit: number | null;
}
