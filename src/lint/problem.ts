/**
 * A lint problem is a loader Problem with a severity and the name of the check that found it.
 * Loader problems (the file is invalid) are errors; everything lint adds is a warning.
 */
import { formatProblem, type JsonPath, type Problem } from '../questionnaire/problem';

export type Severity = 'error' | 'warning';

export interface LintProblem extends Problem {
  severity: Severity;
  /** The check that found it, e.g. "reading-grade"; "invalid" for the loader's own problems. */
  rule: string;
}

/** What a check reports before it is placed in a file. */
export interface Finding {
  rule: string;
  severity: Severity;
  path: JsonPath;
  message: string;
  hint?: string;
  /** Point at the property name rather than its value. */
  key?: boolean;
  /** Found in the lint config file rather than the questionnaire. */
  inConfig?: boolean;
}

/** `file:line:col  warning  path  message  (hint)  [rule]`: the loader's line with severity and rule added. */
export function formatLintProblem(p: LintProblem): string {
  const plain = formatProblem(p);
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}  ${p.severity}  ${plain.slice(where.length + 2)}  [${p.rule}]`;
}

/** `3 problems (1 error, 2 warnings)` */
export function lintSummary(problems: readonly LintProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(problems.length, 'problem')} (${n(errors, 'error')}, ${n(warnings, 'warning')})`;
}

export function byPosition(a: LintProblem, b: LintProblem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.path.localeCompare(b.path);
}
