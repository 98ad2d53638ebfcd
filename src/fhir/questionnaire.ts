/**
 * A questionnaire as a FHIR R4 Questionnaire resource, in one language. Sections become group
 * items, questions become question items with their help and scale labels as display items,
 * and showIf becomes enableWhen where FHIR can say the same thing:
 *
 * | showIf                                   | enableWhen                                  |
 * |------------------------------------------|---------------------------------------------|
 * | {answer, equals}                         | operator "=" with answerCoding / Integer / Decimal |
 * | {answer, oneOf: [a, b]}                  | one "=" each, enableBehavior "any"           |
 * | {answer, includes} (multiple choice)     | "=" (true when any ticked option matches)    |
 * | {answer, answered} (yes/no, or single choice with an "unsure" option) | "exists" with answerBoolean |
 * | {answer, atLeast, atMost}                | ">=" and "<=", enableBehavior "all"          |
 * | {all: [tests]} / {any: [tests]}          | the tests' enableWhen, enableBehavior "all" / "any" |
 *
 * `not`, scores, nested all/any, "unsure" on a number, and `answered` where "unsure" or an empty
 * list has no FHIR answer are not expressible (FHIR's "!=" is
 * false when there is no answer; our `not` is true): such an item carries the condition's JSON in
 * the show-if extension instead, and has no enableWhen (a FHIR form shows it always).
 * Option help texts are not carried: R4 answerOption has nowhere to put them.
 */
import type { Extension, Questionnaire as FhirQuestionnaire, QuestionnaireItem, QuestionnaireItemEnableWhen } from 'fhir/r4';
import { localize } from '../i18n/localize';
import type { Condition, LocalText, Question, Questionnaire } from '../questionnaire/schema';
import { canonicalUrl, itemControl, optionCoding, optionSystem, sectionLinkId, URLS, yesNoCoding } from './codes';

export function toFhirQuestionnaire(q: Questionnaire, lang: string): FhirQuestionnaire {
  const fallback = q.languages[0]!;
  const text = (t: LocalText | undefined) => localize(t, lang, fallback);
  const intro = text(q.intro);
  return {
    resourceType: 'Questionnaire',
    id: q.id.replace(/_/g, '-'),
    url: canonicalUrl(q),
    version: q.version,
    name: q.id.charAt(0).toUpperCase() + q.id.slice(1),
    title: text(q.title),
    status: 'active',
    subjectType: ['Patient'],
    language: lang,
    ...(intro ? { description: intro } : {}),
    item: q.sections.map((section) => ({
      linkId: sectionLinkId(q, section.id),
      text: text(section.title),
      type: 'group',
      item: section.questions.map((question) => questionItem(q, question, lang)),
    })),
  };
}

function questionItem(q: Questionnaire, question: Question, lang: string): QuestionnaireItem {
  const fallback = q.languages[0]!;
  const text = (t: LocalText | undefined) => localize(t, lang, fallback);
  const extension: Extension[] = [];
  const children: QuestionnaireItem[] = [];
  const display = (suffix: string, value: LocalText | undefined, control: string) => {
    if (value) children.push({ linkId: `${question.id}.${suffix}`, text: text(value), type: 'display', extension: [itemControl(control)] });
  };
  if (question.summary) extension.push({ url: URLS.shortText, valueString: text(question.summary) });
  display('help', question.help, 'help');

  const item: QuestionnaireItem = { linkId: question.id, text: text(question.text), type: 'choice' };
  switch (question.type) {
    case 'yesno':
      item.answerOption = (['yes', 'no', 'unsure'] as const).map((code) => ({ valueCoding: yesNoCoding(code, lang) }));
      break;
    case 'single':
    case 'multi':
      if (question.type === 'multi') item.repeats = true;
      item.answerOption = question.options.map((option) => ({
        valueCoding: { system: optionSystem(q, question), code: option.id, display: text(option.text) },
        ...(option.exclusive ? { extension: [{ url: URLS.optionExclusive, valueBoolean: true }] } : {}),
      }));
      break;
    case 'scale':
      item.type = 'integer';
      extension.push({ url: URLS.minValue, valueInteger: question.min }, { url: URLS.maxValue, valueInteger: question.max }, itemControl('slider'), { url: URLS.sliderStep, valueInteger: 1 });
      display('lower', question.minLabel, 'lower');
      display('upper', question.maxLabel, 'upper');
      break;
    case 'number': {
      const whole = question.integer === true;
      item.type = whole ? 'integer' : 'decimal';
      // On a whole-number item the bounds are the whole numbers inside them ("from 0.5" is "from 1").
      extension.push(whole ? { url: URLS.minValue, valueInteger: Math.ceil(question.min) } : { url: URLS.minValue, valueDecimal: question.min });
      extension.push(whole ? { url: URLS.maxValue, valueInteger: Math.floor(question.max) } : { url: URLS.maxValue, valueDecimal: question.max });
      if (question.unit) extension.push({ url: URLS.unit, valueCoding: { display: text(question.unit) } });
      break;
    }
  }
  if (question.showIf) {
    const enable = enableWhenOf(q, question.showIf, lang);
    if (enable) Object.assign(item, enable);
    else extension.push({ url: URLS.showIf, valueString: JSON.stringify(question.showIf) });
  }
  if (extension.length) item.extension = extension;
  if (children.length) item.item = children;
  return item;
}

