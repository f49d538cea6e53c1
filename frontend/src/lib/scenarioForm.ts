// The role-play scenario editor: its values, the conversions to and from the API's scenario, and where a
// server field error ("text.sq.rubric.competencies.2.anchor_3") belongs in the form and in which tab.
import { SCENARIO_LOCALES, type Scenario, type ScenarioBody, type ScenarioLocale, type ScenarioText } from '../api/types';
import type { Num } from './openingForm';
import { newId } from './pipeline';

/** The fields of a scenario's text that are one input each, in the order the editor shows them. */
export const TEXT_FIELDS = [
  'name',
  'behaviour',
  'product',
  'goal',
  'opening_lines',
  'hidden_constraints',
  'objections',
  'buying_triggers',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** The three anchors of a competency's 1-5 scale. */
export const ANCHORS = ['anchor_1', 'anchor_3', 'anchor_5'] as const;

export type TextValues = Record<TextField, string>;

export interface CompetencyTextValues {
  name: string;
  anchor_1: string;
  anchor_3: string;
  anchor_5: string;
}

/**
 * One competency of the rubric. Its ID is shared by every language (the server wants the same IDs, in the same
 * order, in each), so the list is kept once and adding, removing or moving one changes both languages.
 */
export interface CompetencyValues {
  /** React's key; never sent. */
  key: string;
  id: string;
  text: Record<ScenarioLocale, CompetencyTextValues>;
}

export interface ScenarioFormValues {
  slug: string;
  difficulty: number;
  duration_minutes: Num;
  archived: boolean;
  text: Record<ScenarioLocale, TextValues>;
  competencies: CompetencyValues[];
}

const emptyText = (): TextValues => ({
  name: '',
  behaviour: '',
  product: '',
  goal: '',
  opening_lines: '',
  hidden_constraints: '',
  objections: '',
  buying_triggers: '',
});

const perLocale = <T>(make: (loc: ScenarioLocale) => T) =>
  Object.fromEntries(SCENARIO_LOCALES.map((l) => [l, make(l)])) as Record<ScenarioLocale, T>;

export function newCompetency(): CompetencyValues {
  return { key: newId('c'), id: '', text: perLocale(() => ({ name: '', anchor_1: '', anchor_3: '', anchor_5: '' })) };
}

/** A blank scenario: a gentle buyer, a quarter of an hour, one competency to fill in. */
export function blankScenarioValues(): ScenarioFormValues {
  return { slug: '', difficulty: 1, duration_minutes: 15, archived: false, text: perLocale(emptyText), competencies: [newCompetency()] };
}

/** The scenario as the editor holds it; competencies are paired across languages by position. */
export function toScenarioValues(s: Scenario): ScenarioFormValues {
  const rows = Math.max(0, ...SCENARIO_LOCALES.map((l) => s.text[l]?.rubric?.competencies?.length ?? 0));
  const competencies: CompetencyValues[] = [];
  for (let i = 0; i < rows; i++) {
    const at = (l: ScenarioLocale) => s.text[l]?.rubric?.competencies?.[i];
    const id = SCENARIO_LOCALES.map((l) => at(l)?.id).find((x) => x) ?? '';
    competencies.push({
      key: newId('c'),
      id,
      text: perLocale((l) => {
        const c = at(l);
        return { name: c?.name ?? '', anchor_1: c?.anchor_1 ?? '', anchor_3: c?.anchor_3 ?? '', anchor_5: c?.anchor_5 ?? '' };
      }),
    });
  }
  return {
    slug: s.slug,
    difficulty: s.difficulty,
    duration_minutes: s.duration_minutes,
    archived: s.archived,
    text: perLocale((l) => {
      const t = s.text[l];
      const out = emptyText();
      if (t) for (const f of TEXT_FIELDS) out[f] = t[f] ?? '';
      return out;
    }),
    competencies: competencies.length ? competencies : [newCompetency()],
  };
}

/** What a copy of a scenario starts as: the same text under a new slug, not archived, names marked as a copy. */
export function toCopyValues(s: Scenario, copyMark: Record<ScenarioLocale, string>): ScenarioFormValues {
  const v = toScenarioValues(s);
  v.slug = `${s.slug}-copy`.slice(0, 40);
  v.archived = false;
  for (const l of SCENARIO_LOCALES) v.text[l].name = v.text[l].name ? `${v.text[l].name} ${copyMark[l]}`.slice(0, 100) : '';
  return v;
}

const num = (v: Num): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** POST/PUT /scenarios' body: exactly the fields the server takes (it refuses any other). */
export function toScenarioBody(v: ScenarioFormValues): ScenarioBody {
  return {
    slug: v.slug.trim(),
    difficulty: v.difficulty,
    duration_minutes: num(v.duration_minutes),
    archived: v.archived,
    text: perLocale((l): ScenarioText => {
      const t = v.text[l];
      return {
        name: t.name.trim(),
        behaviour: t.behaviour.trim(),
        opening_lines: t.opening_lines.trim(),
        hidden_constraints: t.hidden_constraints.trim(),
        objections: t.objections.trim(),
        buying_triggers: t.buying_triggers.trim(),
        product: t.product.trim(),
        goal: t.goal.trim(),
        rubric: {
          competencies: v.competencies.map((c) => ({
            id: c.id.trim(),
            name: c.text[l].name.trim(),
            anchor_1: c.text[l].anchor_1.trim(),
            anchor_3: c.text[l].anchor_3.trim(),
            anchor_5: c.text[l].anchor_5.trim(),
          })),
        },
      };
    }),
  };
}

/** Where a server field error belongs: the form path of its input (or null: none shows it) and its tab. */
export interface ErrorPlace {
  path: string | null;
  locale: ScenarioLocale | null;
}

const TOP = /^(slug|difficulty|duration_minutes)$/;
const TEXT = new RegExp(`^text\\.(${SCENARIO_LOCALES.join('|')})(?:\\.(.+))?$`);
const COMPETENCY = /^rubric\.competencies(?:\.(\d+)(?:\.(id|name|anchor_1|anchor_3|anchor_5))?)?$/;

/**
 * Maps a server path to the editor: "text.sq.goal" is text.sq.goal on the Shqip tab;
 * "text.en.rubric.competencies.2.anchor_3" is competencies.2.text.en.anchor_3 on the English tab; a competency's
 * ID is the one shared field competencies.2.id; "text.sq" and "text.sq.rubric.competencies" are the tab's
 * and its rubric's own errors.
 */
export function placeError(field: string): ErrorPlace {
  if (TOP.test(field)) return { path: field, locale: null };
  const m = TEXT.exec(field);
  if (!m) return { path: null, locale: null };
  const locale = m[1] as ScenarioLocale;
  const rest = m[2];
  if (!rest) return { path: `text.${locale}`, locale };
  if ((TEXT_FIELDS as readonly string[]).includes(rest)) return { path: `text.${locale}.${rest}`, locale };
  if (rest === 'rubric') return { path: `rubric.${locale}`, locale };
  const c = COMPETENCY.exec(rest);
  if (!c) return { path: null, locale };
  const [, index, name] = c;
  if (index === undefined) return { path: `rubric.${locale}`, locale };
  if (name === undefined) return { path: `competencies.${index}.text.${locale}`, locale };
  if (name === 'id') return { path: `competencies.${index}.id`, locale };
  return { path: `competencies.${index}.text.${locale}.${name}`, locale };
}

/** The tab a form error path is shown on; null for the fields above the tabs and the shared competency IDs. */
export function tabOfPath(path: string): ScenarioLocale | null {
  const m = /^(?:text|rubric|competencies\.\d+\.text)\.(en|sq)(?:\.|$)/.exec(path);
  return m ? (m[1] as ScenarioLocale) : null;
}
