import { readFileSync } from 'node:fs';
import type { Questionnaire as FhirQuestionnaire, QuestionnaireItem } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { FHIR_URLS, toFhirQuestionnaire } from '../../src/fhir';
import { loadQuestionnaire } from '../../src/questionnaire/load';
import type { Condition, Questionnaire } from '../../src/questionnaire/schema';
import { smallQuestionnaire } from '../fixtures';
import { R4_SCHEMA_ID, r4Errors, r4MissingRequired } from './r4Schema';

const loaded = loadQuestionnaire(readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8'));
if (!loaded.ok) throw new Error('rules/lupus.json is invalid');
const lupus = loaded.questionnaire;

/** Every item, depth first, in order. */
function flatten(items: QuestionnaireItem[] = []): QuestionnaireItem[] {
  return items.flatMap((item) => [item, ...flatten(item.item)]);
}
const find = (fq: FhirQuestionnaire, linkId: string) => flatten(fq.item).find((i) => i.linkId === linkId)!;

/**
 * FHIRPath invariants the JSON Schema cannot check, for the parts we generate: linkIds unique
 * (que-2), enableBehavior exactly when there are several enableWhen (que-12), a display item
 * has no answers or children (que-6, que-5 in spirit), enableWhen's answer type fits the item it
 * reads (que-7 and the R4 rule that answer[x] matches the question's type), and that item comes
 * earlier in the form.
 */
function invariantProblems(fq: FhirQuestionnaire): string[] {
  const problems: string[] = [];
  const items = flatten(fq.item);
  const seen = new Map<string, QuestionnaireItem>();
  for (const item of items) {
    if (seen.has(item.linkId)) problems.push(`linkId ${item.linkId} is used twice`);
    if (item.type === 'display' && (item.item?.length || item.answerOption || item.required)) problems.push(`display item ${item.linkId} has answers or children`);
    const count = item.enableWhen?.length ?? 0;
    if ((count > 1) !== (item.enableBehavior !== undefined)) problems.push(`${item.linkId}: enableBehavior with ${count} enableWhen`);
    for (const when of item.enableWhen ?? []) {
      const target = seen.get(when.question);
      if (!target) {
        problems.push(`${item.linkId}: enableWhen reads ${when.question}, which is not an earlier item`);
        continue;
      }
      const answers = Object.keys(when).filter((k) => k.startsWith('answer'));
      const expected = when.operator === 'exists' ? 'answerBoolean' : target.type === 'choice' ? 'answerCoding' : target.type === 'integer' ? 'answerInteger' : 'answerDecimal';
      if (answers.length !== 1 || answers[0] !== expected) problems.push(`${item.linkId}: enableWhen on ${target.type} ${when.question} uses ${answers.join(', ')}, expected ${expected}`);
      if (when.answerCoding && !target.answerOption?.some((o) => o.valueCoding?.code === when.answerCoding!.code && o.valueCoding?.system === when.answerCoding!.system)) {
        problems.push(`${item.linkId}: enableWhen code ${when.answerCoding.code} is not an option of ${when.question}`);
      }
    }
    seen.set(item.linkId, item);
  }
  return problems;
}

describe('the FHIR R4 JSON Schema used here', () => {
  it('is the official R4 schema', () => {
    expect(R4_SCHEMA_ID).toBe('http://hl7.org/fhir/json-schema/4.0');
  });
  it('rejects what R4 does not allow, so a pass means something', () => {
    expect(r4Errors('Questionnaire', { resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'yesno' }] })).not.toEqual([]);
    expect(r4Errors('Questionnaire', { resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'choice', repeat: true }] })).not.toEqual([]);
    expect(r4Errors('Questionnaire', { resourceType: 'Questionnaire', id: 'has_underscore', status: 'active' })).not.toEqual([]);
  });
  it('is completed by a check of the required elements, which the schema leaves out', () => {
    expect(r4Errors('Questionnaire', { resourceType: 'Questionnaire' })).toEqual([]);
    expect(r4MissingRequired({ resourceType: 'Questionnaire', item: [{ type: 'group', item: [{ linkId: 'b', enableWhen: [{ question: 'a' }] }] }] })).toEqual([
      'status is missing',
      '.item[0].linkId is missing',
      '.item[0].item[0].type is missing',
      '.item[0].item[0].enableWhen[0] needs question and operator',
      '.item[0].item[0].enableWhen[0] needs exactly one answer[x]',
    ]);
  });
});

