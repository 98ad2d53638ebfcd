/**
 * Can a condition ever be true (or false)? Used to catch guidance that no answers can trigger.
 *
 * The check must be sound: it may miss a contradiction, but it must never call a condition
 * that some answers make true impossible. So every step either is exact or gives up towards
 * "possible":
 *
 * - Tests on the same question within one conjunction are decided exactly, over every answer
 *   the question can take (unanswered and "unsure" included). Numbers are split at every
 *   threshold any condition uses, so one value per piece stands for all of it (whole numbers
 *   only for scale and integer questions). A multiple-choice answer is decided from the
 *   options the tests mention: the ticks a conjunction needs, and nothing else, is the answer
 *   most likely to pass (options it does not mention are interchangeable), unless it breaks an
 *   `exclusive` option.
 * - A conjunction that needs a follow-up answered also needs the follow-up's showIf to hold
 *   (a hidden follow-up reads as unanswered), so `joint_pain = no and joint_swelling = yes` is
 *   caught when joint_swelling is asked only after joint_pain = yes.
 * - A score is taken to reach any value between its lowest and highest sums (whole numbers
 *   when every weight is whole).
 * - Everything else (the branches of an `any`, a score and the answers it counts) is treated as
 *   independent, which can only make more conditions look possible.
 *
 * The work is bounded, as a hostile file must not freeze the page: a condition checked on its
 * own (a whole condition, or a branch of an `any`) is decided once and remembered; a
 * conjunction grows its goals in rounds rather than by recursion; and when the work budget or
 * the recursion depth runs out, the answer is "possible" (and `gaveUp` is set).
 */
import type { AnswerValue, Condition, Question, Questionnaire } from './schema';

type Sample = AnswerValue | undefined;
type Leaf = Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>;
interface Goal {
  condition: Condition;
  want: boolean;
}

/** Goals taken apart, conjunctions started and nesting, per instance: far above any real questionnaire's needs. */
export const WORK_BUDGET = 500_000;
export const MAX_CONJUNCTIONS = 100_000;
export const MAX_DEPTH = 100;

export class Reachability {
  private readonly questions = new Map<string, Question>();
  /** The answers worth trying for each question, "unanswered" left out; multiple choice is decided per conjunction. */
  private readonly answers = new Map<string, Sample[]>();
  private readonly scores = new Map<string, { when: Condition; weight: number }[]>();
  private readonly scoreRanges = new Map<string, { min: number; max: number; whole: boolean }>();
  /** possible(condition, false) and possible(condition, true), by condition object. */
  private readonly decided = [new Map<Condition, boolean>(), new Map<Condition, boolean>()] as const;
  private work = 0;
  private conjunctions = 0;
  private depth = 0;
  /** Set when the budget or the depth limit cut a check short (the answer was then "possible"). */
  gaveUp = false;

  constructor(questionnaire: Questionnaire) {
    const thresholds = collectThresholds(questionnaire);
    for (const score of questionnaire.scores ?? []) this.scores.set(score.id, score.items.map((i) => ({ when: i.when, weight: i.weight ?? 1 })));
    for (const section of questionnaire.sections) {
      for (const question of section.questions) {
        this.questions.set(question.id, question);
        this.answers.set(question.id, answerSamples(question, thresholds.get(question.id) ?? []));
      }
    }
  }

  /** Whether some answers make `condition` come out `want` (a condition on its own: remembered). */
  possible(condition: Condition, want: boolean): boolean {
    const memo = this.decided[want ? 1 : 0];
    let result = memo.get(condition);
    if (result === undefined) {
      result = this.conjunction([{ condition, want }]);
      memo.set(condition, result);
    }
    return result;
  }

  private conjunction(goals: Goal[]): boolean {
    if (++this.conjunctions > MAX_CONJUNCTIONS || this.depth >= MAX_DEPTH) return this.giveUp();
    this.depth++;
    try {
      return this.decide(goals);
    } finally {
      this.depth--;
    }
  }

