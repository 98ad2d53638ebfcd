/**
 * The engine on arbitrary valid questionnaires (not just the lupus file): random questions of
 * every type, follow-ups on earlier questions, scores, and nested guidance conditions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate';
import { checkQuestionnaire } from '../../src/questionnaire/load';
import type { Condition, Question, Questionnaire } from '../../src/questionnaire/schema';
import { answersArbitrary } from './arbitraries';

const LEVELS = ['emergency', 'urgent', 'soon', 'routine', 'info'] as const;
const text = (s: string) => ({ en: s });

function questionArbitrary(id: string): fc.Arbitrary<Question> {
  const base = { id, text: text(`Question ${id}?`), source: 'src' };
  const options = (count: number, exclusive: boolean) =>
    Array.from({ length: count }, (_, i) => ({ id: `o${i}`, text: text(`Option ${i}`), ...(exclusive && i === count - 1 ? { exclusive: true } : {}) }));
  return fc.oneof(
    fc.constant({ ...base, type: 'yesno' as const }),
    fc.integer({ min: 2, max: 4 }).map((n) => ({ ...base, type: 'single' as const, options: options(n, false) })),
    fc.tuple(fc.integer({ min: 2, max: 4 }), fc.boolean()).map(([n, exclusive]) => ({ ...base, type: 'multi' as const, options: options(n, exclusive) })),
    fc.constant({ ...base, type: 'scale' as const, min: 0, max: 10 }),
    fc.constant({ ...base, type: 'number' as const, min: 0, max: 120, integer: true }),
  );
}

/** A test on one answer that the question can take. */
function leafArbitrary(q: Question): fc.Arbitrary<Condition> {
  const answer = q.id;
  switch (q.type) {
    case 'yesno':
      return fc.oneof(fc.constantFrom('yes', 'no', 'unsure').map((equals) => ({ answer, equals })), fc.boolean().map((answered) => ({ answer, answered })));
    case 'single':
      return fc.oneof(fc.constantFrom(...q.options.map((o) => o.id)).map((equals) => ({ answer, equals })), fc.subarray(q.options.map((o) => o.id), { minLength: 1 }).map((oneOf) => ({ answer, oneOf })));
    case 'multi':
      return fc.constantFrom(...q.options.map((o) => o.id)).map((includes) => ({ answer, includes }));
    case 'scale':
    case 'number':
      return fc.integer({ min: q.min, max: q.max }).chain((t) => fc.constantFrom({ answer, atLeast: t }, { answer, atMost: t }));
  }
}

function conditionArbitrary(questions: Question[], scoreIds: string[]): fc.Arbitrary<Condition> {
  const leaf = fc.oneof(
    fc.constantFrom(...questions).chain(leafArbitrary),
    ...(scoreIds.length ? [fc.constantFrom(...scoreIds).map((score) => ({ score, atLeast: 1 }))] : []),
  );
  return fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('c').map((not) => ({ not })),
    ),
  })).c;
}

const questionnaireArbitrary: fc.Arbitrary<Questionnaire> = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => questionArbitrary(`q${i}`))))
  .chain((questions) =>
    fc
      .tuple(
        // Follow-ups: each question after the first may depend on one earlier question.
        fc.tuple(...questions.map((_, i) => (i === 0 ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: i - 1 }).chain((j) => leafArbitrary(questions[j]!)), { nil: undefined })))),
        fc.boolean(),
      )
      .chain(([showIfs, withScore]) => {
        const shaped = questions.map((q, i) => (showIfs[i] ? { ...q, showIf: showIfs[i] } : q));
        const scores = withScore ? [{ id: 'score', title: text('Score'), items: questions.map((q) => ({ when: { answer: q.id, answered: true } as Condition })) }] : [];
        return fc
          .array(fc.tuple(fc.constantFrom(...LEVELS), conditionArbitrary(questions, scores.map((s) => s.id))), { minLength: 1, maxLength: 4 })
          .map((rules) => ({
            id: 'generated',
            version: '1.0.0',
            title: text('Generated'),
            languages: ['en'],
            emergencyNumber: '112',
            sources: [{ id: 'src', title: 'Source' }],
            sections: [{ id: 'main', title: text('Main'), questions: shaped }],
            ...(scores.length ? { scores } : {}),
            guidance: rules.map(([level, when], i) => ({ id: `g${i}`, level, title: text(`Advice ${i}`), text: text('Text'), when, sources: ['src'] })),
          }));
      }),
  );

describe('the engine on arbitrary valid questionnaires', () => {
  it('never throws, is deterministic, explains every piece of advice and puts the most urgent first', () => {
    fc.assert(
      fc.property(
        questionnaireArbitrary.filter((q) => checkQuestionnaire(q).ok).chain((q) => fc.tuple(fc.constant(q), answersArbitrary(q))),
        ([questionnaire, answers]) => {
          const first = evaluate(questionnaire, answers);
          expect(evaluate(questionnaire, structuredClone(answers))).toEqual(first);
          const rank = first.guidance.map((g) => LEVELS.indexOf(g.level));
          expect(rank).toEqual([...rank].sort((a, b) => a - b));
          for (const g of first.guidance) expect(g.because.length, g.id).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