describe('toFhirQuestionnaire', () => {
  it.each([
    ['the lupus questionnaire in English', lupus, 'en'],
    ['the lupus questionnaire in Hindi', lupus, 'hi'],
    ['the small fixture', smallQuestionnaire(), 'en'],
  ] as const)('turns %s into a valid R4 Questionnaire', (_name, q, lang) => {
    const fq = toFhirQuestionnaire(q as Questionnaire, lang);
    expect(r4Errors('Questionnaire', fq)).toEqual([]);
    expect(r4MissingRequired(fq as never)).toEqual([]);
    expect(invariantProblems(fq)).toEqual([]);
  });

  it('names the questionnaire by a canonical URL and version', () => {
    expect(toFhirQuestionnaire(lupus, 'en')).toMatchObject({
      resourceType: 'Questionnaire',
      id: 'lupus',
      url: 'urn:symptom-check:lupus',
      version: lupus.version,
      name: 'Lupus',
      title: 'Lupus symptom check',
      status: 'active',
      language: 'en',
      subjectType: ['Patient'],
      description: expect.stringMatching(/^This check asks about signs/),
    });
  });

  it('turns sections into groups, in order, with every question in them', () => {
    const fq = toFhirQuestionnaire(lupus, 'en');
    expect(fq.item!.map((g) => [g.linkId, g.type])).toEqual(lupus.sections.map((s) => [s.id, 'group']));
    expect(fq.item!.map((g) => g.item!.filter((i) => i.type !== 'display').map((i) => i.linkId))).toEqual(lupus.sections.map((s) => s.questions.map((x) => x.id)));
  });

  it('speaks the language asked for, with the widget words for yes, no and not sure', () => {
    const fq = toFhirQuestionnaire(lupus, 'hi');
    expect(fq.title).toBe('ल्यूपस लक्षण जाँच');
    expect(find(fq, 'joint_pain').answerOption!.map((o) => o.valueCoding!.display)).toEqual(['हाँ', 'नहीं', 'पक्का नहीं पता']);
  });

  const small = toFhirQuestionnaire(smallQuestionnaire(), 'en');
  const yesNo = (code: string, display: string) => ({ valueCoding: { system: FHIR_URLS.yesNoUnsure, code, display } });
  it.each<[string, string, Partial<QuestionnaireItem>]>([
    ['yes/no → choice with yes, no, unsure', 'joint_pain', { type: 'choice', answerOption: [yesNo('yes', 'Yes'), yesNo('no', 'No'), yesNo('unsure', 'Not sure')] }],
    [
      'single → choice with the options, coded per question',
      'sex',
      {
        type: 'choice',
        answerOption: [{ valueCoding: { system: 'urn:symptom-check:small:sex', code: 'female', display: 'Female' } }, { valueCoding: { system: 'urn:symptom-check:small:sex', code: 'male', display: 'Male' } }],
      },
    ],
    [
      'multi → repeating choice, exclusive options marked',
      'red_flags',
      {
        type: 'choice',
        repeats: true,
        answerOption: expect.arrayContaining([
          { valueCoding: { system: 'urn:symptom-check:small:red_flags', code: 'chest_pain', display: 'Chest pain' } },
          { valueCoding: { system: 'urn:symptom-check:small:red_flags', code: 'none', display: 'None of these' }, extension: [{ url: FHIR_URLS.optionExclusive, valueBoolean: true }] },
        ]),
      },
    ],
    [
      'scale → integer slider with minValue and maxValue, its end labels as lower and upper',
      'tiredness',
      {
        type: 'integer',
        extension: expect.arrayContaining([{ url: FHIR_URLS.minValue, valueInteger: 0 }, { url: FHIR_URLS.maxValue, valueInteger: 10 }]),
        item: [
          { linkId: 'tiredness.lower', text: 'Not at all', type: 'display', extension: [{ url: FHIR_URLS.itemControl, valueCodeableConcept: { coding: [{ system: FHIR_URLS.itemControlSystem, code: 'lower' }] } }] },
          { linkId: 'tiredness.upper', text: 'Very', type: 'display', extension: [{ url: FHIR_URLS.itemControl, valueCodeableConcept: { coding: [{ system: FHIR_URLS.itemControlSystem, code: 'upper' }] } }] },
        ],
      },
    ],
    [
      'whole number → integer with minValue, maxValue and unit',
      'joint_weeks',
      { type: 'integer', extension: expect.arrayContaining([{ url: FHIR_URLS.minValue, valueInteger: 0 }, { url: FHIR_URLS.maxValue, valueInteger: 520 }, { url: FHIR_URLS.unit, valueCoding: { display: 'weeks' } }]) },
    ],
    ['the summary label → SDC shortText', 'rash', { extension: [{ url: FHIR_URLS.shortText, valueString: 'Rash' }] }],
  ])('%s', (_name, linkId, expected) => {
    expect(find(small, linkId)).toMatchObject(expected);
  });

  it('turns a number that is not whole into decimal', () => {
    const q = smallQuestionnaire();
    const weeks = q.sections[1]!.questions[1]!;
    if (weeks.type === 'number') delete weeks.integer;
    expect(find(toFhirQuestionnaire(q, 'en'), 'joint_weeks')).toMatchObject({ type: 'decimal', extension: expect.arrayContaining([{ url: FHIR_URLS.minValue, valueDecimal: 0 }]) });
  });

  it('gives a whole-number item the whole numbers inside fractional bounds ("from 0.5" is "from 1")', () => {
    const q = smallQuestionnaire();
    const weeks = q.sections[1]!.questions[1]!;
    if (weeks.type === 'number') Object.assign(weeks, { min: 0.5, max: 10.5 });
    const item = find(toFhirQuestionnaire(q, 'en'), 'joint_weeks');
    expect(item.extension).toEqual(expect.arrayContaining([{ url: FHIR_URLS.minValue, valueInteger: 1 }, { url: FHIR_URLS.maxValue, valueInteger: 10 }]));
  });

  it('puts help under the question as a display item marked help', () => {
    expect(find(toFhirQuestionnaire(lupus, 'en'), 'joint_pain').item).toEqual([
      {
        linkId: 'joint_pain.help',
        text: 'Joints are the places where two bones meet and your body bends.',
        type: 'display',
        extension: [{ url: FHIR_URLS.itemControl, valueCodeableConcept: { coding: [{ system: FHIR_URLS.itemControlSystem, code: 'help' }] } }],
      },
    ]);
  });

  it('gives a group another linkId when a question has its section id', () => {
    const q = smallQuestionnaire();
    q.sections[1]!.id = 'rash';
    const fq = toFhirQuestionnaire(q, 'en');
    expect(fq.item![1]!.linkId).toBe('rash.section');
    expect(invariantProblems(fq)).toEqual([]);
  });
});

