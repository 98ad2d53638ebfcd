import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import type { Questionnaire as FhirQuestionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { CasesFile } from '../../src/cases/schema';
import { AnswersError } from '../../src/engine/answers';
import { FHIR_URLS, toFhirQuestionnaire, toFhirQuestionnaireResponse } from '../../src/fhir';
import { loadQuestionnaire } from '../../src/questionnaire/load';
import type { Answers, Questionnaire } from '../../src/questionnaire/schema';
import { smallQuestionnaire } from '../fixtures';
import { answersArbitrary } from '../property/arbitraries';
import { r4Errors, r4MissingRequired } from './r4Schema';

const read = (name: string) => readFileSync(new URL(`../../rules/${name}`, import.meta.url), 'utf8');
const loaded = loadQuestionnaire(read('lupus.json'));
if (!loaded.ok) throw new Error('rules/lupus.json is invalid');
const lupus = loaded.questionnaire;
const cases = CasesFile.parse(JSON.parse(read('lupus.cases.json'))).cases;
const AUTHORED = '2026-11-23T10:15:00Z';

function flatten<T extends { item?: T[] }>(items: T[] = []): T[] {
  return items.flatMap((item) => [item, ...flatten(item.item)]);
}

/**
 * A response must fit its questionnaire: each group and question item where the questionnaire
 * has it, each coded answer one of that item's options, each number of the item's type, and a
 * repeated answer only where the item repeats.
 */
function mismatches(fq: FhirQuestionnaire, qr: QuestionnaireResponse): string[] {
  const problems: string[] = [];
  const visit = (responseItems: QuestionnaireResponseItem[] = [], questionnaireItems: QuestionnaireItem[] = [], at: string) => {
    for (const r of responseItems) {
      const q = questionnaireItems.find((x) => x.linkId === r.linkId);
      if (!q) {
        problems.push(`${at}/${r.linkId} is not in the questionnaire there`);
        continue;
      }
      if (r.text !== q.text) problems.push(`${r.linkId}: text differs from the questionnaire's`);
      const answers = r.answer ?? [];
      if (answers.length > 1 && !q.repeats) problems.push(`${r.linkId}: ${answers.length} answers to an item that does not repeat`);
      for (const a of answers) {
        if (q.type === 'choice' && !q.answerOption?.some((o) => o.valueCoding?.system === a.valueCoding?.system && o.valueCoding?.code === a.valueCoding?.code)) problems.push(`${r.linkId}: ${JSON.stringify(a)} is not an option`);
        if (q.type === 'integer' && !Number.isInteger(a.valueInteger)) problems.push(`${r.linkId}: ${JSON.stringify(a)} is not valueInteger`);
        if (q.type === 'decimal' && typeof a.valueDecimal !== 'number') problems.push(`${r.linkId}: ${JSON.stringify(a)} is not valueDecimal`);
      }
      visit(r.item, q.item, `${at}/${r.linkId}`);
    }
  };
  visit(qr.item, fq.item, '');
  return problems;
}

function expectValid(q: Questionnaire, qr: QuestionnaireResponse, lang = 'en') {
  expect(r4Errors('QuestionnaireResponse', qr)).toEqual([]);
  expect(r4MissingRequired(qr as never)).toEqual([]);
  expect(mismatches(toFhirQuestionnaire(q, lang), qr)).toEqual([]);
}

describe('toFhirQuestionnaireResponse', () => {
  it.each(cases.map((c) => [c.name, c.answers] as const))('gives a valid R4 response that fits the questionnaire: %s', (_name, answers) => {
    expectValid(lupus, toFhirQuestionnaireResponse(lupus, answers, { authored: AUTHORED }));
  });

  it('gives a valid response that fits the questionnaire for any answers, in either language', () => {
    fc.assert(
      fc.property(answersArbitrary(lupus), fc.constantFrom('en', 'hi'), (answers, lang) => {
        expectValid(lupus, toFhirQuestionnaireResponse(lupus, answers, { authored: AUTHORED, lang }), lang);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(answersArbitrary(smallQuestionnaire()), (answers) => expectValid(smallQuestionnaire(), toFhirQuestionnaireResponse(smallQuestionnaire(), answers, { authored: AUTHORED }))),
      { numRuns: 200 },
    );
  });

  it('names the questionnaire and version, and when it was answered', () => {
    expect(toFhirQuestionnaireResponse(lupus, {}, { authored: AUTHORED })).toEqual({
      resourceType: 'QuestionnaireResponse',
      questionnaire: `urn:symptom-check:lupus|${lupus.version}`,
      status: 'in-progress',
      authored: AUTHORED,
      language: 'en',
    });
  });

  it('mirrors the sections as groups, with the answers as codings, integers and decimals', () => {
    const qr = toFhirQuestionnaireResponse(smallQuestionnaire(), { red_flags: ['swollen_leg'], joint_pain: 'yes', joint_weeks: 8, rash: 'no', tiredness: 7, sex: 'female' }, { authored: AUTHORED });
    expect(qr.status).toBe('completed');
    expect(qr.item).toEqual([
      {
        linkId: 'urgent',
        text: 'Urgent',
        item: [{ linkId: 'red_flags', text: 'Do you have any of these now?', answer: [{ valueCoding: { system: 'urn:symptom-check:small:red_flags', code: 'swollen_leg', display: 'One swollen leg' } }] }],
      },
      {
        linkId: 'body',
        text: 'Body',
        item: [
          { linkId: 'joint_pain', text: 'Do your joints hurt?', answer: [{ valueCoding: { system: FHIR_URLS.yesNoUnsure, code: 'yes', display: 'Yes' } }] },
          { linkId: 'joint_weeks', text: 'For how many weeks?', answer: [{ valueInteger: 8 }] },
          { linkId: 'rash', text: 'Do you have a rash?', answer: [{ valueCoding: { system: FHIR_URLS.yesNoUnsure, code: 'no', display: 'No' } }] },
          { linkId: 'tiredness', text: 'How tired are you?', answer: [{ valueInteger: 7 }] },
          { linkId: 'sex', text: 'What is your sex?', answer: [{ valueCoding: { system: 'urn:symptom-check:small:sex', code: 'female', display: 'Female' } }] },
        ],
      },
    ]);
  });

  it('gives each ticked option of a multiple-choice question as its own answer', () => {
    const qr = toFhirQuestionnaireResponse(lupus, { red_flags: ['chest_pain', 'seizure'] }, { authored: AUTHORED });
    expect(qr.item![0]!.item![0]!.answer!.map((a) => a.valueCoding!.code)).toEqual(['chest_pain', 'seizure']);
  });

  it('leaves out the answer to a follow-up that is no longer asked', () => {
    const qr = toFhirQuestionnaireResponse(lupus, { joint_pain: 'no', joint_swelling: 'yes' }, { authored: AUTHORED });
    const ids = flatten(qr.item).map((i) => i.linkId);
    expect(ids).toContain('joint_pain');
    expect(ids).not.toContain('joint_swelling');
  });

  it('leaves out questions not answered, and groups with no answers', () => {
    const qr = toFhirQuestionnaireResponse(lupus, { red_flags: ['none'] }, { authored: AUTHORED });
    expect(qr.item!.map((g) => g.linkId)).toEqual(['urgent_signs']);
  });

  it.each<[string, Answers, string, QuestionnaireResponseItem]>([
    ['"not sure" to yes/no is the coded answer unsure', { joint_pain: 'unsure' }, 'joint_pain', { linkId: 'joint_pain', text: 'Do your joints hurt?', answer: [{ valueCoding: { system: FHIR_URLS.yesNoUnsure, code: 'unsure', display: 'Not sure' } }] }],
    ['"not sure or rather not say" to a number is data-absent-reason unknown', { joint_pain: 'yes', joint_weeks: 'unsure' }, 'joint_weeks', { linkId: 'joint_weeks', text: 'For how many weeks?', extension: [{ url: FHIR_URLS.dataAbsentReason, valueCode: 'unknown' }] }],
    ['"not sure" to a scale is data-absent-reason unknown', { tiredness: 'unsure' }, 'tiredness', { linkId: 'tiredness', text: 'How tired are you?', extension: [{ url: FHIR_URLS.dataAbsentReason, valueCode: 'unknown' }] }],
    ['"unsure" to a choice with no such option is data-absent-reason asked-unknown', { sex: 'unsure' }, 'sex', { linkId: 'sex', text: 'What is your sex?', extension: [{ url: FHIR_URLS.dataAbsentReason, valueCode: 'asked-unknown' }] }],
  ])('%s', (_name, answers, linkId, expected) => {
    const qr = toFhirQuestionnaireResponse(smallQuestionnaire(), answers, { authored: AUTHORED });
    expect(flatten(qr.item).find((i) => i.linkId === linkId)).toEqual(expected);
    expectValid(smallQuestionnaire(), qr);
  });

  it('uses an option called "unsure" where the question has one', () => {
    const qr = toFhirQuestionnaireResponse(lupus, { joint_pain: 'yes', joint_duration: 'unsure' }, { authored: AUTHORED });
    expect(flatten(qr.item).find((i) => i.linkId === 'joint_duration')!.answer).toEqual([{ valueCoding: { system: 'urn:symptom-check:lupus:joint_duration', code: 'unsure', display: "I'm not sure" } }]);
  });

  it('speaks the language asked for', () => {
    const qr = toFhirQuestionnaireResponse(lupus, { joint_pain: 'yes' }, { authored: AUTHORED, lang: 'hi' });
    expect(qr.language).toBe('hi');
    const jointPain = lupus.sections.flatMap((s) => s.questions).find((x) => x.id === 'joint_pain')!;
    expect(flatten(qr.item).find((i) => i.linkId === 'joint_pain')).toMatchObject({ text: jointPain.text.hi, answer: [{ valueCoding: { code: 'yes', display: 'हाँ' } }] });
  });

  it('is completed when every question asked is answered, in progress otherwise, unless told', () => {
    const all = { red_flags: ['none'], joint_pain: 'no', rash: 'no', tiredness: 2, sex: 'male' };
    expect(toFhirQuestionnaireResponse(smallQuestionnaire(), all, { authored: AUTHORED }).status).toBe('completed');
    expect(toFhirQuestionnaireResponse(smallQuestionnaire(), { ...all, joint_pain: 'yes' }, { authored: AUTHORED }).status).toBe('in-progress');
    expect(toFhirQuestionnaireResponse(smallQuestionnaire(), { red_flags: ['chest_pain'] }, { authored: AUTHORED, status: 'completed' }).status).toBe('completed');
  });

  it('takes authored as given; the schema rejects a time without a zone', () => {
    expect(r4Errors('QuestionnaireResponse', toFhirQuestionnaireResponse(lupus, {}, { authored: '2026-11-23T10:15:00' }))).not.toEqual([]);
  });

  it('refuses answers the questionnaire cannot take, naming the question', () => {
    expect(() => toFhirQuestionnaireResponse(lupus, { joint_pain: 'maybe' }, { authored: AUTHORED })).toThrow(AnswersError);
    expect(() => toFhirQuestionnaireResponse(lupus, { joint_pian: 'yes' }, { authored: AUTHORED })).toThrow(/joint_pian.*did you mean "joint_pain"/);
  });
});

describe('src/fhir in the widget', () => {
  /** The modules src/fhir/index.ts loads at run time (type-only imports are erased), with what they import. */
  function runtimeImports(entry: string): Map<string, string[]> {
    const graph = new Map<string, string[]>();
    const pending = [entry];
    while (pending.length) {
      const file = pending.pop()!;
      if (graph.has(file)) continue;
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm), ...text.matchAll(/^export\s+(?!type\b)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
      graph.set(file, specifiers);
      for (const s of specifiers) if (s.startsWith('.')) pending.push(resolve(dirname(file), s.endsWith('.ts') ? s : `${s}.ts`));
    }
    return graph;
  }
  const graph = runtimeImports(join(import.meta.dirname, '../../src/fhir/index.ts'));

  it('loads no Node module and not Zod', () => {
    const outside = [...graph.values()].flat().filter((s) => !s.startsWith('.'));
    expect(outside.filter((s) => s.startsWith('node:') || ['fs', 'path', 'zod', 'jsonc-parser'].includes(s))).toEqual([]);
    expect(graph.size).toBeGreaterThan(3);
  });

  it('is small: a few files of its own', () => {
    const own = readdirSync(join(import.meta.dirname, '../../src/fhir'));
    expect(own.sort()).toEqual(['codes.ts', 'index.ts', 'questionnaire.ts', 'response.ts']);
  });
});
