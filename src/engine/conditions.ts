/**
 * Conditions are data; here they are compiled once into closures (no eval, so the widget runs
 * under a strict Content-Security-Policy). Question and score ids are resolved to indexes at
 * compile time, so a test is a few array reads. Each compiled condition can also say which
 * answers made it true, so the reasons shown with advice are derived, never hand-written.
 */
import type { AnswerValue, Condition } from '../questionnaire/schema';

/** The answers as conditions read them, by question index (hidden follow-ups read as unanswered). */
export interface AnswerState {
  readonly values: readonly (AnswerValue | undefined)[];
  /** A score's value, by score index; 0 for -1 (a score the questionnaire does not have). */
  score(index: number): number;
}

/**
 * What made a condition true: the answers, marked by question index. A score is explained by
 * the answers it counted, never by its total: a reason is something the patient said ("Because
 * you said: Hair loss: Yes"), and a count they never gave ("signs of lupus: 1") reads as a tally
 * towards an illness.
 */
export interface Basis {
  /**
   * One entry per question of the questionnaire: 1 when its answer is a reason; the options
   * that are, when only options ticked made it true ("includes"); else 0.
   */
  questions: (0 | 1 | string[])[];
}

export interface CompiledCondition {
  test(state: AnswerState): boolean;
  /** Adds to `basis` what made the condition true; call only when test() is true. */
  explain(state: AnswerState, basis: Basis): void;
  /** The index of every question a condition reads directly, whatever the answers. */
  readonly questions: readonly number[];
  /** The index of every score a condition reads. */
  readonly scores: readonly number[];
}

/** How ids become indexes (-1 when unknown), and how a score explains itself. */
export interface Resolver {
  question(id: string): number;
  score(id: string): number;
  /** Adds the basis of each of the score's items that is true. */
  explainScore(index: number, state: AnswerState, basis: Basis): void;
  /** The index of every question the score's items read. */
  scoreQuestions(index: number): readonly number[];
}

export function compileCondition(condition: Condition, resolve: Resolver): CompiledCondition {
  if ('all' in condition || 'any' in condition) {
    const all = 'all' in condition;
    const conditions = all ? condition.all : condition.any;
    const parts = conditions.map((c) => compileCondition(c, resolve));
    // The answer-equals and option-ticked parts are checked inline, without a call each (the
    // result does not depend on the order parts are tested in); the others through their tests.
    const equalsAt: number[] = [];
    const equalsTo: (string | number)[] = [];
    const tickedAt: number[] = [];
    const tickedOption: string[] = [];
    const tests: ((state: AnswerState) => boolean)[] = [];
    conditions.forEach((c, i) => {
      const index = answerIndex(c, resolve);
      if (index >= 0 && 'equals' in c) equalsAt.push(index), equalsTo.push(c.equals);
      else if (index >= 0 && 'includes' in c) tickedAt.push(index), tickedOption.push(c.includes);
      else tests.push(parts[i]!.test);
    });
    return {
      test: (state) => {
        const values = state.values;
        for (let k = 0; k < equalsAt.length; k++) if ((values[equalsAt[k]!] === equalsTo[k]) !== all) return !all;
        for (let k = 0; k < tickedAt.length; k++) {
          const value = values[tickedAt[k]!];
          if ((Array.isArray(value) && value.includes(tickedOption[k]!)) !== all) return !all;
        }
        for (const test of tests) if (test(state) !== all) return !all;
        return all;
      },
      explain: (state, basis) => {
        for (const part of parts) if (all || part.test(state)) part.explain(state, basis);
      },
      questions: unique(parts.flatMap((p) => p.questions)),
      scores: unique(parts.flatMap((p) => p.scores)),
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, resolve);
    const { test: innerTest, questions, scores } = inner;
    // Worked out at the first explanation: the scores are compiled after the conditions that read them.
    let read: readonly number[] | undefined;
    return {
      test: (state) => !innerTest(state),
      // "not X" is true because of how the questions X reads were answered, directly or through
      // the scores it reads. Questions never answered (follow-ups not asked) are no reason to
      // show a patient, unless nothing was answered at all.
      explain: (state, basis) => {
        read ??= scores.length ? unique([...questions, ...scores.flatMap(resolve.scoreQuestions)]) : questions;
        let anyAnswered = false;
        for (let i = 0; !anyAnswered && i < read.length; i++) anyAnswered = state.values[read[i]!] !== undefined;
        for (const q of read) if (!anyAnswered || state.values[q] !== undefined) basis.questions[q] = 1;
      },
      questions,
      scores,
    };
  }
  if ('score' in condition) {
    const index = resolve.score(condition.score);
    const { atLeast = -Infinity, atMost = Infinity } = condition;
    return {
      test: (state) => {
        const value = state.score(index);
        return value >= atLeast && value <= atMost;
      },
      explain: (state, basis) => {
        if (index >= 0) resolve.explainScore(index, state, basis);
      },
      questions: [],
      scores: index < 0 ? [] : [index],
    };
  }
  const index = resolve.question(condition.answer);
  // A ticked option is the reason, not the whole list ticked: "Chest pain", not "Chest pain; A swollen leg".
  const option = 'includes' in condition ? condition.includes : undefined;
  return {
    test: answerTest(condition, index),
    explain: (_state, { questions: marks }) => {
      const mark = marks[index];
      if (index < 0 || mark === 1) return;
      if (option === undefined) marks[index] = 1;
      else if (mark) mark.push(option);
      else marks[index] = [option];
    },
    questions: index < 0 ? [] : [index],
    scores: [],
  };
}

