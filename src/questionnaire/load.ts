/**
 * Text in, a typed questionnaire or a list of problems out. Every problem names the file,
 * line, column and JSON path, with a hint where one exists. Hostile input gives problems,
 * never an exception or a hang.
 */
import type { z } from 'zod';
import { crossCheck, missingText } from './crossCheck';
import { readJsonFile } from './jsonFile';
import type { Position, SourceMap } from './positions';
import { closest, describeType, didYouMean, formatPath, plain, valueAt, type JsonPath, type Problem } from './problem';
import { LanguageCode, LEVELS, Questionnaire } from './schema';

export type LoadResult = { ok: true; questionnaire: Questionnaire } | { ok: false; problems: Problem[] };

// The element's fetch of `rules-src` holds the body to the same limit as the file reader.
export { MAX_FILE_BYTES } from './jsonFile';
/** Problems listed at most; a last line says how many more there are. */
export const MAX_PROBLEMS = 50;
/** Problems put in file order at most (each needs its position); beyond, the order found. */
const MAX_SORTED = 2_000;
/**
 * Lists checked before the schema, whose work (and whose problems) grow with their length: far
 * above any real questionnaire (the lupus file has 26 questions and 21 guidance entries).
 */
export const LIMITS = {
  sections: 1_000,
  questions: 2_000,
  options: 200,
  guidance: 2_000,
  scores: 200,
  sources: 1_000,
  languages: 64,
  /** Any other list: "all", "any", "oneOf", a score's items, a guidance entry's sources. */
  list: 1_000,
} as const;

export function loadQuestionnaire(text: string, file = 'questionnaire.json'): LoadResult {
  if (typeof text !== 'string') return { ok: false, problems: [{ file, path: '$', message: 'expected the text of a JSON file' }] };
  const read = readJsonFile(text, file, 'a questionnaire is a JSON object: start from rules/lupus.json', 'a questionnaire');
  return read.ok ? validate(read.value, file, read.map) : read;
}

/** For a questionnaire given as an object (the element's `rules` property): no positions. */
export function checkQuestionnaire(value: unknown, file = 'rules'): LoadResult {
  return validate(value, file, undefined);
}

function validate(value: unknown, file: string, map: SourceMap | undefined): LoadResult {
  const at = (path: JsonPath, key = false): Partial<Position> => map?.positionOfPath(path, { key }) ?? {};
  // Where the first of two equal ids is: its line, or its path for a questionnaire given as an object.
  const firstAt = (path: JsonPath) => {
    const line = map?.positionOfPath(path)?.line;
    return line ? `first on line ${line}` : `first at ${formatPath(path)}`;
  };
  const listed = (described: Described[], more = 0): LoadResult => {
    const unique = dedupe(described);
    // In file order, as an editor lists them: the first listed is the first the author meets.
    // Each position costs a walk of the syntax tree: a flood of problems keeps the order found.
    const sorted = map !== undefined && unique.length <= MAX_SORTED;
    const placed = unique.map((problem) => ({ problem, position: sorted ? at(problem.path, problem.key) : undefined }));
    if (sorted) placed.sort((a, b) => (a.position!.line ?? 0) - (b.position!.line ?? 0) || (a.position!.column ?? 0) - (b.position!.column ?? 0));
    const shown = placed.slice(0, MAX_PROBLEMS);
    const rest = unique.length - shown.length + more;
    const problems: Problem[] = shown.map(({ problem: { path, message, hint, key, first }, position }) => ({
      file,
      ...(position ?? at(path, key)),
      path: formatPath(path),
      message: first ? `${message} (${firstAt(first)})` : message,
      ...(hint ? { hint } : {}),
    }));
    if (rest > 0) problems.push({ file, path: '$', message: `and more problems (about ${rest.toLocaleString('en')}) not listed`, hint: 'fix the ones above and check the file again' });
    return { ok: false, problems };
  };
  // Before the schema: a list of hundreds of thousands of entries takes the schema (and the
  // list of its complaints) seconds and much memory to go through.
  const tooLong = tooManyEntries(value);
  if (tooLong.length > 0) return listed(tooLong);
  const parsed = Questionnaire.safeParse(value);
  if (!parsed.success) {
    const { issues } = parsed.error;
    // A few issues can each describe as several problems; describe enough for the list, not all.
    const described: Described[] = [];
    let i = 0;
    for (; i < issues.length && described.length <= MAX_PROBLEMS * 4; i++) described.push(...describeIssue(issues[i]!, value));
    return listed(described, issues.length - i);
  }
  const findings = crossCheck(parsed.data);
  if (findings.length > 0) return listed(findings);
  return { ok: true, questionnaire: parsed.data };
}

