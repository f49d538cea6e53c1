// Reading role-play scenarios: which of their languages to show, with English as the fallback.
import { SCENARIO_LOCALES, type Scenario, type ScenarioLocale, type ScenarioText } from '../api/types';

export const isScenarioLocale = (v: string | null | undefined): v is ScenarioLocale =>
  !!v && (SCENARIO_LOCALES as readonly string[]).includes(v);

/** The scenario's text in locale, falling back to English for a missing language or an empty field. */
export function scenarioText(s: Scenario, locale: string | undefined): ScenarioText {
  const en = s.text.en;
  const own = isScenarioLocale(locale) ? s.text[locale] : undefined;
  const base: ScenarioText = own ?? en ?? Object.values(s.text)[0] ?? {
    name: s.slug,
    behaviour: '',
    opening_lines: '',
    hidden_constraints: '',
    objections: '',
    buying_triggers: '',
    product: '',
    goal: '',
    rubric: { competencies: [] },
  };
  if (!en || base === en) return base;
  const pick = (a: string, b: string) => (a.trim() ? a : b);
  return {
    name: pick(base.name, en.name),
    behaviour: pick(base.behaviour, en.behaviour),
    opening_lines: pick(base.opening_lines, en.opening_lines),
    hidden_constraints: pick(base.hidden_constraints, en.hidden_constraints),
    objections: pick(base.objections, en.objections),
    buying_triggers: pick(base.buying_triggers, en.buying_triggers),
    product: pick(base.product, en.product),
    goal: pick(base.goal, en.goal),
    rubric: base.rubric?.competencies?.length ? base.rubric : en.rubric,
  };
}

/** Scenarios from the gentlest buyer to the hardest, then by slug (as the server sends them). */
export const byDifficulty = (a: Scenario, b: Scenario) => a.difficulty - b.difficulty || a.slug.localeCompare(b.slug);
