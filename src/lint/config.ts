/**
 * The lint config: data beside the questionnaire, `<rules>.lint.json` (like `<rules>.cases.json`).
 * It holds the decisions a clinician made on purpose, so lint does not flag them again:
 *
 *   {
 *     "rules": "./lupus.json",
 *     "summaryOnly": { "age": "printed on the summary for the doctor" }
 *   }
 *
 * `summaryOnly`: questions that no rule reads, kept only for the summary the patient takes to
 * the doctor, each with the reason.
 */
import { z } from 'zod';
import { readJsonFile } from '../questionnaire/jsonFile';
import { didYouMean, formatPath, type JsonPath, type Problem } from '../questionnaire/problem';
import { Id } from '../questionnaire/schema';
import type { LintProblem } from './problem';

export const LintConfig = z.strictObject({
  $schema: z.string().optional(),
  rules: z.string().optional().meta({ description: 'The questionnaire this config is for, relative to this file.' }),
  summaryOnly: z
    .record(Id, z.string().min(1, 'say why the question is kept'))
    .optional()
    .meta({ description: 'Questions no rule reads, kept for the summary only: question id → why.' }),
});
export type LintConfig = z.infer<typeof LintConfig>;

export interface LoadedConfig {
  file: string;
  config: LintConfig;
  /** Where a path is in the config file. */
  at(path: JsonPath, key?: boolean): { line?: number; column?: number };
}

export type ConfigResult = { ok: true; loaded: LoadedConfig } | { ok: false; problems: LintProblem[] };

export function parseLintConfig(text: string, file: string): ConfigResult {
  const problem = (p: Problem): LintProblem => ({ ...p, severity: 'error', rule: 'config' });
  // Syntax errors as the loader reports them: line, column and the likely fix.
  const read = readJsonFile(text, file, 'a lint config is {"summaryOnly": {"question_id": "why it is kept"}}');
  if (!read.ok) return { ok: false, problems: read.problems.map(problem) };
  const { value, map } = read;
  const parsed = LintConfig.safeParse(value);
  const at = (path: JsonPath, key = false) => map.positionOfPath(path, { key }) ?? {};
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.flatMap((issue) => {
        const path = issue.path as JsonPath;
        if (issue.code !== 'unrecognized_keys') return [problem({ file, ...at(path), path: formatPath(path), message: issue.message })];
        return issue.keys.map((key) =>
          problem({
            file,
            ...at([...path, key], true),
            path: formatPath([...path, key]),
            message: `unknown property "${key}" (a lint config has "rules" and "summaryOnly")`,
            hint: didYouMean(key, CONFIG_KEYS) ?? 'remove it',
          }),
        );
      }),
    };
  }
  return { ok: true, loaded: { file, config: parsed.data, at } };
}

const CONFIG_KEYS = ['$schema', 'rules', 'summaryOnly'];

/** `rules/lupus.json` → `rules/lupus.lint.json` */
export function defaultConfigPath(rulesFile: string): string {
  return rulesFile.replace(/\.json$/, '') + '.lint.json';
}