/**
 * Lists longer than LIMITS allows, found without recursion and without looking inside them,
 * each as a problem at the list. Only JSON-like values are walked (objects met twice, once).
 */
function tooManyEntries(value: unknown): Described[] {
  const found: Described[] = [];
  const record = (path: JsonPath, things: string, count: number, limit: number, hint?: string) =>
    found.push({
      path,
      message: `too many ${things} (${count.toLocaleString('en')}); a questionnaire may have at most ${limit.toLocaleString('en')}`,
      hint: hint ?? 'is this the right file? A list this long is not a questionnaire a person can answer',
    });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return found;
  const top = value as Record<string, unknown>;
  const topLists = [
    ['sections', 'sections', LIMITS.sections, 'put related questions together in fewer sections'],
    ['guidance', 'guidance entries', LIMITS.guidance, undefined],
    ['scores', 'scores', LIMITS.scores, undefined],
    ['sources', 'sources', LIMITS.sources, undefined],
    ['languages', 'languages', LIMITS.languages, 'offer the languages your users read; publish other languages as their own files'],
  ] as const;
  const skip = new Set<unknown>();
  for (const [key, things, limit, hint] of topLists) {
    const list = Object.hasOwn(top, key) ? top[key] : undefined;
    if (Array.isArray(list) && list.length > limit) {
      record([key], things, list.length, limit, hint);
      skip.add(list);
    }
  }
  // Questions are counted over all sections, and reported at the section that goes past the limit.
  const sections = Object.hasOwn(top, 'sections') ? top.sections : undefined;
  if (Array.isArray(sections) && !skip.has(sections)) {
    let total = 0;
    let over: JsonPath | undefined;
    sections.forEach((section, s) => {
      const questions = typeof section === 'object' && section !== null && Object.hasOwn(section, 'questions') ? (section as { questions: unknown }).questions : undefined;
      if (!Array.isArray(questions)) return;
      total += questions.length;
      if (total > LIMITS.questions && !over) over = ['sections', s, 'questions'];
      if (total > LIMITS.questions) skip.add(questions);
    });
    if (over) record(over, 'questions', total, LIMITS.questions, 'split it into several questionnaires, each about one condition');
  }
  // Every other list, at any depth.
  const seen = new Set<unknown>();
  const stack: { node: unknown; path: JsonPath }[] = [{ node: value, path: [] }];
  while (stack.length > 0 && found.length <= MAX_PROBLEMS) {
    const { node, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null || seen.has(node) || skip.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      const name = path.at(-1);
      // Top-level lists and questions were measured above.
      const limit = name === 'options' ? LIMITS.options : name === 'questions' || (path.length === 1 && topLists.some(([key]) => key === name)) ? Infinity : LIMITS.list;
      if (node.length > limit) {
        if (name === 'options') record(path, 'options in a question', node.length, limit, 'a question is answered by choosing: for more answers use several questions');
        else record(path, `entries in "${String(name)}"`, node.length, limit);
        continue;
      }
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], path: [...path, i] });
    } else if (Object.getPrototypeOf(node) === Object.prototype || Object.getPrototypeOf(node) === null) {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ node: (node as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
    }
  }
  return found;
}

interface Described {
  path: JsonPath;
  message: string;
  hint?: string;
  /** Point at the property name rather than its value. */
  key?: boolean;
  /** Where the first of two equal ids is, named after the message. */
  first?: JsonPath;
}

