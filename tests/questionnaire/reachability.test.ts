/**
 * "Guidance can never apply" must be sound: it may miss a contradiction, but it must never
 * reject a condition that some answers make true (the widget refuses such a file).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleQuestions } from '../../src/engine/answersInEffect';
import { evaluate } from '../../src/engine/evaluate';
import { checkQuestionnaire, loadQuestionnaire } from '../../src/questionnaire/load';
import type { Answers, Condition, Question, Questionnaire } from '../../src/questionnaire/schema';
import { smallQuestionnaire } from '../fixtures';

const lupusText = readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8');
const lupus = (): Questionnaire => JSON.parse(lupusText);

/** The ids of the guidance the validator says can never apply (every other problem must be absent). */
function neverApplies(q: Questionnaire): string[] {
  const result = checkQuestionnaire(q);
  if (result.ok) return [];
  const ids = result.problems.map((p) => /can never apply/.test(p.message) && q.guidance[Number(/^\$\.guidance\[(\d+)\]/.exec(p.path)?.[1])]?.id);
  expect(ids.every(Boolean), result.problems.map((p) => p.message).join('\n')).toBe(true);
  return ids as string[];
}
const applied = (q: Questionnaire, answers: Answers) => evaluate(q, answers).guidance.map((g) => g.id);

describe('a multiple-choice condition is decided from the options it mentions', () => {
  const has = (option: string): Condition => ({ answer: 'red_flags', includes: option });
  const not = (condition: Condition): Condition => ({ not: condition });
  // [what, the condition, answers that make it true (undefined: none can)]
  const rows: [string, Condition, Answers | undefined][] = [
    [
      'three options ticked and two not (the reviewer\'s case)',
      { all: [has('chest_pain'), has('breathless'), has('seizure'), not(has('confusion')), not(has('stroke_signs'))] },
      { red_flags: ['chest_pain', 'breathless', 'seizure'] },
    ],
    [
      'four ticked and four not',
      { all: [has('chest_pain'), has('breathless'), has('seizure'), has('confusion'), not(has('stroke_signs')), not(has('heavy_bleeding')), not(has('swollen_leg')), not(has('none'))] },
      { red_flags: ['chest_pain', 'breathless', 'seizure', 'confusion'] },
    ],
    [
      'the same, written with "any" inside "not"',
      { all: [has('chest_pain'), has('breathless'), has('seizure'), not({ any: [has('confusion'), has('stroke_signs'), has('heavy_bleeding')] })] },
      { red_flags: ['chest_pain', 'breathless', 'seizure'] },
    ],
    ['an exclusive option with another', { all: [has('none'), has('chest_pain')] }, undefined],
    ['an option ticked and not ticked', { all: [has('chest_pain'), has('breathless'), has('seizure'), not(has('chest_pain'))] }, undefined],
  ];
  it('accepts each condition that some ticks make true, and only those, exclusive options standing alone', () => {
    for (const [name, when, answers] of rows) {
      const q = lupus();
      q.guidance[0]!.when = when;
      if (answers) {
        expect(neverApplies(q), name).toEqual([]);
        expect(applied(q, answers), name).toContain(q.guidance[0]!.id);
        // The widget loads the file from its text: it must accept it too.
        expect(loadQuestionnaire(JSON.stringify(q, null, 2)).ok, name).toBe(true);
      } else expect(neverApplies(q), name).toEqual([q.guidance[0]!.id]);
    }
  });
});

describe('numbers are tried between every two thresholds', () => {
  it('finds a number strictly between two thresholds that both are excluded', () => {
    const q = smallQuestionnaire();
    (q.sections[1]!.questions[1] as { integer?: boolean }).integer = false;
    const when: Condition = { all: [{ answer: 'joint_weeks', atLeast: 3, atMost: 3.2 }, { not: { answer: 'joint_weeks', oneOf: [3, 3.2] } }] };
    q.guidance[2]!.when = when;
    expect(neverApplies(q)).toEqual([]);
    expect(applied(q, { joint_pain: 'yes', joint_weeks: 3.1 })).toContain('soon_long_joints');
  });
  it('finds a score between two thresholds when weights are not whole', () => {
    const q = smallQuestionnaire();
    q.scores![0]!.items.push({ when: { answer: 'sex', equals: 'female' }, weight: 0.25 });
    q.guidance[3]!.when = { all: [{ not: { score: 'features', atMost: 1 } }, { not: { score: 'features', atLeast: 1.5 } }] };
    expect(neverApplies(q)).toEqual([]);
    expect(applied(q, { joint_pain: 'yes', sex: 'female' })).toContain('routine_features');
  });
  it('takes scale and whole-number questions to have no answer between two whole numbers', () => {
    const q = smallQuestionnaire();
    q.guidance[4]!.when = { all: [{ answer: 'tiredness', atLeast: 3.2 }, { answer: 'tiredness', atMost: 3.8 }] };
    q.guidance[2]!.when = { all: [{ answer: 'joint_weeks', atLeast: 2.5 }, { not: { answer: 'joint_weeks', atLeast: 3 } }] };
    expect(neverApplies(q)).toEqual(['soon_long_joints', 'info_tired']);
    // Between two thresholds that do have a whole number between them, it is found.
    q.guidance[4]!.when = { all: [{ answer: 'tiredness', atLeast: 3.2 }, { answer: 'tiredness', atMost: 4.9 }] };
    q.guidance[2]!.when = { all: [{ answer: 'joint_weeks', atLeast: 2.5 }, { not: { answer: 'joint_weeks', atLeast: 3.5 } }] };
    expect(neverApplies(q)).toEqual([]);
  });
});

