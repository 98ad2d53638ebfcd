/**
 * How much of a questionnaire its test cases exercise: guidance never given, conditions (every
 * node of every `when` and `showIf`, by JSON path) never true, and options no case chose.
 * A condition is judged on its own, on the answers the engine would use (answers to hidden
 * follow-ups dropped), whatever its parent makes of it: `{"not": X}` being always true still
 * shows X as never true.
 */
import { checkAnswers } from '../engine/answers';
import type { CompiledCondition } from '../engine/conditions';
import { answersInEffect, evaluate } from '../engine/evaluate';
import { modelOf } from '../engine/model';
import { formatPath, type JsonPath } from '../questionnaire/problem';
import type { Condition, Questionnaire } from '../questionnaire/schema';
import type { Case } from './schema';

export interface Coverage {
  /** Cases whose answers the questionnaire can take; the others are failures of their own and not counted. */
  cases: number;
  guidance: { total: number; never: { id: string; path: string }[] };
  conditions: { total: number; never: { path: string; condition: Condition }[] };
  options: { total: number; never: { question: string; option: string; path: string }[] };
}

interface Node {
  path: JsonPath;
  condition: Condition;
  compiled: CompiledCondition;
}

export function coverage(questionnaire: Questionnaire, cases: readonly Case[]): Coverage {
  const { compile, questions } = modelOf(questionnaire);
  const nodes: Node[] = [];
  const collect = (condition: Condition, path: JsonPath) => {
    nodes.push({ path, condition, compiled: compile(condition) });
    if ('all' in condition) condition.all.forEach((c, i) => collect(c, [...path, 'all', i]));
    else if ('any' in condition) condition.any.forEach((c, i) => collect(c, [...path, 'any', i]));
    else if ('not' in condition) collect(condition.not, [...path, 'not']);
  };
  questionnaire.sections.forEach((section, s) =>
    section.questions.forEach((question, i) => question.showIf && collect(question.showIf, ['sections', s, 'questions', i, 'showIf'])),
  );
  (questionnaire.scores ?? []).forEach((score, s) => score.items.forEach((item, i) => collect(item.when, ['scores', s, 'items', i, 'when'])));
  questionnaire.guidance.forEach((g, i) => collect(g.when, ['guidance', i, 'when']));

  const options = questionnaire.sections.flatMap((section, s) =>
    section.questions.flatMap((question, i) =>
      question.type === 'single' || question.type === 'multi'
        ? question.options.map((option, o) => ({ question: question.id, option: option.id, path: formatPath(['sections', s, 'questions', i, 'options', o]) }))
        : [],
    ),
  );

  const trueOnce = new Set<Node>();
  const given = new Set<string>();
  const chosen = new Set<string>();
  let counted = 0;
  for (const c of cases) {
    if (checkAnswers(questionnaire, c.answers).length > 0) continue;
    counted++;
    const context = answersInEffect(questionnaire, c.answers);
    for (const node of nodes) if (!trueOnce.has(node) && node.compiled.test(context)) trueOnce.add(node);
    for (const g of evaluate(questionnaire, c.answers, { trusted: true }).guidance) given.add(g.id);
    // Answers to hidden follow-ups read as unanswered here: only options a patient was asked count.
    context.values.forEach((value, i) => {
      const id = questions[i]!.question.id;
      if (value !== undefined) for (const option of Array.isArray(value) ? value : [value]) chosen.add(`${id}\u0000${option}`);
    });
  }

  return {
    cases: counted,
    guidance: {
      total: questionnaire.guidance.length,
      never: questionnaire.guidance.flatMap((g, i) => (given.has(g.id) ? [] : [{ id: g.id, path: formatPath(['guidance', i]) }])),
    },
    conditions: {
      total: nodes.length,
      never: nodes.filter((n) => !trueOnce.has(n)).map((n) => ({ path: formatPath(n.path), condition: n.condition })),
    },
    options: { total: options.length, never: options.filter((o) => !chosen.has(`${o.question}\u0000${o.option}`)) },
  };
}

/** The coverage report `symptom-check test --coverage` prints: one line a gap, under a heading with counts. */
export function formatCoverage(c: Coverage): string[] {
  const lines: string[] = [];
  const section = (title: string, total: number, gaps: string[]) => {
    lines.push(`${title}: ${total - gaps.length} of ${total}${gaps.length ? `; never (${gaps.length}):` : ''}`);
    gaps.forEach((gap) => lines.push(`  ${gap}`));
  };
  lines.push(`Coverage by ${c.cases} case${c.cases === 1 ? '' : 's'}`);
  section('guidance given', c.guidance.total, c.guidance.never.map((g) => `${g.path}  ${g.id}`));
  section('conditions true', c.conditions.total, c.conditions.never.map((n) => `${n.path}  ${brief(n.condition)}`));
  section('options chosen', c.options.total, c.options.never.map((o) => `${o.path}  ${o.question}: ${o.option}`));
  return lines;
}

function brief(condition: Condition): string {
  const text = JSON.stringify(condition);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
