// The opening settings form: its values (numbers may be '' while typed), and the conversions to and from
// the API's opening and questionnaire.
import dayjs from 'dayjs';
import type { Opening, OpeningBody, Question, QuestionKind, Questionnaire } from '../api/types';
import { newId } from './pipeline';

/** A number input's value: '' while empty. */
export type Num = number | string;

export interface OptionValues {
  id: string;
  label: string;
  points: Num;
  knock_out: boolean;
}

export interface QuestionValues {
  id: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  weight: Num;
  options: OptionValues[];
  min: Num;
  max: Num;
  target: Num;
  knock_out_below: Num;
  private: boolean;
}

export interface QuestionnaireValues {
  pass_mark: Num;
  questions: QuestionValues[];
}

export interface SettingsValues {
  title: string;
  description: string;
  seats: Num;
  slate_size: Num;
  questionnaire_days: Num;
  confirm_knock_outs: boolean;
  role_play: { scenario: string; duration_minutes: Num; scenario_ids: string[] };
  /** A DateTimePicker's value (local time, 'YYYY-MM-DD HH:mm:ss'), or null for no deadline. */
  slate_deadline: string | null;
  recruiter_id: string | null;
  interviewer_ids: string[];
  use_questionnaire: boolean;
  questionnaire: QuestionnaireValues;
  /** Offer terms: the pay limits ('' for no bound), the approvers (none: every department head), how many approve. */
  pay_limits: PayLimitValues;
  offer_approver_ids: string[];
  offer_approvals: Num;
}

export interface PayLimitValues {
  min_base: Num;
  max_base: Num;
  min_commission_pct: Num;
  max_commission_pct: Num;
  max_ramp_months: Num;
}

/** A limit as the form shows it: zero (no bound) as an empty input. */
const limit = (v: number | undefined): Num => (v ? v : '');

const isChoice = (k: QuestionKind) => k === 'single_choice' || k === 'multiple_choice';
const opt = (v: number | undefined): Num => (v === undefined || v === null ? '' : v);
const numOrUndefined = (v: Num): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const numOrZero = (v: Num): number => numOrUndefined(v) ?? 0;

export function newOption(): OptionValues {
  return { id: newId('o'), label: '', points: 0, knock_out: false };
}

/** A new question of a kind, with the defaults that kind needs to be valid once its prompt is written. */
export function newQuestion(kind: QuestionKind = 'single_choice'): QuestionValues {
  return {
    id: newId('q'),
    kind,
    prompt: '',
    required: true,
    weight: kind === 'free_text' ? 0 : 1,
    options: isChoice(kind) ? [newOption(), newOption()] : [],
    min: kind === 'scale' ? 1 : '',
    max: kind === 'scale' ? 5 : '',
    target: '',
    knock_out_below: '',
    private: false,
  };
}

/** The same question asked another way: keeps prompt and weight, gives the new kind what it needs. */
export function withKind(q: QuestionValues, kind: QuestionKind): QuestionValues {
  const fresh = newQuestion(kind);
  return {
    ...fresh,
    id: q.id,
    prompt: q.prompt,
    required: q.required,
    private: q.private,
    weight: kind === 'free_text' ? 0 : q.kind === 'free_text' ? 1 : q.weight,
    options: isChoice(kind) && q.options.length ? q.options : fresh.options,
  };
}

export function toQuestionValues(q: Question): QuestionValues {
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    required: q.required,
    weight: q.weight,
    options: (q.options ?? []).map((o) => ({ ...o })),
    min: opt(q.min),
    max: opt(q.max),
    target: opt(q.target),
    knock_out_below: opt(q.knock_out_below),
    private: q.private ?? false,
  };
}

export function toQuestionnaireValues(q: Questionnaire | null | undefined): QuestionnaireValues {
  if (!q) return { pass_mark: 60, questions: [newQuestion()] };
  return { pass_mark: q.pass_mark, questions: q.questions.map(toQuestionValues) };
}