const QUESTION_TYPES = ['yesno', 'single', 'multi', 'scale', 'number'];
const KNOWN_KEYS = [
  '$schema', 'id', 'version', 'title', 'intro', 'languages', 'emergencyNumber', 'sources', 'sections', 'scores', 'guidance',
  'questions', 'type', 'text', 'summary', 'help', 'showIf', 'source', 'options', 'exclusive', 'min', 'max', 'minLabel', 'maxLabel',
  'integer', 'unit', 'items', 'when', 'weight', 'level', 'publisher', 'url', 'note', 'lang', 'all', 'any', 'not', 'answer', 'score',
  'equals', 'oneOf', 'includes', 'atLeast', 'atMost', 'answered',
];
const CONDITION_KEYS = ['all', 'any', 'not', 'answer', 'score'];
/** The comparisons of a test on an answer; "atLeast" with "atMost" is one (a range). */
const COMPARISONS = ['equals', 'oneOf', 'includes', 'answered', 'atLeast', 'atMost'];

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
    case 'invalid_key':
      return describeLanguageKey(path, root);
    case 'invalid_value':
      // A misspelt "level" leaves none: Zod checks the missing value against the list.
      if (here === undefined) return [missing(path, `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`)];
      if (path.at(-1) === 'level') return [{ path, message: `unknown level ${JSON.stringify(here)}`, hint: didYouMean(asText(here), LEVELS) ?? `levels are: ${LEVELS.join(', ')}` }];
      return [{ path, message: plain(issue.message) }];
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'whole number' : issue.expected === 'record' ? 'texts by language' : issue.expected;
      if (here === undefined) return [missing(path, example(issue.expected, root))];
      return [{ path, message: `expected ${expected}, got ${describeType(here)}`, hint: typeHint(issue.expected, here, root) }];
    }
    case 'too_small':
      if (issue.origin === 'array') {
        const n = Number(issue.minimum);
        const name = String(path.at(-1) ?? 'the list');
        const things = name === 'options' ? 'options' : name === 'all' || name === 'any' ? 'conditions' : 'items';
        return [{ path, message: `"${name}" needs at least ${n} ${n === 1 ? things.replace(/s$/, '') : things}`, hint: tooFewHint(name, n) }];
      }
      if (issue.origin === 'string') return [{ path, message: `"${String(path.at(-1))}" is empty`, hint: 'write the text between the quotes' }];
      return [{ path, message: plain(issue.message) }];
    case 'invalid_format':
      if (issue.format === 'url') {
        return [{ path, message: `${describeType(here)} is not a web address`, hint: 'give the full address, starting with https://, e.g. "https://www.nhs.uk/conditions/lupus/"' }];
      }
      return [{ path, message: plain(issue.message) }];
    default:
      return [{ path, message: plain(issue.message) }];
  }
}

/** A property that is not there, at its parent, with what to write: `"level" is missing  (add "level": one of ...)`. */
function missing(path: JsonPath, what: string): Described {
  const name = String(path.at(-1));
  return { path, message: `"${name}" is missing`, hint: `add "${name}": ${what}` };
}

/**
 * A key of a text that is not a language code ("hindi", "HI", "hi "), at the key, with the
 * file's languages and, where we can tell, the one meant. The schema stops the check there, so
 * each language the text lacks is said too, as it is beside a key such as "en-US".
 */
function describeLanguageKey(path: JsonPath, root: unknown): Described[] {
  const key = String(path.at(-1));
  const textPath = path.slice(0, -1);
  const text = valueAt(root, textPath);
  const has = (code: string) => typeof text === 'object' && text !== null && Object.hasOwn(text, code);
  const languages = declaredLanguages(root);
  const meant = meantLanguage(key, languages);
  const lacking: Described[] = languages
    .filter((code) => !has(code))
    .map((code) => ({ path: textPath, ...missingText(code) }));
  const use = languages.length > 0 ? `use one of the questionnaire's "languages" (${languages.join(', ')})` : 'use a code such as "en" (English) or "hi" (Hindi)';
  return [
    ...lacking,
    {
      path,
      key: true,
      message: `${JSON.stringify(key)} is not a language code: ${use}`,
      ...(meant ? { hint: has(meant) ? `the text already has "${meant}": remove this one` : `did you mean "${meant}"?` } : {}),
    },
  ];
}

/** The file's "languages" that are language codes. */
function declaredLanguages(root: unknown): string[] {
  const languages = valueAt(root, ['languages']);
  return Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string' && LanguageCode.safeParse(l).success) : [];
}

/**
 * The declared language a wrong key stands for: the same code in other letters or with spaces
 * ("HI", "hi "), a regional tag written with "_" ("en_GB"), the language's name in English or in
 * itself ("hindi", "हिन्दी"), or a close misspelling of either.
 */
function meantLanguage(key: string, languages: string[]): string | undefined {
  const written = key.trim().toLowerCase().replace(/_/g, '-');
  const exact = [written, written.split('-')[0]!].find((code) => languages.includes(code));
  if (exact) return exact;
  const byName = new Map<string, string>();
  for (const code of languages) for (const name of languageNames(code)) byName.set(name.toLowerCase(), code);
  const match = closest(written, [...languages, ...byName.keys()]);
  return match === undefined ? undefined : (byName.get(match) ?? match);
}

