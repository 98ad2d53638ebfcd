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
const anyAnswers = fc.oneof(answersArbitrary(lupus), sparseAnswers);

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
      { numRuns: 3000 },
    );
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
