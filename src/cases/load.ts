/**
 * A rule test cases file, from its text, checked against the questionnaire it tests: every
 * problem names the file, line, column and JSON path, and says how to fix it where we can tell.
 * Used by `symptom-check test` and the playground's case runner; an `evaluate` answers file's
 * answers are checked the same way as a case's.
 *
 * - errors: the text is not JSON, or not a cases file (the run stops); an answer names a question
 *   the rules do not have or a value its question cannot take, or an expectation names guidance
 *   the rules do not have (the case fails);
 * - warnings: an answer to a follow-up that these answers do not ask, so the engine ignores it
 *   (the case still runs: the author may mean it, but more often it is a slip).
 */
import type { z } from 'zod';
import { valueProblem } from '../engine/answers';
import { answersInEffect } from '../engine/evaluate';
import { modelOf } from '../engine/model';
import { LEVELS } from '../questionnaire/levels';
import { describeType, didYouMean, formatPath, formatProblem, plain, valueAt, type JsonPath, type Problem } from '../questionnaire/problem';
import type { SourceMap } from '../questionnaire/positions';
import type { Answers, Condition, Questionnaire } from '../questionnaire/schema';
import { readJsonFile } from '../questionnaire/jsonFile';
import { runCase, type CaseResult } from './run';
import { CasesFile, type Case } from './schema';

export type Severity = 'error' | 'warning';

export interface CaseProblem extends Problem {
  severity: Severity;
}

/** Where something is in a file, as a problem gives it. */
export type Place = Pick<Problem, 'file' | 'line' | 'column' | 'path'>;

/** One case's result with the problems found in it, placed in the cases file. */
export interface CaseReport extends CaseResult {
  problems: CaseProblem[];
  /** The case's `expect`, where its failures are reported: the place to edit, or to read the answers above. */
  at: Place;
}

export type CasesRun =
  | { ok: true; file: CasesFile; reports: CaseReport[] }
  /** The file could not be read as a cases file: nothing was run. */
  | { ok: false; problems: Problem[] };

const SHAPE = 'a cases file is {"cases": [{"name": "...", "answers": {...}, "expect": {"guidance": [...], "topLevel": "..."}}]}';

/** Reads the cases in `text` and runs each against `questionnaire`. */
export function runCasesText(questionnaire: Questionnaire, text: string, file: string): CasesRun {
  const read = readJsonFile(text, file, SHAPE);
  if (!read.ok) return read;
  const { value, map } = read;
  const parsed = CasesFile.safeParse(value);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap((issue) => describeIssue(issue, value)).map((d) => placed(d, file, map)) };
  const reports = parsed.data.cases.map((c, i): CaseReport => {
    const problems = checkCase(questionnaire, c, ['cases', i]).map((f) => ({ ...placed(f, file, map), severity: f.severity }));
    const badAnswers = problems.some((p) => p.severity === 'error' && p.path.startsWith(formatPath(['cases', i, 'answers'])));
    // The engine's "bad answer" lines say what the placed problems say, without the place.
    const result: CaseResult = badAnswers ? { name: c.name, passed: false, failures: [], got: { guidance: [] } } : runCase(questionnaire, c);
    const passed = result.passed && !problems.some((p) => p.severity === 'error');
    return { ...result, passed, problems, at: place(['cases', i, 'expect'], file, map, true) };
  });
  return { ok: true, file: parsed.data, reports };
}

export type AnswersCheck =
  | { ok: true; answers: Answers; problems: CaseProblem[] }
  /** The file is not JSON: nothing was checked. */
  | { ok: false; problems: Problem[] };

const ANSWERS_SHAPE = 'an answers file is an object keyed by question id, e.g. {"joint_pain": "yes"}';

/** An answers file (`symptom-check evaluate`), checked as a case's answers are, each problem placed in it. */
export function checkAnswersText(questionnaire: Questionnaire, text: string, file: string): AnswersCheck {
  const read = readJsonFile(text, file, ANSWERS_SHAPE);
  if (!read.ok) return read;
  const { value, map } = read;
  const findings: Finding[] =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? checkAnswers(questionnaire, value as Record<string, unknown>, [], 'in this file')
      : [{ path: [], severity: 'error', message: `expected an object, got ${describeType(value)}`, hint: ANSWERS_SHAPE }];
  return { ok: true, answers: value as Answers, problems: findings.map((f) => ({ ...placed(f, file, map), severity: f.severity })) };
}

