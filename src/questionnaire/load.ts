/**
 * Text in, a typed questionnaire or a list of problems out. Every problem names the file,
 * line, column and JSON path, with a hint where one exists. Hostile input gives problems,
 * never an exception or a hang.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { crossCheck } from './crossCheck';
import { SourceMap } from './positions';
import { didYouMean, formatPath, type JsonPath, type Problem } from './problem';
import { LEVELS, Questionnaire } from './schema';

export type LoadResult = { ok: true; questionnaire: Questionnaire } | { ok: false; problems: Problem[] };

/** Far above any real questionnaire (the lupus file is ~60 KB), low enough to stay fast. */
export const MAX_FILE_BYTES = 2_000_000;
const MAX_DEPTH = 64;

export function loadQuestionnaire(text: string, file = 'questionnaire.json'): LoadResult {
  const problem = (message: string, hint?: string, offset?: number, map?: SourceMap): LoadResult => ({
    ok: false,
    problems: [{ file, ...(offset !== undefined && map ? map.positionOfOffset(offset) : {}), path: '$', message, ...(hint ? { hint } : {}) }],
  });
  if (typeof text !== 'string') return problem('expected the text of a JSON file');
  if (text.length > MAX_FILE_BYTES) {
    return problem(`the file is too large (${(text.length / 1e6).toFixed(1)} MB); a questionnaire may be at most ${MAX_FILE_BYTES / 1e6} MB`, 'is this the right file?');
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return problem('the file is empty', 'a questionnaire is a JSON object: start from rules/lupus.json');

  const deep = tooDeep(body);
  if (deep !== undefined) return problem(`nesting is deeper than ${MAX_DEPTH} levels`, 'conditions that deep are a mistake: simplify them', deep, new SourceMap(body, undefined));

  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const map = new SourceMap(body, root);
  if (errors.length > 0 || !root) {
    return {
      ok: false,
      problems: errors.slice(0, 20).map((e) => ({ file, ...map.positionOfOffset(e.offset), path: '$', ...syntaxMessage(e, body) })),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return problem(`not valid JSON: ${(error as Error).message}`);
  }
  return validate(value, file, map, root);
}

/** For a questionnaire given as an object (the element's `rules` property): no positions. */
export function checkQuestionnaire(value: unknown, file = 'rules'): LoadResult {
  return validate(value, file, undefined, undefined);
}

function validate(value: unknown, file: string, map: SourceMap | undefined, root: Node | undefined): LoadResult {
  const at = (path: JsonPath, key = false) => (map && root ? map.positionOfPath(path, { key }) : undefined) ?? {};
  const parsed = Questionnaire.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => describeIssue(issue, value)).map(({ path, message, hint, key }) => ({
      file,
      ...at(path, key),
      path: formatPath(path),
      message,
      ...(hint ? { hint } : {}),
    }));
    return { ok: false, problems: dedupe(problems) };
  }
  const findings = crossCheck(parsed.data);
  if (findings.length > 0) {
    return {
      ok: false,
      problems: findings.map((f) => ({ file, ...at(f.path, f.key), path: formatPath(f.path), message: f.message, ...(f.hint ? { hint: f.hint } : {}) })),
    };
  }
  return { ok: true, questionnaire: parsed.data };
}

interface Described {
  path: JsonPath;
  message: string;
  hint?: string;
  /** Point at the property name rather than its value. */
  key?: boolean;
}

const QUESTION_TYPES = ['yesno', 'single', 'multi', 'scale', 'number'];
const KNOWN_KEYS = [
  '$schema', 'id', 'version', 'title', 'intro', 'languages', 'emergencyNumber', 'sources', 'sections', 'scores', 'guidance',
  'questions', 'type', 'text', 'summary', 'help', 'showIf', 'source', 'options', 'exclusive', 'min', 'max', 'minLabel', 'maxLabel',
  'integer', 'unit', 'items', 'when', 'weight', 'level', 'publisher', 'url', 'note', 'all', 'any', 'not', 'answer', 'score',
  'equals', 'oneOf', 'includes', 'atLeast', 'atMost', 'answered',
];
const CONDITION_KEYS = ['all', 'any', 'not', 'answer', 'score'];

