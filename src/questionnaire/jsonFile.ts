/**
 * The JSON files that sit beside a questionnaire (rule test cases, the lint config), read as the
 * loader reads a questionnaire: a syntax error, or a property given twice in one object, gets
 * the loader's own report (line, column, message and the likely fix), and a SourceMap places
 * every later problem by its JSON path.
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { duplicateKeyProblems, fileBytes, loadQuestionnaire, MAX_FILE_BYTES } from './load';
import { SourceMap } from './positions';
import type { Problem } from './problem';

export type JsonFileResult = { ok: true; value: unknown; map: SourceMap } | { ok: false; problems: Problem[] };

/** `shape` says what the file should hold, for the hint on an empty file, e.g. `a cases file is {"cases": [...]}`. */
export function readJsonFile(text: string, file: string, shape: string): JsonFileResult {
  const fail = (message: string, hint?: string): JsonFileResult => ({ ok: false, problems: [{ file, path: '$', message, ...(hint ? { hint } : {}) }] });
  const bytes = fileBytes(text);
  if (bytes > MAX_FILE_BYTES) return fail(`the file is too large (${(bytes / 1e6).toFixed(1)} MB)`, 'is this the right file?');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('the file is empty', shape);
  const errors: ParseError[] = [];
  let root: Node | undefined;
  let overflow = false;
  try {
    root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // Nesting deep enough to overflow the parser's stack: the loader says so, at the bracket.
    overflow = true;
  }
  if (overflow || errors.length > 0 || !root) {
    // The loader stops at syntax (or nesting) before it looks at what the file holds, so its
    // problems here are about the JSON text alone, worded and placed as for a questionnaire.
    // One mistake often trips the parser twice at the same place ("PropertyNameExpected" then
    // "ValueExpected" for a comma too many): the first says it best.
    const loaded = loadQuestionnaire(body, file);
    if (!loaded.ok) return { ok: false, problems: loaded.problems.filter((p, i, all) => all.findIndex((q) => q.line === p.line && q.column === p.column) === i) };
  }
  const map = new SourceMap(body, root);
  // JSON.parse keeps the last of two equal keys, silently: a case with "expect" twice, or an
  // answer given twice, would test the copy its author did not read.
  if (root) {
    const duplicates = duplicateKeyProblems(root, map, file);
    if (duplicates.length > 0) return { ok: false, problems: duplicates };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return fail(`not valid JSON: ${(error as Error).message}`);
  }
  return { ok: true, value, map };
}
