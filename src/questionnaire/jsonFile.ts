/**
 * A JSON file's text, read the one way for the questionnaire (load.ts) and the files beside it
 * (rule test cases, the lint config, an `evaluate` answers file): a file too large, empty, not
 * UTF-8, nested too deep or not JSON, with a property given twice in one object or a number
 * too large, gets problems with line, column and the likely fix; otherwise its value, with a
 * SourceMap that places every later problem by its JSON path.
 */
import { getNodePath, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { SourceMap } from './positions';
import { formatPath, type JsonPath, type Problem } from './problem';

/** Far above any real questionnaire (the lupus file is ~60 KB), low enough to stay fast. */
export const MAX_FILE_BYTES = 2_000_000;
const MAX_DEPTH = 64;
/** Syntax errors listed at most, each a mistake of its own (the echoes of one are left out). */
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
  // Bytes that are not UTF-8 (Latin-1's "ô" in "symptôme") were read as U+FFFD, which patients
  // would see as "�". Both readers hand over text only (readFileSync 'utf8', a browser's fetch),
  // so this is the one sign left; the same character typed on purpose is written \ufffd.
  const unreadable = body.indexOf('\ufffd');
  if (unreadable >= 0) {
    return fail(
      'a character here is "\ufffd", the mark of text that was not saved or read as UTF-8 (patients would see it)',
      'if the file was saved in another encoding, save it again as UTF-8: in VS Code, click the encoding in the status bar, then "Reopen with Encoding" and the one it was saved in (e.g. "Western (Windows 1252)"), then "Save with Encoding" and "UTF-8"; if you meant the character, write \\ufffd',
      new SourceMap(body, undefined).positionOfOffset(unreadable),
    );
  }
  if (body.trim() === '') return fail('the file is empty', shape);

  const deep = tooDeep(body);
  if (deep !== undefined) {
    return fail(`nesting is deeper than ${MAX_DEPTH} levels`, 'conditions that deep are a mistake: simplify them', new SourceMap(body, undefined).positionOfOffset(deep));
  }
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const map = new SourceMap(body, root);
  if (errors.length > 0 || !root) return { ok: false, problems: syntaxProblems(errors, body, map, file) };
  // JSON.parse keeps the last of two equal keys, silently, and positions would point at the
  // first: a case with "expect" twice, or an answer given twice, would test the copy its author
  // did not read.
  const duplicates = duplicateKeyProblems(root, map, file);
  if (duplicates.length > 0) return { ok: false, problems: duplicates };
  const numbers = unreadableNumberProblems(root, body, map, file);
  if (numbers.length > 0) return { ok: false, problems: numbers };
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

/**
 * Numbers JavaScript cannot hold, at most 20. One too large (1e400): JSON.parse makes it
 * Infinity, which later checks would show as "null" and the widget would compare as larger than
 * anything. One too small to tell from 0 (1e-400, not 0e5): JSON.parse makes it 0, silently, so a
 * rule "more than 1e-400" would apply to 0.
 */
function unreadableNumberProblems(root: Node, text: string, map: SourceMap, file: string): Problem[] {
  const found: Problem[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0 && found.length < 20) {
    const node = stack.pop()!;
    // Only 0 and Infinity can be such a number: the rest of a file's numbers cost no more.
    if (node.type === 'number' && (node.value === 0 || !Number.isFinite(node.value))) {
      const written = text.slice(node.offset, node.offset + node.length);
      const where = () => ({ file, ...map.positionOfOffset(node.offset), path: formatPath(getNodePath(node)) });
      if (!Number.isFinite(node.value)) {
        found.push({ ...where(), message: `${written} is too large a number`, hint: 'write a smaller number: the largest a number can be is about 1.8e308' });
      } else if (/[1-9]/.test(written.split(/e/i)[0]!)) {
        // Written with a digit other than 0 before its exponent: meant as something else than 0.
        found.push({ ...where(), message: `${written} is too small a number: it would be read as 0`, hint: 'write 0, or a number no closer to 0 than about 5e-324' });
      }
    }
    // Pushed last to first, so that the numbers come out in file order.
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
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

/**
 * The syntax errors worth reading. The parser trips again after most mistakes (an unquoted
 * name gives three errors on its line, the later two with wrong guesses), so after each error
 * listed, those on the same line or right after it are left out; after a mistake that leaves
 * the parser lost (a text or a bracket not closed), all the rest are.
 */
function syntaxProblems(errors: ParseError[], text: string, map: SourceMap, file: string): Problem[] {
  if (errors.length === 0) return [{ file, path: '$', message: 'JSON syntax error: the file cannot be read as JSON' }];
  const problems: Problem[] = [];
  let last: { line: number; end: number } | undefined;
  for (const error of errors) {
    const line = map.positionOfOffset(error.offset).line;
    const echo = last !== undefined && (line === last.line || error.offset <= last.end || text.slice(last.end, error.offset).trim() === '');
    last = { line, end: Math.max(last?.end ?? 0, error.offset + error.length) };
    if (echo) continue;
    if (problems.length === MAX_SYNTAX_ERRORS) break;
    const { at, message, hint, recovers } = describeSyntaxError(error, text, map);
    problems.push({ file, ...map.positionOfOffset(at ?? error.offset), path: '$', message: `JSON syntax error: ${message}`, ...(hint ? { hint } : {}) });
    if (!recovers) break;
  }
  return problems;
}

interface SyntaxMessage {
  message: string;
  hint?: string;
  /** Where to point when it is not where the parser stopped, e.g. just after the value a comma should follow. */
  at?: number;
  /** The parser reads on correctly after this mistake, so later errors are mistakes of their own. */
  recovers: boolean;
}

const BETWEEN_TOKENS = /[\s{}[\],:"]/;

/** A parser error in plain words, with the likely fix. */
function describeSyntaxError(error: ParseError, text: string, map: SourceMap): SyntaxMessage {
  const code = printParseErrorCode(error.error);
  const token = text.slice(error.offset, error.offset + Math.max(1, error.length));
  // The last character before the error that is not white space: the end of the previous item.
  let before = error.offset - 1;
  while (before >= 0 && /\s/.test(text[before]!)) before--;
  const previous = before >= 0 ? text[before] : '';
  const closing = token === '}' || token === ']';
  if (code === 'InvalidSymbol' || code === 'CommaExpected' || code === 'ColonExpected') {
    const quoted = strayQuote(text, error.offset);
    // The rest of the text is read as JSON from there on ("//" in a web address starts a
    // comment): what the parser says next is its echo.
    if (quoted) return { message: `a double quote (") inside a text ends it early, before ${quoted}`, hint: 'inside a text, write each double quote as \\" (e.g. "say \\"yes\\"")', recovers: false };
  }
  switch (code) {
    case 'CommaExpected': {
      if (closing) {
        const other = token === '}' ? ']' : '}';
        return { message: `a "${token}" where ${token === '}' ? 'a list' : 'an object'} needs "," or "${other}"`, hint: `is there a "${token}" too many, or a "${other}" missing before it?`, recovers: false };
      }
      if (token === ':' && openBracket(text, error.offset) === '[') return propertyInList(text, before);
      // "a": "b": "c": a comma before ":" would not mend it. Either a comma is missing before a
      // new property's name, or a name was given a second value.
      if (token === ':') {
        return {
          message: 'a ":" after a value: a property is one name, ":" and one value',
          hint: 'if the text before ":" is a new property\'s name, put a comma before that name ("a": 1, "b": 2); if not, remove the ":" and what follows it',
          recovers: true,
        };
      }
      if (before + 1 === error.offset && /[0-9]/.test(previous ?? '') && /^[0-9]/.test(token)) {
        return { at: before, message: 'a number starts with 0', hint: `write it without the leading 0, or in double quotes if it is a code such as a phone number: "0${token}"`, recovers: true };
      }
      const line = map.positionOfOffset(error.offset).line;
      const sameLine = map.positionOfOffset(before + 1).line === line;
      return {
        at: before + 1,
        message: sameLine ? `a comma is missing before ${shown(token)}` : `a comma is missing at the end of this line, before ${shown(token)} on line ${line}`,
        hint: 'add "," here: the items of an object or a list are separated by commas',
        recovers: true,
      };
    }
    case 'PropertyNameExpected':
    case 'ValueExpected':
      if (token === ':' && previous !== ':' && openBracket(text, error.offset) === '[') return propertyInList(text, before);
      if (previous === ',' && closing) {
        return { at: before, message: `a comma too many before "${token}"`, hint: 'remove this comma: JSON has no comma after the last item', recovers: true };
      }
      if (previous === ',' && token === ',') return { message: 'two commas in a row', hint: 'remove one of them', recovers: true };
      if (code === 'ValueExpected' && previous === ':') {
        return { message: 'a value is missing after the colon', hint: 'write a value, e.g. a text in double quotes ("...") or a number', recovers: token === ',' || closing };
      }
      if (code === 'PropertyNameExpected') {
        return token === '{' || token === '['
          ? { message: `a property name was expected, not "${token}"`, hint: 'is a "}" missing before it?', recovers: false }
          : { message: `a property name in double quotes was expected, not ${shown(token)}`, hint: 'a property is written "name": value', recovers: false };
      }
      return { message: `a value was expected, not ${shown(token)}`, hint: 'a value is a text in double quotes, a number, true, false, null, an object {...} or a list [...]', recovers: false };
    case 'InvalidSymbol':
      return describeSymbol(error, text);
    case 'ColonExpected':
      return { at: before + 1, message: `a colon (:) is missing after the property name, before ${shown(token)}`, hint: 'a property is written "name": value', recovers: true };
    case 'CloseBraceExpected':
      return { message: error.offset >= text.length ? 'an object is not closed: a "}" is missing at the end' : `an object is not closed: a "}" is missing before ${shown(token)}`, hint: 'every "{" needs its "}"', recovers: false };
    case 'CloseBracketExpected':
      return { message: error.offset >= text.length ? 'a list is not closed: a "]" is missing at the end' : `a list is not closed: a "]" is missing before ${shown(token)}`, hint: 'every "[" needs its "]"', recovers: false };
    case 'EndOfFileExpected':
      return { message: `there is more after the end of the JSON value: ${shown(token)}`, hint: 'the file holds one value, from its first "{" to the "}" that closes it: is there a "}" too many above, or something pasted at the end?', recovers: false };
    case 'InvalidCommentToken':
      return { message: `JSON has no comments: ${shown(token)}`, hint: 'remove the comment', recovers: true };
    case 'UnexpectedEndOfComment':
      return { message: 'a comment is not closed with */, and JSON has no comments', hint: 'remove the comment', recovers: false };
    case 'UnexpectedEndOfString':
      return { message: 'a text is not closed: its closing double quote (") is missing', hint: 'end the text with " on the same line; for a line break inside a text, write \\n', recovers: false };
    case 'UnexpectedEndOfNumber':
      return { message: `a number is cut short: ${shown(token)}`, hint: 'write digits after the "." or the "e"', recovers: true };
    case 'InvalidNumberFormat':
      return { message: `${shown(token)} is not a number JSON can read`, hint: 'write numbers such as 12, -3 or 37.5', recovers: true };
    case 'InvalidUnicode':
      return { message: 'a \\u in a text needs four hexadecimal digits after it, e.g. \\u00e9', hint: 'or write the character itself', recovers: true };
    case 'InvalidEscapeCharacter':
      return { message: 'a backslash (\\) in a text starts an escape JSON does not know', hint: 'write \\\\ for a backslash itself; \\n is a line break and \\" a double quote', recovers: true };
    case 'InvalidCharacter':
      return { message: 'a text holds a tab or another control character', hint: 'write \\t for a tab and \\n for a line break', recovers: true };
    default:
      return { message: 'the text cannot be read as JSON here', recovers: false };
  }
}

/** Something JSON has no symbol for: a name or text without double quotes, or a stray character. */
function describeSymbol(error: ParseError, text: string): SyntaxMessage {
  const token = text.slice(error.offset, error.offset + Math.max(1, error.length));
  const unquoted = token.replace(/^['‘’“”„]+|['‘’“”„]+$/g, '');
  if (/^['‘’]/.test(token)) return { message: `${shown(token)} is in single quotes`, hint: `JSON needs double quotes, around names and texts alike: "${unquoted}"`, recovers: true };
  if (/^[“”„]/.test(token)) return { message: `${shown(token)} has curly quotes`, hint: `JSON needs straight double quotes: "${unquoted}"; turn off "smart quotes" in your editor`, recovers: true };
  // The whole word, where the parser read a number first (112abc).
  let start = error.offset;
  while (start > 0 && !BETWEEN_TOKENS.test(text[start - 1]!)) start--;
  let end = error.offset + error.length;
  while (end < text.length && !BETWEEN_TOKENS.test(text[end]!)) end++;
  const word = text.slice(start, end);
  if (/^-?(nan|infinity)$/i.test(word)) return { at: start, message: `JSON has no ${word}`, hint: 'write a number, or leave the field out', recovers: true };
  if (/^\w[\w$.-]*$/.test(word)) {
    if (/^\s*:/.test(text.slice(end))) return { at: start, message: `the property name ${word} is not in double quotes`, hint: `write "${word}"`, recovers: true };
    const literal = /^(true|false|null)$/i.test(word) ? word.toLowerCase() : /^(none|nil|undefined)$/i.test(word) ? 'null' : undefined;
    if (literal) return { at: start, message: `${word} is not a JSON value`, hint: `write ${literal}`, recovers: true };
    return { at: start, message: `the text ${word} is not in double quotes`, hint: `write "${word}"`, recovers: true };
  }
  const hints: Record<string, string> = {
    '=': 'a property name and its value are separated by a colon: "name": value',
    ';': 'the items of an object or a list are separated by commas',
  };
  return { message: `${shown(token)} does not belong here`, hint: hints[token] ?? 'JSON has only {} [] : , texts in double quotes, numbers, true, false and null', recovers: true };
}

/**
 * The word after a double quote typed inside a text, which ended the text early, or undefined:
 * `"choose "None of these"."` stops before None. Told apart from a comma missing between two
 * items by what is around it, all on one line: right before the mistake, a text has just ended;
 * at it, a word of letters or digits (not a property name: no colon and a value after it; "="
 * is a slip of its own); later, another double quote, right after a word (after a "," or ":" it would start
 * an item of its own, as in `["a" 1, "b"]`).
 */
function strayQuote(text: string, offset: number): string | undefined {
  let before = offset - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  if (text[before] !== '"') return undefined;
  let lineEnd = offset;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const rest = text.slice(offset, lineEnd);
  const next = rest.indexOf('"');
  const between = rest.slice(0, next).trimEnd();
  if (next < 0 || !/^[\p{L}\p{N}]/u.test(between) || /[{[,:]$/.test(between) || /^[^\s:]+\s*:\s*(?:["{[\d-]|true\b|false\b|null\b|$)/.test(between)) return undefined;
  return /^[\p{L}\p{M}\p{N}]+/u.exec(between)![0];
}

/**
 * A property (`"source": ...`) where a list needs its next item: the object it belongs to was
 * closed too early, by one "}" too many above. Pointed at its name, the first place this shows.
 */
function propertyInList(text: string, before: number): SyntaxMessage {
  const name = text[before] === '"' ? /"(?:[^"\\\r\n]|\\.)*"$/.exec(text.slice(text.lastIndexOf('\n', before) + 1, before + 1))?.[0] : undefined;
  return {
    at: name ? before + 1 - name.length : before + 1,
    message: `${name ? `the property ${name}` : 'a ":"'} is in a list, not in an object: an object above it was closed too early`,
    hint: `is there a "}" too many above ${name ?? 'it'}, or a "{" missing before it?`,
    recovers: false,
  };
}

/** The innermost "{" or "[" still open at `offset`, found as tooDeep finds depth. */
function openBracket(text: string, offset: number): string | undefined {
  const open: string[] = [];
  let inString = false;
  for (let i = 0; i < offset; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"' || c === '\n') inString = false; // the parser, too, ends a text not closed at its line's end
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') open.push(c);
    else if (c === '}' || c === ']') open.pop();
  }
  return open.at(-1);
}

/** A piece of the file, for a message: in double quotes unless it starts with a quote of its own; cut short when long. */
function shown(token: string): string {
  const short = token.length > 30 ? `${token.slice(0, 27)}...` : token;
  return /^["'‘’“”„]/.test(short) ? short : `"${short}"`;
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