function describeIssue(issue: z.core.$ZodIssue, root: unknown): Described[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const here = valueAt(root, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        key: true,
        message: `unknown property "${key}"`,
        hint: KNOWN_KEYS.includes(key)
          ? `"${key}" does not belong here: check rules/schema.json for where it goes`
          : (didYouMean(key, KNOWN_KEYS) ?? 'remove it, or check the spelling against rules/schema.json'),
      }));
    case 'invalid_union':
      return describeUnion(issue, path, here, root);
    case 'invalid_value':
      if (path.at(-1) === 'level') return [{ path, message: `unknown level ${JSON.stringify(here)}`, hint: didYouMean(asText(here), LEVELS) ?? `levels are: ${LEVELS.join(', ')}` }];
      return [{ path, message: plain(issue.message) }];
    case 'invalid_type':
      if (here === undefined) {
        const name = path.at(-1);
        return [{ path, message: `"${String(name)}" is missing`, hint: `add "${String(name)}" (${issue.expected})` }];
      }
      return [{ path, message: `expected ${issue.expected}, got ${describeType(here)}` }];
    default:
      return [{ path, message: plain(issue.message) }];
  }
}

/** A value as text for "did you mean": never String() on an object, whose own toString may be anything. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Union failures are reported for the branch the author evidently meant, not as "Invalid input". */
function describeUnion(issue: z.core.$ZodIssueInvalidUnion, path: JsonPath, here: unknown, root: unknown): Described[] {
  const isObject = typeof here === 'object' && here !== null && !Array.isArray(here);
  if (path.at(-1) === 'type' && path.includes('questions')) {
    return [{ path, message: `unknown question type ${JSON.stringify(here)}`, hint: didYouMean(asText(here), QUESTION_TYPES) ?? `types are: ${QUESTION_TYPES.join(', ')}` }];
  }
  if (!isObject) return [{ path, message: `expected a condition object, got ${describeType(here)}`, hint: 'e.g. {"answer": "joint_pain", "equals": "yes"}' }];
  const keys = Object.keys(here);
  if (!keys.some((k) => CONDITION_KEYS.includes(k))) {
    const guess = keys.map((k) => didYouMean(k, CONDITION_KEYS)).find(Boolean);
    return [{ path, message: 'a condition needs one of "all", "any", "not", "answer" or "score"', hint: guess ?? 'e.g. {"answer": "joint_pain", "equals": "yes"}' }];
  }
  // The branch with the fewest complaints is the one that was meant.
  const branches = issue.errors.filter((errors) => errors.length > 0);
  branches.sort((a, b) => a.length - b.length);
  const best = branches[0];
  if (!best) return [{ path, message: plain(issue.message) }];
  if ('answer' in here && keys.length === 1) {
    return [{ path, message: 'a test on an answer needs a comparison', hint: 'add one of "equals", "oneOf", "includes", "atLeast", "atMost", "answered"' }];
  }
  return best.flatMap((inner) => describeIssue({ ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue, root));
}

function syntaxMessage(error: ParseError, text: string): { message: string; hint?: string } {
  const code = printParseErrorCode(error.error);
  const found = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20)));
  const hints: Record<string, string> = {
    CommaExpected: 'a comma is missing between two items',
    PropertyNameExpected: 'property names are in double quotes; is there a comma too many?',
    ValueExpected: 'a value is missing; is there a comma too many?',
    CloseBraceExpected: 'a } is missing',
    CloseBracketExpected: 'a ] is missing',
    InvalidSymbol: 'JSON needs double quotes and no comments',
    UnexpectedEndOfString: 'a string is not closed with "',
    InvalidCommentToken: 'JSON does not allow comments',
    EndOfFileExpected: 'there is more after the end of the JSON value',
  };
  return { message: `JSON syntax error: ${code}${found.trim() ? ` at ${JSON.stringify(found)}` : ''}`, ...(hints[code] ? { hint: hints[code] } : {}) };
}

/** The offset of the first bracket that opens past MAX_DEPTH, found without recursion. */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 30 ? `${value.slice(0, 27)}...` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function plain(message: string): string {
  return message.replace(/^Invalid input: /, '').replace(/^Invalid /, 'invalid ');
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