/** The index of the question a leaf reads, or -1 for a compound condition, a score or an unknown question. */
function answerIndex(condition: Condition, resolve: Resolver): number {
  return 'answer' in condition ? resolve.question(condition.answer) : -1;
}

/**
 * A score's items compiled, and its value: the weights of the items that hold, added in file
 * order. Answer-equals items are checked inline, as in all/any.
 */
export function compileScoreItems(
  source: readonly { when: Condition; weight?: number }[],
  resolve: Resolver,
): { items: { when: CompiledCondition; weight: number }[]; sum: (state: AnswerState) => number } {
  const items = source.map((item) => ({ when: compileCondition(item.when, resolve), weight: item.weight ?? 1 }));
  const equalsAt = source.map(({ when }) => ('equals' in when ? answerIndex(when, resolve) : -1));
  const equalsTo = source.map(({ when }) => ('equals' in when ? when.equals : undefined));
  return {
    items,
    sum: (state) => {
      const values = state.values;
      let sum = 0;
      for (let k = 0; k < items.length; k++) {
        const at = equalsAt[k]!;
        if (at >= 0 ? values[at] === equalsTo[k] : items[k]!.when.test(state)) sum += items[k]!.weight;
      }
      // Fractional weights add up in binary: 0.1 + 0.2 must be 0.3, at a threshold and in a reason.
      return Math.round(sum * 1e9) / 1e9;
    },
  };
}

type AnswerCondition = Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown } | { score: unknown }>;

/** One closure per leaf that reads the answer itself: leaves are the most frequent calls. */
function answerTest(condition: AnswerCondition, index: number): (state: AnswerState) => boolean {
  if ('equals' in condition) {
    const expected = condition.equals;
    return (state) => state.values[index] === expected;
  }
  if ('oneOf' in condition) {
    const allowed = new Set<string | number>(condition.oneOf);
    return (state) => {
      const value = state.values[index];
      return value !== undefined && !Array.isArray(value) && allowed.has(value);
    };
  }
  if ('includes' in condition) {
    const option = condition.includes;
    return (state) => {
      const value = state.values[index];
      return Array.isArray(value) && value.includes(option);
    };
  }
  if ('answered' in condition) {
    const answered = condition.answered;
    return (state) => (state.values[index] !== undefined) === answered;
  }
  const { atLeast = -Infinity, atMost = Infinity } = condition;
  return (state) => {
    const value = state.values[index];
    return typeof value === 'number' && value >= atLeast && value <= atMost;
  };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