/** A finding as a problem at its line and column in the file. */
function placed({ path, key, message, hint }: Described, file: string, map: SourceMap): Problem {
  return { ...place(path, file, map, key), message, ...(hint ? { hint } : {}) };
}

/** A path's line and column in the file; `key`: at the property's name rather than its value. */
function place(path: JsonPath, file: string, map: SourceMap, key?: boolean): Place {
  return { file, ...map.positionOfPath(path, { key }), path: formatPath(path) };
}

interface Finding {
  path: JsonPath;
  /** Point at the property name rather than its value. */
  key?: boolean;
  message: string;
  hint?: string;
  severity: Severity;
}

/** What is wrong with one case for this questionnaire, beyond what the engine makes of it. */
export function checkCase(questionnaire: Questionnaire, c: Case, path: JsonPath): Finding[] {
  const findings = checkAnswers(questionnaire, c.answers, [...path, 'answers'], 'of this case');
  const guidanceIds = questionnaire.guidance.map((g) => g.id);
  c.expect.guidance.forEach((id, j) => {
    if (guidanceIds.includes(id)) return;
    findings.push({
      path: [...path, 'expect', 'guidance', j],
      severity: 'error',
      message: `the rules have no guidance "${id}", so no answers can give it`,
      hint: didYouMean(id, guidanceIds) ?? `the guidance ids are ${listed(guidanceIds)}`,
    });
  });
  return findings;
}

/**
 * Answers checked against the questionnaire, each finding under `path`: a question the rules do
 * not have (at its key) or a value its question cannot take (at the value) is an error; an
 * answer to a follow-up that these answers do not ask is a warning, since the engine ignores it.
 * `whose` ends that warning: "of this case", "in this file".
 */
export function checkAnswers(questionnaire: Questionnaire, answers: Record<string, unknown>, path: JsonPath, whose: string): Finding[] {
  const model = modelOf(questionnaire);
  const findings: Finding[] = [];
  let answersOk = true;
  for (const [id, value] of Object.entries(answers)) {
    const compiled = model.questionById.get(id);
    if (!compiled) {
      answersOk = false;
      findings.push({
        path: [...path, id],
        key: true,
        severity: 'error',
        message: `the rules have no question "${id}"`,
        hint: didYouMean(id, model.questionById.keys()) ?? `answers are keyed by question id: ${listed([...model.questionById.keys()])}`,
      });
      continue;
    }
    const problem = valueProblem(compiled.question, value);
    if (problem) {
      answersOk = false;
      findings.push({ path: [...path, id], severity: 'error', message: `"${id}" cannot take this answer: ${problem}` });
    }
  }

  if (answersOk) {
    const inEffect = answersInEffect(questionnaire, answers as Answers);
    for (const id of Object.keys(answers)) {
      const compiled = model.questionById.get(id)!;
      if (inEffect.values[compiled.index] !== undefined || !compiled.question.showIf) continue;
      const here = [...new Set(answersRead(compiled.question.showIf))].map((q) => {
        if (!Object.hasOwn(answers, q)) return `"${q}" is not answered`;
        const asked = inEffect.values[model.questionById.get(q)!.index] !== undefined;
        return `"${q}" is ${JSON.stringify(answers[q])}${asked ? '' : ' (but not asked)'}`;
      });
      findings.push({
        path: [...path, id],
        key: true,
        severity: 'warning',
        message: `this answer is ignored: "${id}" is a follow-up that is not asked with the other answers ${whose}`,
        hint: `it is asked only when ${JSON.stringify(compiled.question.showIf)}${here.length ? `; here ${here.join(', ')}` : ''}. Remove this answer, or change the one it follows up`,
      });
    }
  }
  return findings;
}

