/**
 * Our conditions → json-logic-js rules, automatically, and an evaluator that gives the same
 * output as ours (ids, levels and, optionally, reasons).
 *
 * - all / any / not → and / or / !
 * - equals → ===; oneOf → in [list]; includes → in (guarded when the option is a substring of
 *   "unsure", because json-logic's `in` on a string is a substring test)
 * - atLeast / atMost on an answer → >= / <= (or the 3-argument <=), guarded against a missing
 *   answer, which json-logic reads as null and null >= 0 is true; "unsure" compares false
 * - answered → !== null / === null (json-logic's var gives null for a missing answer)
 * - scores → one json-logic rule per score, a nested sum {"+": [{"if": [when, weight, 0]}, ...]},
 *   applied once per answer set and stored as a computed fact ("score:ID") that conditions read
 *
 * Reasons: for advice that applies, the condition tree is walked the way ours explains it, and
 * json-logic is asked about each sub-rule it needs (which `any` branches hold, which score items).
 */
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import type { AppliedGuidance } from '../../src/engine/evaluate';
import type { Answers, Condition, Questionnaire } from '../../src/questionnaire/schema';
import { applied, byLevel, explainLeaf, explainNot, newBasis, wordingFor, type PeerBasis, type Wording } from './peerOutput';

type Rule = RulesLogic;
const rule = (value: unknown) => value as Rule;
export const scoreKey = (id: string) => `score:${id}`;

export function conditionToJsonLogic(condition: Condition): Rule {
  if ('all' in condition) return rule({ and: condition.all.map(conditionToJsonLogic) });
  if ('any' in condition) return rule({ or: condition.any.map(conditionToJsonLogic) });
  if ('not' in condition) return rule({ '!': [conditionToJsonLogic(condition.not)] });
  if ('score' in condition) return range({ var: scoreKey(condition.score) }, condition.atLeast, condition.atMost) ?? rule(true);
  const value = { var: condition.answer };
  const answered = { '!==': [value, null] };
  if ('equals' in condition) return rule({ '===': [value, condition.equals] });
  if ('oneOf' in condition) return rule({ in: [value, condition.oneOf] });
  if ('includes' in condition) {
    const test = { in: [condition.includes, value] };
    return rule('unsure'.includes(condition.includes) ? { and: [{ '!==': [value, 'unsure'] }, test] } : test);
  }
  if ('answered' in condition) return rule(condition.answered ? answered : { '===': [value, null] });
  // A range on an answer: only numbers can be in range. Legal answers to number and scale
  // questions are numbers or "unsure" (which compares false); a missing one is null.
  // With no bound, "is a number": NaN is the one value not equal to itself.
  const test = range(value, condition.atLeast, condition.atMost) ?? rule({ '===': [{ '+': [value] }, { '+': [value] }] });
  return rule({ and: [answered, test] });
}

function range(value: unknown, atLeast: number | undefined, atMost: number | undefined): Rule | undefined {
  if (atLeast !== undefined && atMost !== undefined) return rule({ '<=': [atLeast, value, atMost] });
  if (atLeast !== undefined) return rule({ '>=': [value, atLeast] });
  if (atMost !== undefined) return rule({ '<=': [value, atMost] });
  return undefined;
}

/** A condition with its json-logic rule, and the same for each part, for explaining. */
interface Node {
  condition: Condition;
  rule: Rule;
  parts: Node[];
}

function node(condition: Condition): Node {
  const parts = 'all' in condition ? condition.all.map(node) : 'any' in condition ? condition.any.map(node) : 'not' in condition ? [node(condition.not)] : [];
  return { condition, rule: conditionToJsonLogic(condition), parts };
}

export interface JsonLogicRules {
  wording: Wording;
  scores: { id: string; key: string; sum: Rule; items: Node[] }[];
  guidance: { guidance: Questionnaire['guidance'][number]; when: Node }[];
}

export function questionnaireToJsonLogic(questionnaire: Questionnaire, lang = 'en'): JsonLogicRules {
  return {
    wording: wordingFor(questionnaire, lang),
    scores: (questionnaire.scores ?? []).map((score) => ({
      id: score.id,
      key: scoreKey(score.id),
      sum: rule({ '+': score.items.map((item) => ({ if: [conditionToJsonLogic(item.when), item.weight ?? 1, 0] })) }),
      items: score.items.map((item) => node(item.when)),
    })),
    guidance: questionnaire.guidance.map((guidance) => ({ guidance, when: node(guidance.when) })),
  };
}

const holds = (r: Rule, data: Record<string, unknown>) => jsonLogic.truthy(jsonLogic.apply(r, data));

/** The advice json-logic gives for `answers`: with reasons (as ours) or ids only. */
export function evaluateJsonLogic(rules: JsonLogicRules, answers: Answers, withReasons = true): AppliedGuidance[] {
  const data: Record<string, unknown> = { ...answers };
  // Scores are computed facts: each score's nested sum is applied once, before the guidance.
  for (const score of rules.scores) data[score.key] = jsonLogic.apply(score.sum, data);
  const out: AppliedGuidance[] = [];
  for (const { guidance, when } of rules.guidance) {
    if (!holds(when.rule, data)) continue;
    let basis: PeerBasis | undefined;
    if (withReasons) {
      basis = newBasis();
      explain(rules, when, data, basis);
    }
    out.push(applied(rules.wording, guidance, basis, answers));
  }
  return byLevel(out);
}

/** Mirrors how ours explains a true condition; json-logic decides which parts are true. */
function explain(rules: JsonLogicRules, n: Node, data: Record<string, unknown>, basis: PeerBasis): void {
  const c = n.condition;
  if ('all' in c) for (const part of n.parts) explain(rules, part, data, basis);
  else if ('any' in c) {
    for (const part of n.parts) if (holds(part.rule, data)) explain(rules, part, data, basis);
  } else if ('not' in c) explainNot(rules.wording, c.not, (q) => data[q] !== undefined && data[q] !== null, basis);
  else if ('score' in c) {
    for (const item of rules.scores.find((s) => s.id === c.score)?.items ?? []) if (holds(item.rule, data)) explain(rules, item, data, basis);
  } else explainLeaf(c, basis);
}