type Behavior = 'all' | 'any';
interface Enable {
  enableWhen: QuestionnaireItemEnableWhen[];
  enableBehavior?: Behavior;
}

/** The enableWhen that means exactly `showIf`, or undefined when FHIR R4 cannot say it. */
export function enableWhenOf(q: Questionnaire, showIf: Condition, lang: string): Enable | undefined {
  const [behavior, parts]: [Behavior | undefined, Condition[]] = 'all' in showIf ? ['all', showIf.all] : 'any' in showIf ? ['any', showIf.any] : [undefined, [showIf]];
  const enableWhen: QuestionnaireItemEnableWhen[] = [];
  let needed = behavior;
  for (const part of parts) {
    const leaf = leafEnableWhen(q, part, lang);
    if (!leaf) return undefined;
    if (leaf.enableWhen.length > 1) {
      // A test that takes two enableWhen (oneOf: any; a range: all) fits only where the behaviour agrees.
      if (needed && needed !== leaf.behavior) return undefined;
      needed = leaf.behavior;
    }
    enableWhen.push(...leaf.enableWhen);
  }
  return enableWhen.length > 1 ? { enableWhen, enableBehavior: needed ?? 'all' } : { enableWhen };
}

function leafEnableWhen(q: Questionnaire, c: Condition, lang: string): { enableWhen: QuestionnaireItemEnableWhen[]; behavior?: Behavior } | undefined {
  if ('all' in c || 'any' in c || 'not' in c || 'score' in c) return undefined;
  const question = q.sections.flatMap((s) => s.questions).find((x) => x.id === c.answer);
  if (!question) return undefined;
  const equalTo = (value: string | number): QuestionnaireItemEnableWhen | undefined => {
    if (typeof value === 'number') {
      if (question.type === 'scale' || (question.type === 'number' && question.integer)) return Number.isInteger(value) ? { question: question.id, operator: '=', answerInteger: value } : undefined;
      return question.type === 'number' ? { question: question.id, operator: '=', answerDecimal: value } : undefined;
    }
    const coding = optionCoding(q, question, value, lang);
    return coding && { question: question.id, operator: '=', answerCoding: coding };
  };
  if ('equals' in c) {
    const one = equalTo(c.equals);
    return one && { enableWhen: [one] };
  }
  if ('oneOf' in c) {
    const all = c.oneOf.map(equalTo);
    return all.every((x) => x !== undefined) ? { enableWhen: all as QuestionnaireItemEnableWhen[], behavior: 'any' } : undefined;
  }
  if ('includes' in c) {
    const coding = optionCoding(q, question, c.includes, lang);
    return coding && { enableWhen: [{ question: question.id, operator: '=', answerCoding: coding }] };
  }
  // "exists" only where an answer in the engine's sense is one in FHIR's: "unsure" on a number or
  // a choice without an "unsure" option, and an empty list, are exported as no answer.
  if ('answered' in c) {
    const same = question.type === 'yesno' || (question.type === 'single' && question.options.some((o) => o.id === 'unsure'));
    return same ? { enableWhen: [{ question: question.id, operator: 'exists', answerBoolean: c.answered }] } : undefined;
  }
  if (question.type !== 'number' && question.type !== 'scale') return undefined;
  const whole = question.type === 'scale' || question.integer === true;
  // On a whole-number item, "at least 6.5" is "at least 7": the answer type must match the item's.
  const bound = (operator: '>=' | '<=', value: number): QuestionnaireItemEnableWhen =>
    whole ? { question: question.id, operator, answerInteger: operator === '>=' ? Math.ceil(value) : Math.floor(value) } : { question: question.id, operator, answerDecimal: value };
  const enableWhen = [...(c.atLeast !== undefined ? [bound('>=', c.atLeast)] : []), ...(c.atMost !== undefined ? [bound('<=', c.atMost)] : [])];
  return enableWhen.length ? { enableWhen, behavior: 'all' } : undefined;
}
