/**
 * Conditions are data; here they are compiled once into closures (no eval, so the widget runs
 * under a strict Content-Security-Policy). Each compiled condition can also say which answers
 * made it true, so the reasons shown with advice are derived, never hand-written.
 */
import type { AnswerValue, Condition } from '../questionnaire/schema';

export interface ConditionContext {
  answer(questionId: string): AnswerValue | undefined;
  score(scoreId: string): number;
}

/** What made a condition true: question ids and score ids, in the order met. */
export interface Basis {
  questions: Set<string>;
  scores: Set<string>;
}

export interface CompiledCondition {
  test(ctx: ConditionContext): boolean;
  /** Adds to `basis` what made the condition true; call only when test() is true. */
  explain(ctx: ConditionContext, basis: Basis): void;
  /** Every question a condition reads directly, whatever the answers. */
  readonly questions: readonly string[];
  /** Every score a condition reads. */
  readonly scores: readonly string[];
}

/** How a score explains itself: the basis of each of its items that is true. */
export type ScoreExplainer = (scoreId: string, ctx: ConditionContext, basis: Basis) => void;

export function compileCondition(condition: Condition, explainScore: ScoreExplainer): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, explainScore));
    const tests = parts.map((p) => p.test);
    return {
      // Plain loops over the closures: this is the hot path of every evaluation.
      test: (ctx) => {
        for (const test of tests) if (!test(ctx)) return false;
        return true;
      },
      explain: (ctx, basis) => parts.forEach((p) => p.explain(ctx, basis)),
      questions: unique(parts.flatMap((p) => p.questions)),
      scores: unique(parts.flatMap((p) => p.scores)),
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, explainScore));
    const tests = parts.map((p) => p.test);
    return {
      test: (ctx) => {
        for (const test of tests) if (test(ctx)) return true;
        return false;
      },
      explain: (ctx, basis) => parts.forEach((p) => p.test(ctx) && p.explain(ctx, basis)),
      questions: unique(parts.flatMap((p) => p.questions)),
      scores: unique(parts.flatMap((p) => p.scores)),
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, explainScore);
    const innerTest = inner.test;
    return {
      test: (ctx) => !innerTest(ctx),
      // "not X" is true because of how the questions X reads were answered, and the scores it
      // reads. Questions never answered (follow-ups not asked) are no reason to show a patient,
      // unless nothing was answered at all.
      explain: (ctx, basis) => {
        const answered = inner.questions.filter((q) => ctx.answer(q) !== undefined);
        for (const q of answered.length > 0 || inner.scores.length > 0 ? answered : inner.questions) basis.questions.add(q);
        for (const score of inner.scores) basis.scores.add(score);
      },
      questions: inner.questions,
      scores: inner.scores,
    };
  }
  if ('score' in condition) {
    const { score: scoreId, atLeast, atMost } = condition;
    const inRange = rangeTest(atLeast, atMost);
    return {
      test: (ctx) => inRange(ctx.score(scoreId)),
      explain: (ctx, basis) => {
        basis.scores.add(scoreId);
        explainScore(scoreId, ctx, basis);
      },
      questions: [],
      scores: [scoreId],
    };
  }
  const questionId = condition.answer;
  const test = answerTest(condition);
  return {
    test: (ctx) => test(ctx.answer(questionId)),
    explain: (_ctx, basis) => void basis.questions.add(questionId),
    questions: [questionId],
    scores: [],
  };
}

function answerTest(condition: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown } | { score: unknown }>) {
  if ('equals' in condition) {
    const expected = condition.equals;
    return (value: AnswerValue | undefined) => value === expected;
  }
  if ('oneOf' in condition) {
    const allowed = new Set<string | number>(condition.oneOf);
    return (value: AnswerValue | undefined) => value !== undefined && !Array.isArray(value) && allowed.has(value);
  }
  if ('includes' in condition) {
    const option = condition.includes;
    return (value: AnswerValue | undefined) => Array.isArray(value) && value.includes(option);
  }
  if ('answered' in condition) {
    const answered = condition.answered;
    return (value: AnswerValue | undefined) => (value !== undefined) === answered;
  }
  const inRange = rangeTest(condition.atLeast, condition.atMost);
  return (value: AnswerValue | undefined) => typeof value === 'number' && inRange(value);
}

function rangeTest(atLeast: number | undefined, atMost: number | undefined): (n: number) => boolean {
  return (n) => (atLeast === undefined || n >= atLeast) && (atMost === undefined || n <= atMost);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