describe('a follow-up read together with the answer that hides it', () => {
  const joint = (when: Condition) => {
    const q = smallQuestionnaire();
    q.guidance[2]!.when = when;
    return neverApplies(q);
  };
  it('can never apply when the follow-up must be answered, and can when it may be left unanswered or is shown', () => {
    expect(joint({ all: [{ answer: 'joint_pain', equals: 'no' }, { answer: 'joint_weeks', atLeast: 1 }] })).toEqual(['soon_long_joints']);
    expect(joint({ all: [{ not: { answer: 'joint_pain', equals: 'yes' } }, { answer: 'joint_weeks', answered: true }] })).toEqual(['soon_long_joints']);
    expect(joint({ all: [{ answer: 'joint_pain', equals: 'no' }, { not: { answer: 'joint_weeks', atLeast: 1 } }] })).toEqual([]);
    expect(joint({ all: [{ answer: 'joint_pain', equals: 'no' }, { answer: 'joint_weeks', answered: false }] })).toEqual([]);
    expect(joint({ all: [{ answer: 'joint_pain', equals: 'yes' }, { answer: 'joint_weeks', atLeast: 1 }] })).toEqual([]);
  });
  it('in the lupus file', () => {
    const q = lupus();
    q.guidance[0]!.when = { all: [{ answer: 'joint_pain', equals: 'no' }, { answer: 'joint_swelling', equals: 'yes' }] };
    expect(neverApplies(q)).toEqual([q.guidance[0]!.id]);
  });
});

// Random questionnaires and answers: whatever the engine applies, the validator must not have
// called impossible, and whatever it shows must not have been called never shown.
const text = (s: string) => ({ en: s });
function questionArbitrary(id: string): fc.Arbitrary<Question> {
  const base = { id, text: text(id), source: 'src' };
  const options = (count: number, exclusive: boolean) =>
    Array.from({ length: count }, (_, i) => ({ id: `o${i}`, text: text(`o${i}`), ...(exclusive && i === count - 1 ? { exclusive: true } : {}) }));
  return fc.oneof(
    fc.constant({ ...base, type: 'yesno' as const }),
    fc.integer({ min: 2, max: 4 }).map((n) => ({ ...base, type: 'single' as const, options: options(n, false) })),
    fc.tuple(fc.integer({ min: 4, max: 7 }), fc.boolean()).map(([n, exclusive]) => ({ ...base, type: 'multi' as const, options: options(n, exclusive) })),
    fc.constant({ ...base, type: 'scale' as const, min: 0, max: 6 }),
    fc.boolean().map((integer) => ({ ...base, type: 'number' as const, min: 0, max: 6, integer })),
  );
}
function leafArbitrary(q: Question): fc.Arbitrary<Condition> {
  const answer = q.id;
  const answered = fc.boolean().map((value) => ({ answer, answered: value }));
  switch (q.type) {
    case 'yesno':
      return fc.oneof(fc.constantFrom('yes', 'no', 'unsure').map((equals) => ({ answer, equals })), answered);
    case 'single':
      return fc.oneof(fc.constantFrom(...q.options.map((o) => o.id)).map((equals) => ({ answer, equals })), answered);
    case 'multi':
      return fc.oneof({ arbitrary: fc.constantFrom(...q.options.map((o) => o.id)).map((includes) => ({ answer, includes })), weight: 4 }, answered);
    case 'scale':
    case 'number': {
      const threshold = fc.oneof(fc.integer({ min: -1, max: 7 }), fc.integer({ min: 0, max: 60 }).map((n) => n / 10));
      return fc.oneof(threshold.map((atLeast) => ({ answer, atLeast })), threshold.map((atMost) => ({ answer, atMost })), answered);
    }
  }
}
function conditionArbitrary(questions: Question[], scoreIds: string[]): fc.Arbitrary<Condition> {
  const leaf = fc.oneof(
    fc.constantFrom(...questions).chain(leafArbitrary),
    ...(scoreIds.length ? [fc.tuple(fc.constantFrom(...scoreIds), fc.integer({ min: 0, max: 8 })).map(([score, n]) => ({ score, atLeast: n / 2 }))] : []),
  );
  const maybeNot = (c: fc.Arbitrary<Condition>) => fc.tuple(c, fc.boolean()).map(([c, negate]) => (negate ? { not: c } : c));
  // Many tests on one question, as contradictions and narrow cases come from.
  const sameQuestion = fc.constantFrom(...questions).chain((q) =>
    q.type === 'multi'
      ? fc.shuffledSubarray(q.options, { minLength: 2 }).chain((options) => fc.tuple(...options.map((o) => maybeNot(fc.constant({ answer: q.id, includes: o.id }))))).map((all) => ({ all }))
      : fc.array(maybeNot(leafArbitrary(q)), { minLength: 2, maxLength: 6 }).map((all) => ({ all })),
  );
  return fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      sameQuestion,
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('c').map((not) => ({ not })),
    ),
  })).c;
}
/** Any subset answered; numbers on a grid of twentieths, so that narrow gaps between thresholds (tenths) get hit. */
function answersArbitrary(q: Questionnaire): fc.Arbitrary<Answers> {
  const value = (question: Question): fc.Arbitrary<Answers[string]> => {
    switch (question.type) {
      case 'yesno':
        return fc.constantFrom('yes', 'no', 'unsure');
      case 'single':
        return fc.constantFrom('unsure', ...question.options.map((o) => o.id));
      case 'multi': {
        const free = question.options.filter((o) => !o.exclusive).map((o) => o.id);
        const exclusive = question.options.filter((o) => o.exclusive).map((o) => [o.id]);
        return fc.oneof(fc.subarray(free), ...exclusive.map((e) => fc.constant(e)), fc.constant('unsure'));
      }
      case 'scale':
        return fc.oneof(fc.integer({ min: question.min, max: question.max }), fc.constant('unsure'));
      case 'number':
        return fc.oneof(question.integer ? fc.integer({ min: question.min, max: question.max }) : fc.integer({ min: question.min * 20, max: question.max * 20 }).map((n) => n / 20), fc.constant('unsure'));
    }
  };
  const questions = q.sections.flatMap((s) => s.questions);
  return fc.record(Object.fromEntries(questions.map((question) => [question.id, value(question)])), { requiredKeys: [] }) as fc.Arbitrary<Answers>;
}