  private giveUp(): true {
    this.gaveUp = true;
    return true;
  }

  private decide(goals: Goal[]): boolean {
    const literals = new Map<string, Goal[]>();
    const scoreLiterals = new Map<string, Goal[]>();
    const disjunctions: Goal[] = [];
    /** Follow-ups whose showIf is already among the goals. */
    const shown = new Set<string>();
    const pending = [...goals];
    const touched = new Set<string>();
    // In rounds: take the new goals apart, then check the questions they touch; a follow-up that
    // must be answered brings its showIf in as a new goal for the next round.
    while (pending.length > 0) {
      touched.clear();
      while (pending.length > 0) {
        if (++this.work > WORK_BUDGET) return this.giveUp();
        const goal = pending.pop()!;
        const c = goal.condition;
        if ('not' in c) pending.push({ condition: c.not, want: !goal.want });
        else if ('all' in c && goal.want) for (const condition of c.all) pending.push({ condition, want: true });
        else if ('any' in c && !goal.want) for (const condition of c.any) pending.push({ condition, want: false });
        else if ('all' in c || 'any' in c) disjunctions.push(goal);
        else if ('score' in c) push(scoreLiterals, c.score, goal);
        else {
          push(literals, c.answer, goal);
          touched.add(c.answer);
        }
      }
      for (const questionId of touched) {
        const goalsOnQuestion = literals.get(questionId)!;
        if (goalsOnQuestion.length > 1) this.work += goalsOnQuestion.length;
        // Left unanswered (or hidden), the question puts no demand on anything else.
        if (allHold(goalsOnQuestion, undefined)) continue;
        const question = this.questions.get(questionId);
        if (!question) return false;
        const candidates = question.type === 'multi' ? multiSamples(question, goalsOnQuestion) : this.answers.get(questionId)!;
        if (!somePasses(candidates, goalsOnQuestion)) return false;
        // It must be answered, so it must be asked.
        if (question.showIf && !shown.has(questionId)) {
          shown.add(questionId);
          pending.push({ condition: question.showIf, want: true });
        }
      }
    }
    for (const [scoreId, goalsOnScore] of scoreLiterals) {
      const { min, max, whole } = this.scoreRange(scoreId);
      const thresholds: number[] = [];
      for (const g of goalsOnScore) {
        const { atLeast, atMost } = g.condition as { atLeast?: number; atMost?: number };
        if (atLeast !== undefined) thresholds.push(atLeast);
        if (atMost !== undefined) thresholds.push(atMost);
      }
      if (!numberSamples(min, max, whole, thresholds).some((value) => goalsOnScore.every((g) => inRange(g.condition as Leaf, value) === g.want))) return false;
    }
    return disjunctions.every((goal) => {
      const c = goal.condition as { all?: Condition[]; any?: Condition[] };
      const children = c.all ?? c.any ?? [];
      return children.some((condition) => this.possible(condition, goal.want));
    });
  }

