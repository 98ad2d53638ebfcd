/** A problem found in a questionnaire file, with where it is and, when we can tell, how to fix it. */
export interface Problem {
  file: string;
  /** 1-based; absent when the input had no text (a questionnaire passed as an object). */
  line?: number;
  column?: number;
  /** JSON path such as `$.sections[0].questions[2].showIf`. */
  path: string;
  message: string;
  hint?: string;
}

export type JsonPath = (string | number)[];

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

// In a module of its own, so that the widget's entry (its load-error screen) does not carry the
// validator's helpers below.
export { formatProblem } from './formatProblem';

/** The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = word.length <= 4 ? 1 : Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closest(word, candidates);
  return match ? `did you mean "${match}"?` : undefined;
}

/** Optimal string alignment distance: a swap of two neighbours ("scr" for "src") counts as one edit. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, beforePrevious[j - 2]! + 1);
      current[j] = d;
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The value at `path` in parsed JSON (own keys only), for messages about what was found there. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** What a JSON value is, in words: "a list", "the text \"yes\"", "number 3". */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 30 ? `${value.slice(0, 27)}...` : value)}`;
  if (typeof value === 'object') return 'an object';
  // JSON.stringify writes both as "null". A file cannot hold them (jsonFile.ts refuses 1e400),
  // but a questionnaire given as an object can.
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN, which is not a number' : `${value}, too large a number`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** A Zod message without its "Invalid input:" opening. */
export function plain(message: string): string {
  return message.replace(/^Invalid input: /, '').replace(/^Invalid /, 'invalid ');
}