function listed(ids: string[]): string {
  return ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, …` : ids.join(', ');
}

function answersRead(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(answersRead);
  if ('any' in condition) return condition.any.flatMap(answersRead);
  if ('not' in condition) return answersRead(condition.not);
  return 'answer' in condition ? [condition.answer] : [];
}

/** `file:line:col  warning  path  message  (hint)`: the loader's line with the severity added, as lint prints it. */
export function formatCaseProblem(p: CaseProblem): string {
  const line = formatProblem(p);
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}  ${p.severity}  ${line.slice(where.length + 2)}`;
}

/**
 * The report `symptom-check test` prints and the playground shows: each failing case (`FAIL`)
 * or case with warnings (`WARN`) with its problems and failures indented under it, each at its
 * file:line:col (a failure at the case's `expect`), then "N passed, N failed" (and the
 * warnings, if any).
 */
export function formatCasesRun(reports: readonly CaseReport[]): { lines: string[]; summary: string } {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.passed && r.problems.length === 0) continue;
    lines.push(`${r.passed ? 'WARN' : 'FAIL'} ${r.name}`);
    r.problems.forEach((p) => lines.push(`  ${formatCaseProblem(p)}`));
    r.failures.forEach((f) => lines.push(`  ${formatCaseProblem({ ...r.at, message: f, severity: 'error' })}`));
  }
  return { lines, summary: casesSummary(reports) };
}

export function casesSummary(reports: readonly CaseReport[]): string {
  const failed = reports.filter((r) => !r.passed).length;
  const warnings = reports.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'warning').length, 0);
  return `${reports.length - failed} passed, ${failed} failed${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
}

interface Described {
  path: JsonPath;
  key?: boolean;
  message: string;
  hint?: string;
}

const KEYS = {
  file: ['$schema', 'rules', 'cases'],
  case: ['name', 'answers', 'expect'],
  expect: ['guidance', 'topLevel'],
};
const MISSING_HINTS: Record<string, string> = {
  cases: SHAPE,
  name: 'add "name": a few words on who this is, e.g. "young woman, rash and sore joints"',
  answers: 'add "answers": {"question_id": "answer", ...}',
  expect: 'add "expect": {"guidance": ["guidance_id", ...], "topLevel": "routine"}',
  guidance: 'add "guidance": the ids of exactly the guidance these answers must give ([] for none)',
};

/** Zod's issues in words for a rule author, each at the place to edit. */
function describeIssue(issue: z.core.$ZodIssue, root: unknown): Described[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const here = valueAt(root, path);
  const name = path.at(-1);
  // A property that is not there: Zod checks undefined against its type or its list of values.
  if (here === undefined && typeof name === 'string' && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const what = issue.code === 'invalid_value' ? `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` : issue.expected;
    return [{ path, message: `"${name}" is missing`, hint: MISSING_HINTS[name] ?? `add "${name}" (${what})` }];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = path.length === 0 ? KEYS.file : path.at(-1) === 'expect' ? KEYS.expect : KEYS.case;
      const where = path.length === 0 ? 'a cases file' : path.at(-1) === 'expect' ? '"expect"' : 'a case';
      return issue.keys.map((key) => ({
        path: [...path, key],
        key: true,
        message: `unknown property "${key}"`,
        hint: didYouMean(key, known) ?? `${where} has ${known.map((k) => `"${k}"`).join(', ')}`,
      }));
    }
    case 'invalid_type':
      if (path.length === 0) return [{ path, message: `expected an object, got ${describeType(here)}`, hint: SHAPE }];
      return [{ path, message: `expected ${issue.expected === 'array' ? 'a list' : issue.expected}, got ${describeType(here)}` }];
    case 'invalid_value':
      if (name === 'topLevel') return [{ path, message: `unknown level ${JSON.stringify(here)}`, hint: didYouMean(String(here), LEVELS) ?? `levels are: ${LEVELS.join(', ')}` }];
      return [{ path, message: plain(issue.message) }];
    case 'invalid_union':
      return [{ path, message: `an answer is text ("yes", an option id), a number, or a list of option ids; got ${describeType(here)}` }];
    case 'too_small':
      if (name === 'cases') return [{ path, message: 'there are no cases', hint: SHAPE }];
      if (name === 'name') return [{ path, message: 'the name is empty', hint: MISSING_HINTS.name }];
      return [{ path, message: plain(issue.message) }];
    default:
      return [{ path, message: plain(issue.message) }];
  }
}