  private scoreRange(scoreId: string): { min: number; max: number; whole: boolean } {
    let range = this.scoreRanges.get(scoreId);
    if (!range) {
      let min = 0;
      let max = 0;
      let whole = true;
      for (const { when, weight } of this.scores.get(scoreId) ?? []) {
        const options = [...(this.possible(when, true) ? [weight] : []), ...(this.possible(when, false) ? [0] : [])];
        if (options.length === 0) continue;
        if (!Number.isInteger(weight)) whole = false;
        min += Math.min(...options);
        max += Math.max(...options);
      }
      range = { min, max, whole };
      this.scoreRanges.set(scoreId, range);
    }
    return range;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function inRange(c: Leaf, n: number): boolean {
  const { atLeast, atMost } = c as { atLeast?: number; atMost?: number };
  return (atLeast === undefined || n >= atLeast) && (atMost === undefined || n <= atMost);
}

/** Whether an answer passes (or fails, as wanted) every test in `goals` (tests on one question). */
function allHold(goals: Goal[], value: Sample): boolean {
  for (const g of goals) if (leafHolds(g.condition as Leaf, value) !== g.want) return false;
  return true;
}

function somePasses(values: Sample[], goals: Goal[]): boolean {
  for (const value of values) if (allHold(goals, value)) return true;
  return false;
}

/** The same tests as the engine's (engine/conditions.ts answerTest). */
function leafHolds(c: Leaf, value: Sample): boolean {
  if ('equals' in c) return value === c.equals;
  if ('oneOf' in c) return value !== undefined && !Array.isArray(value) && (c.oneOf as (string | number)[]).includes(value);
  if ('includes' in c) return Array.isArray(value) && value.includes(c.includes);
  if ('answered' in c) return (value !== undefined) === c.answered;
  return typeof value === 'number' && inRange(c, value);
}

/** Every answer a question can take, but for multiple choice (see multiSamples) and numbers (one per piece between thresholds). */
function answerSamples(question: Question, thresholds: number[]): Sample[] {
  switch (question.type) {
    case 'yesno':
      return ['unsure', 'yes', 'no'];
    case 'single':
      return ['unsure', ...question.options.map((o) => o.id)];
    case 'multi':
      return ['unsure'];
    case 'scale':
      return ['unsure', ...numberSamples(question.min, question.max, true, thresholds)];
    case 'number':
      return ['unsure', ...numberSamples(question.min, question.max, question.integer === true, thresholds)];
  }
}

/**
 * For tests on a multiple-choice answer: "unsure", and the list of exactly the options the
 * tests require ticked. On a list, only "includes" depends on what is ticked, so if any list
 * passes, that one does (when it respects `exclusive`; a list that does not is no answer).
 */
function multiSamples(question: Extract<Question, { type: 'multi' }>, goals: Goal[]): Sample[] {
  const ticked = new Set<string>();
  for (const g of goals) if (g.want && 'includes' in g.condition) ticked.add(g.condition.includes);
  const options = new Map(question.options.map((o) => [o.id, o]));
  const valid = [...ticked].every((id) => options.has(id)) && (ticked.size <= 1 || [...ticked].every((id) => !options.get(id)!.exclusive));
  return valid ? ['unsure', [...ticked]] : ['unsure'];
}

/**
 * Numbers from min to max (whole numbers only if `whole`) such that every test against these
 * thresholds that some number in the range passes, one of them passes too: each threshold in
 * range, both ends, and one number strictly between each two neighbours.
 */
function numberSamples(min: number, max: number, whole: boolean, thresholds: number[]): number[] {
  const low = whole ? Math.ceil(min) : min;
  const high = whole ? Math.floor(max) : max;
  if (!(low <= high)) return [];
  const points = [...new Set([low, high, ...thresholds.filter((t) => t >= low && t <= high)])].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    if (!whole || Number.isInteger(point)) out.push(point);
    const next = points[i + 1];
    if (next === undefined) continue;
    const between = whole ? Math.floor(point) + 1 : point + (next - point) / 2;
    if (between > point && between < next) out.push(between);
  }
  return out;
}

function collectThresholds(questionnaire: Questionnaire): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const visit = (c: Condition): void => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if ('answer' in c) {
      const values = [
        (c as { atLeast?: number }).atLeast,
        (c as { atMost?: number }).atMost,
        ...('equals' in c ? [c.equals] : []),
        ...('oneOf' in c ? c.oneOf : []),
      ];
      for (const v of values) if (typeof v === 'number') push(out, c.answer, v);
    }
  };
  for (const section of questionnaire.sections) for (const q of section.questions) if (q.showIf) visit(q.showIf);
  for (const score of questionnaire.scores ?? []) score.items.forEach((i) => visit(i.when));
  questionnaire.guidance.forEach((g) => visit(g.when));
  return out;
}
