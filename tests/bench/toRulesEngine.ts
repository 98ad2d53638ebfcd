/**
 * Our conditions → json-rules-engine rules and facts, automatically, and an evaluator that
 * gives the same output as ours (ids, levels and, optionally, reasons).
 *
 * - every answer is a fact (question id → value); a missing answer is an undefined fact
 *   (`allowUndefinedFacts`)
 * - all / any / not → all / any / not
 * - equals → equal; oneOf → in; includes → contains (an array-only operator, as ours);
 *   atLeast / atMost → greaterThanInclusive / lessThanInclusive (numbers only, as ours)
 * - answered → a custom operator `answered` (json-rules-engine has no "is undefined")
 * - scores → computed facts: each score item is a rule of higher priority that, when it holds,
 *   adds a runtime fact with its weight; the dynamic fact "score:ID" sums them, and guidance
 *   rules (lower priority, so run after) compare it. (Our loader forbids a score item that
 *   reads a score, so one level of item rules is enough.)
 *
 * Reasons: json-rules-engine records the result of every condition in its rule results; the
 * condition tree is walked the way ours explains it, reading those results.
 */
import { Engine, type Almanac, type RuleProperties, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import type { AppliedGuidance } from '../../src/engine/evaluate';
import type { Answers, Condition, Guidance, Questionnaire } from '../../src/questionnaire/schema';
import { applied, byLevel, explainLeaf, explainNot, newBasis, wordingFor, type PeerBasis, type Wording } from './peerOutput';

const scoreFact = (id: string) => `score:${id}`;
const itemFact = (id: string, i: number) => `score:${id}:item:${i}`;
const itemRuleName = (id: string, i: number) => `score ${id} item ${i}`;
const guidanceRuleName = (id: string) => `guidance ${id}`;

/** A json-rules-engine condition: a fact compared with a value, or all / any / not. */
type NestedCondition = TopLevelCondition | { fact: string; operator: string; value: unknown };

const isNumber = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value);

export function conditionToRulesEngine(condition: Condition): NestedCondition {
  if ('all' in condition) return { all: condition.all.map(conditionToRulesEngine) };
  if ('any' in condition) return { any: condition.any.map(conditionToRulesEngine) };
  if ('not' in condition) return { not: conditionToRulesEngine(condition.not) };
  if ('score' in condition) return range(scoreFact(condition.score), condition.atLeast, condition.atMost);
  const fact = condition.answer;
  if ('equals' in condition) return { fact, operator: 'equal', value: condition.equals };
  if ('oneOf' in condition) return { fact, operator: 'in', value: condition.oneOf };
  if ('includes' in condition) return { fact, operator: 'contains', value: condition.includes };
  if ('answered' in condition) return { fact, operator: 'answered', value: condition.answered };
  return range(fact, condition.atLeast, condition.atMost);
}

function range(fact: string, atLeast: number | undefined, atMost: number | undefined): NestedCondition {
  const low = atLeast === undefined ? undefined : { fact, operator: 'greaterThanInclusive', value: atLeast };
  const high = atMost === undefined ? undefined : { fact, operator: 'lessThanInclusive', value: atMost };
  if (low && high) return { all: [low, high] };
  return low ?? high ?? { fact, operator: 'isNumber', value: true };
}

/** Rule conditions must have all/any/not at the top. */
function topLevel(condition: NestedCondition): TopLevelCondition {
  return 'all' in condition || 'any' in condition || 'not' in condition ? (condition as TopLevelCondition) : { all: [condition] };
}

export interface RulesEngineRules {
  engine: Engine;
  wording: Wording;
  questionnaire: Questionnaire;
}

