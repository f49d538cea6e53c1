// Types of the Bullpen API v1, as described in docs/api-contract.md.

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

export interface Opening {
  id: number;
  plan_id: number;
  title: string;
  role: 'sales_manager' | 'sales_rep' | string;
  seats: number;
  status: string;
  created_at: string;
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
