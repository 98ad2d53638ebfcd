import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate';
import { loadQuestionnaire } from '../../src/questionnaire/load';
import type { Answers } from '../../src/questionnaire/schema';
import { answerArbitrary, answersArbitrary } from '../property/arbitraries';

const loaded = loadQuestionnaire(readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8'));
if (!loaded.ok) throw new Error('rules/lupus.json is invalid');
const lupus = loaded.questionnaire;
const questions = lupus.sections.flatMap((s) => s.questions);

/**
 * Few answers, each of them telling: one or two questions answered, a multiple choice with one
 * or two options ticked. The gaps this test looks for show when a single sign is reported alone,
 * which answers to every question rarely are.
 */
const sparseAnswers: fc.Arbitrary<Answers> = fc
  .subarray(questions, { minLength: 1, maxLength: 3 })
  .chain((asked) =>
    fc.tuple(
      ...asked.map((q) => (q.type === 'multi' ? fc.subarray(q.options.filter((o) => !o.exclusive).map((o) => o.id), { minLength: 1, maxLength: 2 }) : answerArbitrary(q)).map((value) => [q.id, value] as const)),
    ),
  )
  .map((entries) => Object.fromEntries(entries) as Answers);
/**
 * Every symptom answered "no" ("none of these" for a checklist) but one to three questions,
 * answered anyhow, with any answers to the follow-ups and to the questions about the patient
 * (a diagnosis already made, family): a patient reporting one or two symptoms, as in the audit
 * that found "no specific concerns" shown to them.
 */
const context = new Set(['diagnosed_lupus', 'family_history']);
const blank: Answers = Object.fromEntries(questions.filter((q) => !q.showIf && !context.has(q.id) && (q.type === 'yesno' || q.type === 'multi')).map((q) => [q.id, q.type === 'multi' ? ['none'] : 'no']));
const fewSymptoms: fc.Arbitrary<Answers> = fc
  .tuple(
    fc.subarray(questions.filter((q) => !q.showIf && !context.has(q.id)), { minLength: 1, maxLength: 3 }),
    fc.record(Object.fromEntries(questions.filter((q) => q.showIf || context.has(q.id)).map((q) => [q.id, answerArbitrary(q)]))),
  )
  .chain(([asked, followUps]) => fc.tuple(...asked.map((q) => answerArbitrary(q).map((value) => [q.id, value] as const))).map((entries) => ({ ...blank, ...followUps, ...Object.fromEntries(entries) }) as Answers));
const anyAnswers = fc.oneof(answersArbitrary(lupus), sparseAnswers, fewSymptoms);

/**
 * "No specific concerns" is written by hand as "none of the other advice applies"; when advice
 * is added and that list is not updated, a patient could read "no specific concerns" next to
 * advice to see a doctor, or get no advice at all. This checks the hand-written list against
 * the engine for any answers.
 */
describe('false reassurance (SAFETY.md H2)', () => {
  it('"no specific concerns" applies exactly when no other advice does', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const ids = evaluate(lupus, answers).guidance.map((g) => g.id);
        const others = ids.filter((id) => id !== 'no_specific_concerns');
        expect(ids.includes('no_specific_concerns')).toBe(others.length === 0);
      }),
      { numRuns: 6000 },
    );
  });

  // The audit's finding: "no specific concerns" was shown with the symptoms reported as its reasons.
  const notSymptoms = new Set(['diagnosed_lupus', 'family_history']);
  const symptomQuestions = questions.filter((q) => q.type === 'yesno' && !notSymptoms.has(q.id)).map((q) => q.id);

  it('"no specific concerns" never applies when a symptom is answered yes, and never lists one as its reason', () => {
    const yes = new Set(symptomQuestions.map((id) => `${questions.find((q) => q.id === id)!.summary?.en}: Yes`));
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const { guidance, visible } = evaluate(lupus, answers);
        const reported = symptomQuestions.filter((id) => answers[id] === 'yes' && visible.includes(id));
        const reassurance = guidance.find((g) => g.id === 'no_specific_concerns');
        if (reported.length > 0) expect(reassurance, reported.join(', ')).toBeUndefined();
        expect(reassurance?.because.filter((line) => yes.has(line)) ?? []).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  const allNo = Object.fromEntries([['red_flags', ['none']], ['test_results', ['none']], ...questions.filter((q) => q.type === 'yesno' && !q.showIf).map((q) => [q.id, 'no'])]);
  it.each([
    ['fever only', { fever: 'yes' }, ['Lupus already found by a doctor: No', 'Fever with no clear cause: Yes']],
    ['mouth sores only', { mouth_ulcers: 'yes' }, ['Mouth or nose sores: Yes']],
    ['butterfly rash only', { butterfly_rash: 'yes' }, ['Butterfly-shaped rash on cheeks and nose: Yes']],
    ['hair loss only', { hair_loss: 'yes' }, ['Hair loss: Yes']],
    [
      'new swollen, stiff joints for under 6 weeks',
      { joint_pain: 'yes', joint_swelling: 'yes', joint_duration: 'under_six_weeks', morning_stiffness: 'yes' },
      ['Joint pain: Yes', 'Swollen joints: Yes', 'How long the joint pain has lasted: Less than 6 weeks', 'Morning stiffness for 30 minutes or more: Yes'],
    ],
  ] as const)('%s, everything else "no": "tell a doctor about your symptoms", because of them', (_name, reported, because) => {
    expect(evaluate(lupus, { ...allNo, ...reported }).guidance.map((g) => [g.id, g.because])).toEqual([['mention_symptoms', because]]);
  });

  it('every answer set gets some advice', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        expect(evaluate(lupus, answers).guidance.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
