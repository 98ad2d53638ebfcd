/**
 * Can a condition ever be true (or false)? Used to catch guidance that no answers can trigger.
 * Each question's possible answers are sampled (every option, every threshold a condition
 * uses, unanswered); literals on the same question within one conjunction are intersected,
 * other sub-conditions are treated as independent. That finds contradictions such as
 * `joint_pain = yes and joint_pain = no`, a threshold beyond a question's bounds, a score
 * threshold above its maximum, or a follow-up that can never be shown.
 */
import type { AnswerValue, Condition, Question, Questionnaire } from './schema';

type Sample = AnswerValue | undefined;
type Leaf = Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>;
interface Goal {
  condition: Condition;
  want: boolean;
}

export class Reachability {
  private readonly domains = new Map<string, Sample[]>();
  private readonly scores = new Map<string, { when: Condition; weight: number }[]>();
  private readonly scoreRanges = new Map<string, [number, number]>();

  constructor(questionnaire: Questionnaire) {
    const thresholds = collectThresholds(questionnaire);
    for (const score of questionnaire.scores ?? []) this.scores.set(score.id, score.items.map((i) => ({ when: i.when, weight: i.weight ?? 1 })));
    for (const section of questionnaire.sections) {
      for (const question of section.questions) {
        // A follow-up that can never be shown can never be answered.
        const shown = !question.showIf || this.possible(question.showIf, true);
        this.domains.set(question.id, shown ? samples(question, thresholds.get(question.id) ?? []) : [undefined]);
      }
    }
  }

  possible(condition: Condition, want: boolean): boolean {
    return this.conjunction([{ condition, want }]);
  }

  private conjunction(goals: Goal[]): boolean {
    const literals = new Map<string, Goal[]>();
    const scoreLiterals = new Map<string, Goal[]>();
    const disjunctions: Goal[] = [];
    const pending = [...goals];
    while (pending.length > 0) {
      const goal = pending.pop()!;
      const c = goal.condition;
      if ('not' in c) pending.push({ condition: c.not, want: !goal.want });
      else if ('all' in c && goal.want) c.all.forEach((condition) => pending.push({ condition, want: true }));
      else if ('any' in c && !goal.want) c.any.forEach((condition) => pending.push({ condition, want: false }));
      else if ('all' in c || 'any' in c) disjunctions.push(goal);
      else if ('score' in c) push(scoreLiterals, c.score, goal);
      else push(literals, c.answer, goal);
    }
    for (const [questionId, goalsOnQuestion] of literals) {
      const domain = this.domains.get(questionId) ?? [undefined];
      if (!domain.some((value) => goalsOnQuestion.every((g) => leafHolds(g.condition as Leaf, value) === g.want))) return false;
    }
    for (const [scoreId, goalsOnScore] of scoreLiterals) {
      const [min, max] = this.scoreRange(scoreId);
      const candidates = new Set([min, max]);
      for (const g of goalsOnScore) {
        for (const t of [(g.condition as { atLeast?: number }).atLeast, (g.condition as { atMost?: number }).atMost]) {
          if (t !== undefined) [t - 1, t, t + 1].forEach((v) => v >= min && v <= max && candidates.add(v));
        }
      }
      if (![...candidates].some((value) => goalsOnScore.every((g) => inRange(g.condition as Leaf, value) === g.want))) return false;
    }
    return disjunctions.every((goal) => {
      const c = goal.condition as { all?: Condition[]; any?: Condition[] };
      const children = c.all ?? c.any ?? [];
      return children.some((condition) => this.conjunction([{ condition, want: goal.want }]));
    });
  }

  private scoreRange(scoreId: string): [number, number] {
    let range = this.scoreRanges.get(scoreId);
    if (!range) {
      let min = 0;
      let max = 0;
      for (const { when, weight } of this.scores.get(scoreId) ?? []) {
        const options = [...(this.possible(when, true) ? [weight] : []), ...(this.possible(when, false) ? [0] : [])];
        if (options.length === 0) continue;
        min += Math.min(...options);
        max += Math.max(...options);
      }
      range = [min, max];
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

function leafHolds(c: Leaf, value: Sample): boolean {
  if ('equals' in c) return value === c.equals;
  if ('oneOf' in c) return value !== undefined && !Array.isArray(value) && (c.oneOf as (string | number)[]).includes(value);
  if ('includes' in c) return Array.isArray(value) && value.includes(c.includes);
  if ('answered' in c) return (value !== undefined) === c.answered;
  return typeof value === 'number' && inRange(c, value);
}

function samples(question: Question, thresholds: number[]): Sample[] {
  const out: Sample[] = [undefined, 'unsure'];
  switch (question.type) {
    case 'yesno':
      return [...out, 'yes', 'no'];
    case 'single':
      return [...out, ...question.options.map((o) => o.id)];
    case 'multi': {
      const exclusive = question.options.filter((o) => o.exclusive).map((o) => o.id);
      const free = question.options.filter((o) => !o.exclusive).map((o) => o.id);
      const sets: string[][] = [[], ...exclusive.map((id) => [id]), free];
      for (let i = 0; i < free.length; i++) {
        sets.push([free[i]!], free.filter((_, j) => j !== i));
        for (let j = i + 1; j < free.length; j++) sets.push([free[i]!, free[j]!]);
      }
      return [undefined, ...sets];
    }
    case 'scale':
    case 'number': {
      const values = new Set<number>([question.min, question.max]);
      for (const t of thresholds) for (const v of [t - 1, t - 0.5, t, t + 0.5, t + 1]) if (v >= question.min && v <= question.max) values.add(v);
      return [...out, ...values];
    }
  }
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
