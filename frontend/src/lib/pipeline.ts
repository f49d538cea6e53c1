// Shared facts of the candidate pipeline: stage colours, who may run it, time in stage.
import type { Opening, Stage, User } from '../api/types';
import { hasRole } from './roles';

/** One colour per stage, used by the board's columns, stage badges and the openings' stage chips. */
export const STAGE_COLORS: Record<Stage, string> = {
  applied: 'gray',
  questionnaire: 'violet',
  screening: 'blue',
  first_interview: 'cyan',
  shortlist: 'teal',
  second_interview: 'indigo',
  offer: 'orange',
  hired: 'green',
  rejected: 'red',
  withdrawn: 'dark',
};

/** The two ways out of the pipeline; the board shows them narrower, and they can be collapsed. */
export const EXIT_STAGES: Stage[] = ['rejected', 'withdrawn'];

/** Admins, department heads and recruiters run the pipeline: add, move, import and edit openings. */
export const canManagePipeline = (user: User) => hasRole(user, 'admin', 'department_head', 'recruiter');

/** Roles that may add an opening outside a staffing plan (POST /openings). */
export const canCreateOpening = canManagePipeline;

/** A department head decides on a pending opening, unless they added it themselves. */
export const canDecideOpening = (user: User, o: Opening) =>
  hasRole(user, 'department_head') && o.status === 'pending_approval' && o.created_by !== user.id;

/** Whole days since an instant (0 on the same day). */
export function daysSince(iso: string, now = Date.now()): number {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((now - t) / 86_400_000));
}

/** The opening's public apply page, as a full address to share. */
export const applyUrl = (o: Opening) => `${window.location.origin}${o.apply_path}`;

/** A short random ID for a new question or option (unique within its questionnaire). */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