/** A language's name in English and in itself ("Hindi", "हिन्दी"), where the runtime knows them. */
function languageNames(code: string): string[] {
  try {
    return [...new Set(['en', code].map((locale) => new Intl.DisplayNames([locale], { type: 'language' }).of(code)))].filter((n): n is string => !!n && n !== code);
  } catch {
    return [];
  }
}

/** What to write for a missing property, in words and an example. */
function example(expected: string, root: unknown): string {
  switch (expected) {
    case 'string':
      return 'a text in double quotes, e.g. "..."';
    case 'number':
      return 'a number, e.g. 0';
    case 'int':
      return 'a whole number, e.g. 0';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list in square brackets, e.g. [...]';
    case 'record':
      return `a text in each language, e.g. ${textExample(root)}`;
    default:
      return 'a value in curly brackets, e.g. {...}';
  }
}

/** {"en": "...", "hi": "..."} for the file's own languages. */
function textExample(root: unknown): string {
  const languages = valueAt(root, ['languages']);
  const codes = Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string' && /^[a-z]{2,3}$/.test(l)).slice(0, 3) : [];
  return `{${(codes.length ? codes : ['en']).map((l) => `"${l}": "..."`).join(', ')}}`;
}

/** How to turn a value of the wrong type into the right one. */
function typeHint(expected: string, here: unknown, root: unknown): string {
  const text = typeof here === 'string' ? here.trim() : undefined;
  if ((expected === 'number' || expected === 'int') && text !== undefined && text !== '' && Number.isFinite(Number(text))) {
    return `write the number without quotes: ${Number(text)}`;
  }
  if (expected === 'int' && typeof here === 'number') return `use a whole number, such as ${Math.floor(here)} or ${Math.ceil(here)}`;
  if (expected === 'boolean' && (text === 'true' || text === 'false')) return `write ${text} without quotes`;
  if (expected === 'string' && (typeof here === 'number' || typeof here === 'boolean')) return `put it in double quotes: "${String(here)}"`;
  if (expected === 'array' && here !== null && typeof here !== 'object') return `put it in a list: [${JSON.stringify(here)}]`;
  if (expected === 'record' && typeof here === 'string') return `give a text in each language: ${textExample(root)}`;
  return `write ${example(expected, root)}`;
}

function tooFewHint(name: string, n: number): string {
  if (name === 'options') return `add ${n === 2 ? 'a second option' : 'more options'}, e.g. {"id": "no", "text": {"en": "No"}}; for one option, a yes/no question may fit better`;
  if (name === 'all' || name === 'any') return `put at least one condition in the list, or remove "${name}"`;
  if (name === 'sources') return 'add a source, e.g. {"id": "nhs_lupus", "title": "Lupus", "url": "https://www.nhs.uk/conditions/lupus/"}';
  return `add at least ${n === 1 ? 'one' : n} to the list`;
}

/** A value as text for "did you mean": never String() on an object, whose own toString may be anything. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Union failures are reported for the branch the author evidently meant, not as "Invalid input". */
function describeUnion(issue: z.core.$ZodIssueInvalidUnion, path: JsonPath, here: unknown, root: unknown): Described[] {
  const isObject = typeof here === 'object' && here !== null && !Array.isArray(here);
  if (here === undefined) {
    const name = String(path.at(-1));
    if (name === 'type') return [{ path, message: '"type" is missing', hint: `add "type": one of ${QUESTION_TYPES.map((t) => `"${t}"`).join(', ')}` }];
    return [{ path, message: `"${name}" is missing`, hint: `add "${name}": a condition, e.g. {"answer": "joint_pain", "equals": "yes"}` }];
  }
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
  // In the order written; "atLeast" with "atMost" counts once.
  const comparisons = keys.filter((k) => COMPARISONS.includes(k) && !(k === 'atMost' && keys.includes('atLeast')));
  if ('answer' in here && comparisons.length > 1) {
    return [{
      path,
      message: `a test on an answer takes exactly one comparison; this one has ${comparisons.map((k) => `"${k}"`).join(' and ')}`,
      hint: 'keep one of them, or write each as its own test inside {"all": [...]}',
    }];
  }
  return best.flatMap((inner) => describeIssue({ ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue, root));
}

function dedupe(problems: Described[]): Described[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${formatPath(p.path)}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
