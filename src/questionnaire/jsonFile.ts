/**
 * A JSON file's text, read the one way for the questionnaire (load.ts) and the files beside it
 * (rule test cases, the lint config, an `evaluate` answers file): a file too large, empty, not
 * UTF-8, nested too deep or not JSON, or with a property given twice in one object, gets
 * problems with line, column and the likely fix; otherwise its value, with a SourceMap that
 * places every later problem by its JSON path.
 */
import { getNodePath, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { SourceMap } from './positions';
import { formatPath, type JsonPath, type Problem } from './problem';

/** Far above any real questionnaire (the lupus file is ~60 KB), low enough to stay fast. */
export const MAX_FILE_BYTES = 2_000_000;
const MAX_DEPTH = 64;
/** Syntax errors listed at most: past the first few, they are mostly echoes of those. */
const MAX_SYNTAX_ERRORS = 20;

export type JsonFileResult = { ok: true; value: unknown; map: SourceMap } | { ok: false; problems: Problem[] };

/**
 * `shape` says what the file should hold, for the hint on an empty file, e.g.
 * `a cases file is {"cases": [...]}`; `what` names it in the size limit ("a questionnaire").
 */
export function readJsonFile(text: string, file: string, shape: string, what = 'a file'): JsonFileResult {
  const fail = (message: string, hint?: string, at?: { line: number; column: number }): JsonFileResult => ({
    ok: false,
    problems: [{ file, ...at, path: '$', message, ...(hint ? { hint } : {}) }],
  });
  const bytes = fileBytes(text);
  if (bytes > MAX_FILE_BYTES) {
    return fail(`the file is too large (${(bytes / 1e6).toFixed(1)} MB); ${what} may be at most ${MAX_FILE_BYTES / 1e6} MB`, 'is this the right file?');
  }
  const trouble = encodingTrouble(text);
  if (trouble === 'utf-16') {
    return fail('the file is not saved as UTF-8 text: it looks like UTF-16', 'save it again as UTF-8: in VS Code, click the encoding in the status bar, then "Save with Encoding" and "UTF-8"', { line: 1, column: 1 });
  }
  if (trouble === 'binary') {
    return fail('the file is not a text file: it holds bytes that JSON text never has', 'is this the right file? (a .json file saved as plain UTF-8 text)', { line: 1, column: 1 });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('the file is empty', shape);

  const deep = tooDeep(body);
  if (deep !== undefined) {
    return fail(`nesting is deeper than ${MAX_DEPTH} levels`, 'conditions that deep are a mistake: simplify them', new SourceMap(body, undefined).positionOfOffset(deep));
  }
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const map = new SourceMap(body, root);
  if (errors.length > 0 || !root) {
    // One mistake often trips the parser twice at the same place ("PropertyNameExpected" then
    // "ValueExpected" for a comma too many): the first says it best.
    const firsts = errors.filter((e, i) => errors.findIndex((f) => f.offset === e.offset) === i);
    return { ok: false, problems: firsts.slice(0, MAX_SYNTAX_ERRORS).map((e) => ({ file, ...map.positionOfOffset(e.offset), path: '$', ...syntaxMessage(e, body) })) };
  }
  // JSON.parse keeps the last of two equal keys, silently, and positions would point at the
  // first: a case with "expect" twice, or an answer given twice, would test the copy its author
  // did not read.
  const duplicates = duplicateKeyProblems(root, map, file);
  if (duplicates.length > 0) return { ok: false, problems: duplicates };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return fail(`not valid JSON: ${(error as Error).message}`);
  }
  return { ok: true, value, map };
}

/**
 * A file that is not UTF-8 text, read as UTF-8 (as the command line and a browser's fetch read
 * it). UTF-16: its byte order mark (FF FE or FE FF) turns into two U+FFFD, and every ASCII
 * character comes with a NUL byte, all at odd places (little-endian) or all at even ones
 * (big-endian). NUL bytes anywhere else: not text at all (a zip, an image). JSON text never
 * holds a NUL byte.
 */
function encodingTrouble(text: string): 'utf-16' | 'binary' | undefined {
  const bom = text.startsWith('\ufffd\ufffd');
  const head = text.slice(bom ? 2 : 0, 66);
  const parities = new Set<number>();
  let nuls = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === '\u0000') nuls++, parities.add(i % 2);
  if (nuls === 0) return bom ? 'utf-16' : undefined;
  // With the mark, NULs on one side are enough (Hindi in UTF-16 has none of its own); without
  // it, they must also be many, as ASCII's are.
  return parities.size === 1 && (bom || nuls * 4 >= head.length) ? 'utf-16' : 'binary';
}

/**
 * A property given twice in one object, reported at the second copy (at most 20): JSON.parse
 * silently keeps the last.
 */
function duplicateKeyProblems(root: Node, map: SourceMap, file: string): Problem[] {
  return duplicateKeys(root)
    .slice(0, 20)
    .map(({ path, key, offset, first }) => ({
      file,
      ...map.positionOfOffset(offset),
      path: formatPath(path),
      message: `"${key}" is given twice in the same object (first on line ${map.positionOfOffset(first).line})`,
      hint: 'remove one of the two: only the last one would count',
    }));
}

/** Every property whose name an earlier property of the same object already has, at its name. */
function duplicateKeys(root: Node): { path: JsonPath; key: string; offset: number; first: number }[] {
  const found: { path: JsonPath; key: string; offset: number; first: number }[] = [];
  // No recursion: nesting is at most MAX_DEPTH here, but a stack costs nothing. Paths are worked
  // out only for what is found: a list of a million entries needs no million paths.
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Map<string, number>();
      for (const property of node.children ?? []) {
        const [name, child] = property.children ?? [];
        if (!name || typeof name.value !== 'string') continue;
        const key = name.value;
        const first = seen.get(key);
        if (first !== undefined) found.push({ path: [...getNodePath(node), key], key, offset: name.offset, first });
        else seen.set(key, name.offset);
        if (child) stack.push(child);
      }
    } else if (node.type === 'array') {
      for (const child of node.children ?? []) stack.push(child);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
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

/** The offset of the first bracket that opens past MAX_DEPTH, found without recursion (the parser would overflow its stack). */
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

/**
 * The size of a file's text, to hold against MAX_FILE_BYTES: counted in UTF-8 bytes, as on disk
 * and as a server's content-length (Devanagari takes 3 a letter), so that a file is too large
 * for the widget and for the command line alike. Short texts cannot be too large: not counted.
 */
function fileBytes(text: string): number {
  return text.length > MAX_FILE_BYTES / 3 ? utf8Bytes(text) : text.length;
}

/** The length of `text` in UTF-8, without making a copy of it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair (4 bytes) is two code units of 2 bytes each here.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return bytes;
}
