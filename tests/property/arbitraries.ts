/** fast-check generators for answers that a questionnaire can take. */
import fc from 'fast-check';
import type { AnswerValue, Answers, Question, Questionnaire } from '../../src/questionnaire/schema';

export function answerArbitrary(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.type) {
    case 'yesno':
      return fc.constantFrom('yes', 'no', 'unsure');
    case 'single':
      return fc.constantFrom('unsure', ...question.options.map((o) => o.id));
    case 'multi': {
      const free = question.options.filter((o) => !o.exclusive).map((o) => o.id);
      const exclusive = question.options.filter((o) => o.exclusive).map((o) => [o.id]);
      return fc.oneof(fc.subarray(free), ...(exclusive.length ? [fc.constantFrom(...exclusive)] : []));
    }
    case 'scale':
      return fc.oneof(fc.integer({ min: question.min, max: question.max }), fc.constant('unsure'));
    case 'number':
      return fc.oneof(
        question.integer ? fc.integer({ min: Math.ceil(question.min), max: Math.floor(question.max) }) : fc.double({ min: question.min, max: question.max, noNaN: true }),
        fc.constant('unsure'),
      );
  }
}

/** Any subset of questions answered with legal values (hidden follow-ups included: they must be ignored). */
export function answersArbitrary(questionnaire: Questionnaire): fc.Arbitrary<Answers> {
  const questions = questionnaire.sections.flatMap((s) => s.questions);
  return fc.record(Object.fromEntries(questions.map((q) => [q.id, answerArbitrary(q)])), { requiredKeys: [] }) as fc.Arbitrary<Answers>;
}
