// What the public pages tell candidates, in their language. The server's messages are English (field
// messages are fragments such as "is required"): English readers get the server's own words, others the
// translation of the message the server meant.
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';
import type { PublicQuestion } from '../api/public';

/** The server's sentence for an English reader, otherwise the translation under key. */
export function serverText(message: string | undefined, key: string, t: TFunction, lang: string): string {
  return lang.startsWith('en') && message ? message : t(key);
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** A field error of the apply form, from the server's fragment. */
export function applyFieldMessage(field: string, message: string, t: TFunction): string {
  const tooLong = /^must be at most (\d+) characters$/.exec(message);
  const tooBig = /^must be at most (\d+) MB$/.exec(message);
  switch (true) {
    case message === 'is required':
      return field === 'email' ? t('public.apply.errors.emailRequired') : t('public.apply.errors.nameRequired');
    case !!tooLong:
      return t('public.apply.errors.tooLong', { count: Number(tooLong![1]) });
    case !!tooBig:
      return t('public.apply.errors.cvTooBig', { mb: Number(tooBig![1]) });
    case field === 'email':
      return t('public.apply.errors.emailInvalid');
    case field === 'phone':
      return t('public.apply.errors.phoneInvalid');
    case field === 'consent':
      return t('public.apply.errors.consent');
    case field === 'locale':
      return t('public.apply.errors.locale');
    case field === 'cv' && message.startsWith('must be a PDF'):
      return t('public.apply.errors.cvType');
    case field === 'cv' && message === 'is empty':
      return t('public.apply.errors.cvEmpty');
    case field === 'cv' && message.startsWith('is not really'):
      return t('public.apply.errors.cvNotReally');
    case field === 'cv':
      return t('public.apply.errors.cvUnreadable');
  }
  return capitalize(message);
}

/** The field errors of a refused application, keyed by the form's field names and said in the reader's language. */
export function applyFieldErrors(err: unknown, t: TFunction): Record<string, string> {
  if (!isApiError(err) || err.status !== 400) return {};
  const out: Record<string, string> = {};
  for (const e of err.errors) {
    if (e.field && !out[e.field]) out[e.field] = applyFieldMessage(e.field, e.message, t);
  }
  return out;
}

function rangeMessage(q: PublicQuestion | undefined, t: TFunction, num: (n: number) => string): string {
  if (q?.min != null && q.max != null) return t('public.q.errors.between', { min: num(q.min), max: num(q.max) });
  if (q?.min != null) return t('public.q.errors.atLeast', { min: num(q.min) });
  if (q?.max != null) return t('public.q.errors.atMost', { max: num(q.max) });
  return t('public.q.errors.number');
}

/** An answer's error, from the server's fragment, with the question at hand for its range. */
export function answerMessage(message: string, q: PublicQuestion | undefined, t: TFunction, num: (n: number) => string): string {
  const tooLong = /^must be at most (\d+) characters$/.exec(message);
  switch (true) {
    case message === 'is required':
      return t('public.q.errors.required');
    case message.startsWith('is out of range'):
      return rangeMessage(q, t, num);
    case message === 'choose exactly one option':
      return t('public.q.errors.chooseOne');
    case message === 'must be a whole step of the scale':
      return t('public.q.errors.wholeStep');
    case !!tooLong:
      return t('public.q.errors.tooLong', { count: Number(tooLong![1]) });
  }
  return capitalize(message);
}

/**
 * The answers' errors by question ID: the server names an answer "answers.<question id>", or
 * "answers.<index>.question_id" when the answer names no question of the questionnaire (then `form` holds it).
 */
export function answerErrors(
  err: unknown,
  questions: PublicQuestion[],
  t: TFunction,
  num: (n: number) => string,
): { byQuestion: Record<string, string>; form: string[] } {
  const byQuestion: Record<string, string> = {};
  const form: string[] = [];
  if (!isApiError(err) || err.status !== 400) return { byQuestion, form };
  for (const e of err.errors) {
    const id = e.field.startsWith('answers.') ? e.field.slice('answers.'.length) : '';
    const q = questions.find((x) => x.id === id);
    if (q) {
      byQuestion[q.id] ??= answerMessage(e.message, q, t, num);
    } else {
      form.push(capitalize(e.message));
    }
  }
  return { byQuestion, form };
}

/** Why a questionnaire link no longer opens a questionnaire. */
export type LinkProblem = 'answered' | 'expired' | 'closed' | 'invalid';

/** Reads a 403 or 409 of the questionnaire endpoints; null for any other failure. */
export function linkProblem(err: unknown): LinkProblem | null {
  if (!isApiError(err)) return null;
  if (err.status === 403) return 'invalid';
  if (err.status !== 409) return null;
  const d = err.detail.toLowerCase();
  if (d.includes('already answered')) return 'answered';
  if (d.includes('expired') || d.includes('run out')) return 'expired';
  return 'closed';
}