const questionnaireArbitrary: fc.Arbitrary<Questionnaire> = fc
  .integer({ min: 1, max: 5 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => questionArbitrary(`q${i}`))))
  .chain((questions) =>
    fc
      .tuple(
        fc.tuple(...questions.map((_, i) => (i === 0 ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: i - 1 }).chain((j) => leafArbitrary(questions[j]!)), { nil: undefined })))),
        fc.option(fc.array(fc.constantFrom(1, 2, 0.5, 0.25), { minLength: questions.length, maxLength: questions.length }), { nil: undefined }),
      )
      .chain(([showIfs, weights]) => {
        const shaped = questions.map((q, i) => (showIfs[i] ? { ...q, showIf: showIfs[i] } : q));
        const scores = weights ? [{ id: 'score', title: text('Score'), items: questions.map((q, i) => ({ when: { answer: q.id, answered: true } as Condition, weight: weights[i]! })) }] : [];
        return fc.array(conditionArbitrary(shaped, scores.map((s) => s.id)), { minLength: 1, maxLength: 4 }).map((whens) => ({
          id: 'generated',
          version: '1.0.0',
          title: text('Generated'),
          languages: ['en'],
          emergencyNumber: '112',
          sources: [{ id: 'src', title: 'Source' }],
          sections: [{ id: 'main', title: text('Main'), questions: shaped }],
          ...(scores.length ? { scores } : {}),
          guidance: whens.map((when, i) => ({ id: `g${i}`, level: 'info' as const, title: text(`g${i}`), text: text('t'), when, sources: ['src'] })),
        }));
      }),
  );

describe('on random questionnaires', () => {
  it('never calls guidance impossible that some answers trigger, nor a follow-up never shown that is shown', () => {
    fc.assert(
      fc.property(
        questionnaireArbitrary.chain((q) => fc.tuple(fc.constant(q), fc.array(answersArbitrary(q), { minLength: 40, maxLength: 40 }))),
        ([q, answerSets]) => {
          const result = checkQuestionnaire(q);
          const problems = result.ok ? [] : result.problems;
          const reported = new Set(problems.filter((p) => /can never apply|never shown/.test(p.message)).map((p) => p.path));
          for (const answers of answerSets) {
            for (const g of evaluate(q, answers, { trusted: true }).guidance) expect(reported, `${g.id} applies for ${JSON.stringify(answers)}`).not.toContain(`$.guidance[${g.id.slice(1)}].when`);
            for (const id of visibleQuestions(q, answers)) expect(reported, `${id} is shown for ${JSON.stringify(answers)}`).not.toContain(`$.sections[0].questions[${id.slice(1)}].showIf`);
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});
