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
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { SourceMap } from '../questionnaire/positions';
import { formatPath, type JsonPath } from '../questionnaire/problem';
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
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  const map = new SourceMap(body, root);
  const problem = (path: JsonPath, message: string, position: { line?: number; column?: number }): LintProblem => ({
    file,
    ...position,
    path: formatPath(path),
    message,
    severity: 'error',
    rule: 'config',
  });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    return { ok: false, problems: [problem([], `JSON syntax error: ${first ? printParseErrorCode(first.error) : 'empty file'}`, first ? map.positionOfOffset(first.offset) : {})] };
  }
  const parsed = LintConfig.safeParse(JSON.parse(body));
  const at = (path: JsonPath, key = false) => map.positionOfPath(path, { key }) ?? {};
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path as JsonPath;
        const unknown = issue.code === 'unrecognized_keys';
        const keyPath = unknown ? [...path, issue.keys[0]!] : path;
        return problem(keyPath, unknown ? `unknown property "${issue.keys[0]}" (a lint config has "rules" and "summaryOnly")` : issue.message, at(keyPath, unknown));
      }),
    };
  }
  return { ok: true, loaded: { file, config: parsed.data, at } };
}

/** `rules/lupus.json` → `rules/lupus.lint.json` */
export function defaultConfigPath(rulesFile: string): string {
  return rulesFile.replace(/\.json$/, '') + '.lint.json';
}