export function questionnaireToRulesEngine(questionnaire: Questionnaire, lang = 'en'): RulesEngineRules {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('answered', (value: unknown, expected: boolean) => (value !== undefined) === expected);
  engine.addOperator('isNumber', (value: unknown, expected: boolean) => isNumber(value) === expected);
  for (const score of questionnaire.scores ?? []) {
    score.items.forEach((item, i) => {
      const weight = item.weight ?? 1;
      const rule: RuleProperties = {
        name: itemRuleName(score.id, i),
        priority: 2,
        conditions: topLevel(conditionToRulesEngine(item.when)),
        event: { type: 'score-item' },
        onSuccess: (_event, almanac) => void almanac.addRuntimeFact(itemFact(score.id, i), weight),
      };
      engine.addRule(rule);
    });
    const count = score.items.length;
    engine.addFact(scoreFact(score.id), async (_params: Record<string, unknown>, almanac: Almanac) => {
      let sum = 0;
      for (let i = 0; i < count; i++) sum += ((await almanac.factValue<number | undefined>(itemFact(score.id, i))) ?? 0);
      return sum;
    });
  }
  for (const guidance of questionnaire.guidance) {
    engine.addRule({ name: guidanceRuleName(guidance.id), priority: 1, conditions: topLevel(conditionToRulesEngine(guidance.when)), event: { type: guidance.id } });
  }
  return { engine, wording: wordingFor(questionnaire, lang), questionnaire };
}

/** A condition node in json-rules-engine's results: the converted tree, each node with its result. */
interface ResultNode {
  result?: boolean;
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
}

/** The advice json-rules-engine gives for `answers`: with reasons (as ours) or ids only. */
export async function evaluateRulesEngine(rules: RulesEngineRules, answers: Answers, withReasons = true): Promise<AppliedGuidance[]> {
  const { events, results } = await rules.engine.run(answers);
  const fired = new Set(events.map((e) => e.type));
  const byName = withReasons ? new Map(results.map((r: RuleResult) => [r.name as string, r.conditions as unknown as ResultNode])) : undefined;
  const out: AppliedGuidance[] = [];
  for (const guidance of rules.questionnaire.guidance) {
    if (!fired.has(guidance.id)) continue;
    let basis: PeerBasis | undefined;
    if (byName) {
      basis = newBasis();
      const top = byName.get(guidanceRuleName(guidance.id))!;
      explain(rules, byName, guidance.when, unwrap(guidance.when, top), basis, answers);
    }
    out.push(applied(rules.wording, guidance as Guidance, basis, answers));
  }
  return byLevel(out);
}

/** The result node for a rule's own condition (undoing topLevel's wrapping of a leaf). */
function unwrap(condition: Condition, top: ResultNode): ResultNode {
  return convertsToLeaf(condition) ? top.all![0]! : top;
}

/** Whether conditionToRulesEngine gives a single fact comparison (a range with both bounds gives `all`). */
function convertsToLeaf(c: Condition): boolean {
  if ('all' in c || 'any' in c || 'not' in c) return false;
  const bounds = c as { atLeast?: number; atMost?: number };
  return bounds.atLeast === undefined || bounds.atMost === undefined;
}

/** Mirrors how ours explains a true condition; json-rules-engine's recorded results say which parts are true. */
function explain(rules: RulesEngineRules, byName: Map<string, ResultNode>, c: Condition, n: ResultNode, basis: PeerBasis, answers: Answers): void {
  if ('all' in c) c.all.forEach((part, i) => explain(rules, byName, part, n.all![i]!, basis, answers));
  else if ('any' in c) {
    c.any.forEach((part, i) => {
      const r = n.any![i]!;
      if (r.result === true) explain(rules, byName, part, r, basis, answers);
    });
  } else if ('not' in c) explainNot(rules.wording, c.not, (q) => answers[q] !== undefined, basis);
  else if ('score' in c) {
    const score = rules.questionnaire.scores?.find((s) => s.id === c.score);
    score?.items.forEach((item, i) => {
      const top = byName.get(itemRuleName(c.score, i));
      if (top) explain(rules, byName, item.when, unwrap(item.when, top), basis, answers);
    });
  } else explainLeaf(c, basis);
}
