/**
 * `symptom-check lint`: the loader first (its problems are errors, and a file with errors is not
 * linted further), then the checks in checks.ts, each finding placed at its line and column.
 */
import { parseTree } from 'jsonc-parser';
import { loadQuestionnaire } from '../questionnaire/load';
import { SourceMap } from '../questionnaire/positions';
import { formatPath } from '../questionnaire/problem';
import type { Questionnaire } from '../questionnaire/schema';
import { CHECKS } from './checks';
import { parseLintConfig, type LintConfig, type LoadedConfig } from './config';
import { byPosition, type LintProblem } from './problem';

export interface LintInput {
  text: string;
  file: string;
  /** The lint config's text and name, when there is one. */
  config?: { text: string; file: string };
  /** Named in hints when there is no config yet, e.g. "rules/lupus.lint.json". */
  configFile?: string;
}

export interface LintResult {
  problems: LintProblem[];
  /** Present when the file loaded. */
  questionnaire?: Questionnaire;
}

export function lint(input: LintInput): LintResult {
  const loaded = loadQuestionnaire(input.text, input.file);
  if (!loaded.ok) return { problems: loaded.problems.map((p) => ({ ...p, severity: 'error', rule: 'invalid' })) };
  return { problems: lintLoaded(loaded.questionnaire, input), questionnaire: loaded.questionnaire };
}

/**
 * The checks alone, on a questionnaire the caller has already loaded from `input.text` (the
 * playground loads it once for the preview and the lint warnings).
 */
export function lintLoaded(questionnaire: Questionnaire, input: LintInput): LintProblem[] {
  const { text, file } = input;
  let config: LoadedConfig | undefined;
  if (input.config) {
    const result = parseLintConfig(input.config.text, input.config.file);
    if (!result.ok) return result.problems;
    config = result.loaded;
  }
  const configFile = input.config?.file ?? input.configFile ?? 'the lint config';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const map = new SourceMap(body, parseTree(body));
  const empty: LintConfig = {};
  const problems: LintProblem[] = [];
  for (const check of CHECKS) {
    for (const f of check.run(questionnaire, { config: config?.config ?? empty, configFile })) {
      const position = f.inConfig ? config?.at(f.path, f.key) : map.positionOfPath(f.path, { key: f.key });
      problems.push({
        file: f.inConfig && config ? config.file : file,
        ...(position ?? {}),
        path: formatPath(f.path),
        message: f.message,
        ...(f.hint ? { hint: f.hint } : {}),
        severity: f.severity,
        rule: f.rule,
      });
    }
  }
  return problems.sort(byPosition);
}