describe('showIf as enableWhen', () => {
  /** The small fixture with one more yes/no question at the end, shown when `showIf` holds. */
  function withFollowUp(showIf: Condition) {
    const q = smallQuestionnaire();
    q.sections[1]!.questions.push({ id: 'follow_up', type: 'yesno', text: { en: 'Follow-up?', hi: 'x' }, source: 'src', showIf });
    const loadedQ = loadQuestionnaire(JSON.stringify(q));
    if (!loadedQ.ok) throw new Error(loadedQ.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
    const fq = toFhirQuestionnaire(loadedQ.questionnaire, 'en');
    expect(r4Errors('Questionnaire', fq)).toEqual([]);
    expect(r4MissingRequired(fq as never)).toEqual([]);
    expect(invariantProblems(fq)).toEqual([]);
    return find(fq, 'follow_up');
  }
  const yes = { system: FHIR_URLS.yesNoUnsure, code: 'yes', display: 'Yes' };
  const flag = (code: string, display: string) => ({ system: 'urn:symptom-check:small:red_flags', code, display });
  const sex = (code: string, display: string) => ({ system: 'urn:symptom-check:small:sex', code, display });

  it.each<[string, Condition, Pick<QuestionnaireItem, 'enableWhen' | 'enableBehavior'>]>([
    ['equals on yes/no', { answer: 'joint_pain', equals: 'yes' }, { enableWhen: [{ question: 'joint_pain', operator: '=', answerCoding: yes }] }],
    ['oneOf on single choice: "any"', { answer: 'sex', oneOf: ['female', 'male'] }, { enableWhen: [{ question: 'sex', operator: '=', answerCoding: sex('female', 'Female') }, { question: 'sex', operator: '=', answerCoding: sex('male', 'Male') }], enableBehavior: 'any' }],
    ['includes on multiple choice', { answer: 'red_flags', includes: 'swollen_leg' }, { enableWhen: [{ question: 'red_flags', operator: '=', answerCoding: flag('swollen_leg', 'One swollen leg') }] }],
    ['answered', { answer: 'rash', answered: true }, { enableWhen: [{ question: 'rash', operator: 'exists', answerBoolean: true }] }],
    ['not answered', { answer: 'rash', answered: false }, { enableWhen: [{ question: 'rash', operator: 'exists', answerBoolean: false }] }],
    ['a range on a scale: "all"', { answer: 'tiredness', atLeast: 3, atMost: 8 }, { enableWhen: [{ question: 'tiredness', operator: '>=', answerInteger: 3 }, { question: 'tiredness', operator: '<=', answerInteger: 8 }], enableBehavior: 'all' }],
    ['"at least 6.5" on whole weeks is "at least 7"', { answer: 'joint_weeks', atLeast: 6.5 }, { enableWhen: [{ question: 'joint_weeks', operator: '>=', answerInteger: 7 }] }],
    ['equals a number', { answer: 'tiredness', equals: 5 }, { enableWhen: [{ question: 'tiredness', operator: '=', answerInteger: 5 }] }],
    [
      'all of tests',
      { all: [{ answer: 'joint_pain', equals: 'yes' }, { answer: 'tiredness', atLeast: 3, atMost: 8 }] },
      { enableWhen: [{ question: 'joint_pain', operator: '=', answerCoding: yes }, { question: 'tiredness', operator: '>=', answerInteger: 3 }, { question: 'tiredness', operator: '<=', answerInteger: 8 }], enableBehavior: 'all' },
    ],
    [
      'any of tests',
      { any: [{ answer: 'joint_pain', equals: 'yes' }, { answer: 'sex', oneOf: ['female', 'male'] }] },
      { enableWhen: [{ question: 'joint_pain', operator: '=', answerCoding: yes }, { question: 'sex', operator: '=', answerCoding: sex('female', 'Female') }, { question: 'sex', operator: '=', answerCoding: sex('male', 'Male') }], enableBehavior: 'any' },
    ],
  ])('%s', (_name, showIf, expected) => {
    const item = withFollowUp(showIf);
    expect({ enableWhen: item.enableWhen, enableBehavior: item.enableBehavior }).toEqual({ enableBehavior: undefined, ...expected });
    expect(item.extension?.some((e) => e.url === FHIR_URLS.showIf)).toBeFalsy();
  });

  it.each<[string, Condition]>([
    ['not', { not: { answer: 'joint_pain', equals: 'yes' } }],
    ['a score', { score: 'features', atLeast: 1 }],
    ['an any inside an all', { all: [{ answer: 'rash', equals: 'yes' }, { any: [{ answer: 'joint_pain', equals: 'yes' }, { answer: 'tiredness', atLeast: 5 }] }] }],
    ['a oneOf inside an all', { all: [{ answer: 'rash', equals: 'yes' }, { answer: 'sex', oneOf: ['female', 'male'] }] }],
    ['a two-sided range inside an any', { any: [{ answer: 'rash', equals: 'yes' }, { answer: 'tiredness', atLeast: 3, atMost: 8 }] }],
    ['"unsure" on a number', { answer: 'tiredness', equals: 'unsure' }],
    // "unsure" on a scale is answered in the engine, but has no FHIR answer: "exists" would disagree.
    ['answered on a scale', { answer: 'tiredness', answered: true }],
    ['answered on a multiple choice (an empty list has no FHIR answer)', { answer: 'red_flags', answered: true }],
  ])('keeps %s, which enableWhen cannot say, as JSON in the show-if extension', (_name, showIf) => {
    const item = withFollowUp(showIf);
    expect(item.enableWhen).toBeUndefined();
    expect(item.extension).toEqual([{ url: 'https://symptom-check.example/fhir/StructureDefinition/show-if', valueString: JSON.stringify(showIf) }]);
    expect(JSON.parse(item.extension![0]!.valueString!)).toEqual(showIf);
  });

  it('expresses every follow-up of the lupus questionnaire as enableWhen', () => {
    const fq = toFhirQuestionnaire(lupus, 'en');
    const followUps = lupus.sections.flatMap((s) => s.questions).filter((x) => x.showIf).map((x) => x.id);
    expect(followUps.length).toBeGreaterThan(0);
    for (const id of followUps) expect(find(fq, id).enableWhen, id).toBeDefined();
  });
});