/** The questionnaire as the API takes it: only the fields each kind uses. */
export function toQuestionnaire(v: QuestionnaireValues): Questionnaire {
  return {
    pass_mark: numOrZero(v.pass_mark),
    questions: v.questions.map((q) => {
      const out: Question = {
        id: q.id,
        kind: q.kind,
        prompt: q.prompt.trim(),
        required: q.required,
        weight: q.kind === 'free_text' ? 0 : numOrZero(q.weight),
      };
      if (q.private) out.private = true;
      if (isChoice(q.kind)) {
        out.options = q.options.map((o) => ({ id: o.id, label: o.label.trim(), points: numOrZero(o.points), knock_out: o.knock_out }));
      }
      if (q.kind === 'number' || q.kind === 'scale') {
        out.min = numOrUndefined(q.min);
        out.max = numOrUndefined(q.max);
      }
      if (q.kind === 'number') {
        out.target = numOrUndefined(q.target);
        out.knock_out_below = numOrUndefined(q.knock_out_below);
      }
      return out;
    }),
  };
}

export function toSettingsValues(o: Opening): SettingsValues {
  return {
    title: o.title,
    description: o.description,
    seats: o.seats,
    slate_size: o.slate_size,
    questionnaire_days: o.questionnaire_days,
    confirm_knock_outs: o.confirm_knock_outs,
    role_play: {
      scenario: o.role_play?.scenario ?? '',
      duration_minutes: o.role_play?.duration_minutes ?? 0,
      scenario_ids: (o.role_play?.scenario_ids ?? []).map(String),
    },
    slate_deadline: o.slate_deadline ? dayjs(o.slate_deadline).format('YYYY-MM-DD HH:mm:ss') : null,
    recruiter_id: o.recruiter_id !== null ? String(o.recruiter_id) : null,
    interviewer_ids: (o.interviewer_ids ?? []).map(String),
    use_questionnaire: !!o.questionnaire,
    questionnaire: toQuestionnaireValues(o.questionnaire),
    pay_limits: {
      min_base: limit(o.pay_limits?.min_base),
      max_base: limit(o.pay_limits?.max_base),
      min_commission_pct: limit(o.pay_limits?.min_commission_pct),
      max_commission_pct: limit(o.pay_limits?.max_commission_pct),
      max_ramp_months: limit(o.pay_limits?.max_ramp_months),
    },
    offer_approver_ids: (o.offer_approver_ids ?? []).map(String),
    offer_approvals: o.offer_approvals || 1,
  };
}

/** PUT /openings/:id's body; the role stays out (it cannot change). */
export function toOpeningBody(v: SettingsValues): OpeningBody {
  return {
    title: v.title.trim(),
    description: v.description,
    seats: numOrZero(v.seats),
    slate_size: numOrZero(v.slate_size),
    questionnaire_days: numOrZero(v.questionnaire_days),
    confirm_knock_outs: v.confirm_knock_outs,
    role_play: {
      scenario: v.role_play.scenario,
      duration_minutes: numOrZero(v.role_play.duration_minutes),
      scenario_ids: v.role_play.scenario_ids.map(Number),
    },
    slate_deadline: v.slate_deadline ? dayjs(v.slate_deadline).toISOString() : null,
    recruiter_id: v.recruiter_id ? Number(v.recruiter_id) : null,
    interviewer_ids: v.interviewer_ids.map(Number),
    questionnaire: v.use_questionnaire ? toQuestionnaire(v.questionnaire) : null,
    pay_limits: {
      min_base: numOrZero(v.pay_limits.min_base),
      max_base: numOrZero(v.pay_limits.max_base),
      min_commission_pct: numOrZero(v.pay_limits.min_commission_pct),
      max_commission_pct: numOrZero(v.pay_limits.max_commission_pct),
      max_ramp_months: numOrZero(v.pay_limits.max_ramp_months),
    },
    offer_approver_ids: v.offer_approver_ids.map(Number),
    offer_approvals: numOrZero(v.offer_approvals) || 1,
  };
}

/** The server's field paths this form shows next to an input; any other is listed above the save button. */
const SHOWN =
  /^(title|description|seats|slate_size|questionnaire_days|confirm_knock_outs|role_play\.(scenario|duration_minutes|scenario_ids(\.\d+)?)|slate_deadline|pay_limits\.(min_base|max_base|min_commission_pct|max_commission_pct|max_ramp_months)|offer_approver_ids(\.\d+)?|offer_approvals|recruiter_id|interviewer_ids(\.\d+)?|questionnaire\.pass_mark|questionnaire\.questions(\.\d+\.(id|kind|prompt|weight|required|options(\.\d+(\.(points|label|id))?)?|min|max|target|knock_out_below))?)$/;

export const isShownField = (path: string) => SHOWN.test(path);
