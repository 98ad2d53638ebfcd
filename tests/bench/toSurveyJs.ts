/**
 * Our questionnaire → SurveyJS survey JSON, automatically, so SurveyJS renders the same
 * questions for the size and start-up comparison.
 *
 * - each section → a page; each question → an element named by its id, with its text and help
 * - yesno → radiogroup Yes / No / Not sure (ours offers the same three, with the same values)
 * - single → radiogroup; multi → checkbox (an exclusive option with id "none" becomes SurveyJS's
 *   own "None" item, which has the same value; other exclusive options stay plain choices)
 * - scale → rating (rateMin, rateMax, the end labels); number → text with inputType number
 *   (min, max, step 1 for whole numbers). Ours also offers "Rather not say" on these two:
 *   SurveyJS has no such item for them, so it is left out.
 * - showIf → visibleIf: equals `=`, oneOf `anyof`, includes `contains`, atLeast/atMost `>=`/`<=`,
 *   answered `notempty`/`empty`, all/any/not `and`/`or`/`!`; a score becomes a calculated value
 *   (a sum of iif(...)) that the expression reads. Caveat: SurveyJS's `empty` is true for an
 *   empty list, while ours counts an empty list as answered (our UI never stores one).
 * - every question is required, as in ours (an answer or "Not sure" is needed to go on).
 *
 * Texts are taken in one language (`lang`), as our widget loads one language of the built-in
 * rules; the Yes / No / Not sure / None labels are English.
 */
import { localize } from '../../src/i18n/localize';
import type { Condition, LocalText, Question, Questionnaire } from '../../src/questionnaire/schema';

export interface SurveyJson {
  title: string;
  description?: string;
  showQuestionNumbers: 'off';
  calculatedValues?: { name: string; expression: string }[];
  pages: { name: string; title: string; elements: Record<string, unknown>[] }[];
}

const literal = (value: string | number) => (typeof value === 'number' ? String(value) : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
const scoreValue = (id: string) => `score_value_${id}`;

/** A SurveyJS expression for one of our conditions; scores it reads are added to `scores`. */
export function conditionToExpression(condition: Condition, scores = new Set<string>()): string {
  if ('all' in condition) return `(${condition.all.map((c) => conditionToExpression(c, scores)).join(' and ')})`;
  if ('any' in condition) return `(${condition.any.map((c) => conditionToExpression(c, scores)).join(' or ')})`;
  if ('not' in condition) return `!(${conditionToExpression(condition.not, scores)})`;
  if ('score' in condition) {
    scores.add(condition.score);
    return range(`{${scoreValue(condition.score)}}`, condition.atLeast, condition.atMost) ?? 'true';
  }
  const value = `{${condition.answer}}`;
  if ('equals' in condition) return `${value} = ${literal(condition.equals)}`;
  if ('oneOf' in condition) return `${value} anyof [${condition.oneOf.map(literal).join(', ')}]`;
  // A checkbox keeps its value as a list, so `contains` tests list items (no substring match on "unsure").
  if ('includes' in condition) return `${value} contains ${literal(condition.includes)}`;
  if ('answered' in condition) return `${value} ${condition.answered ? 'notempty' : 'empty'}`;
  // Only numbers are in range: "unsure" is not.
  const test = range(value, condition.atLeast, condition.atMost);
  return `(${value} notempty and ${value} <> 'unsure'${test ? ` and ${test}` : ''})`;
}

function range(value: string, atLeast: number | undefined, atMost: number | undefined): string | undefined {
  const parts = [atLeast === undefined ? '' : `${value} >= ${atLeast}`, atMost === undefined ? '' : `${value} <= ${atMost}`].filter(Boolean);
  return parts.length ? parts.join(' and ') : undefined;
}

export function questionnaireToSurveyJs(questionnaire: Questionnaire, lang = 'en'): SurveyJson {
  const fallback = questionnaire.languages[0] ?? 'en';
  const text = (t: LocalText | undefined) => localize(t, lang, fallback);
  const scores = new Set<string>();
  const element = (question: Question): Record<string, unknown> => {
    const base: Record<string, unknown> = { name: question.id, title: text(question.text), isRequired: true };
    if (question.help) base.description = text(question.help);
    if (question.showIf) base.visibleIf = conditionToExpression(question.showIf, scores);
    switch (question.type) {
      case 'yesno':
        return { type: 'radiogroup', ...base, choices: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }, { value: 'unsure', text: 'Not sure' }] };
      case 'single':
        return { type: 'radiogroup', ...base, choices: question.options.map((o) => ({ value: o.id, text: text(o.text) })) };
      case 'multi': {
        const none = question.options.find((o) => o.exclusive && o.id === 'none');
        return {
          type: 'checkbox',
          ...base,
          choices: question.options.filter((o) => o !== none).map((o) => ({ value: o.id, text: text(o.text) })),
          ...(none ? { showNoneItem: true, noneText: text(none.text) } : {}),
        };
      }
      case 'scale':
        return {
          type: 'rating',
          ...base,
          rateMin: question.min,
          rateMax: question.max,
          ...(question.minLabel ? { minRateDescription: text(question.minLabel) } : {}),
          ...(question.maxLabel ? { maxRateDescription: text(question.maxLabel) } : {}),
        };
      case 'number':
        return { type: 'text', ...base, inputType: 'number', min: question.min, max: question.max, ...(question.integer ? { step: 1 } : {}) };
    }
  };
  const pages = questionnaire.sections.map((section) => ({ name: section.id, title: text(section.title), elements: section.questions.map(element) }));
  // Scores read by a visibleIf become calculated values: the weighted sum, in SurveyJS's own expressions.
  const calculatedValues: { name: string; expression: string }[] = [];
  for (const id of scores) {
    // A Set visits what is added while iterating: a score read by another score's items comes too.
    const score = questionnaire.scores?.find((s) => s.id === id);
    const items = score?.items.map((item) => `iif(${conditionToExpression(item.when, scores)}, ${item.weight ?? 1}, 0)`) ?? [];
    calculatedValues.push({ name: scoreValue(id), expression: items.length ? items.join(' + ') : '0' });
  }
  return {
    title: text(questionnaire.title),
    ...(questionnaire.intro ? { description: text(questionnaire.intro) } : {}),
    showQuestionNumbers: 'off',
    ...(calculatedValues.length ? { calculatedValues } : {}),
    pages,
  };
}
