import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuestionnaire, loadQuestionnaire } from '../../src/questionnaire/load';
import { smallQuestionnaire } from '../fixtures';

// fast-check prints the seed and the shrunk counterexample when a property fails.
describe('the loader never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = loadQuestionnaire(text, 'fuzz.json');
        expect(result.ok || result.problems.length > 0).toBe(true);
      }),
      { numRuns: 2500 },
    );
  });

  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = loadQuestionnaire(JSON.stringify(value), 'fuzz.json');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems[0]!.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('on a valid questionnaire with one part replaced by arbitrary JSON', () => {
    const base = smallQuestionnaire();
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
    };
    walk(base, []);
    fc.assert(
      // Without U+FFFD: in a file it is the mark of bytes that were not UTF-8, which the text is
      // refused for (jsonFile.ts); an object given to the element has no bytes and no such mark.
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 3 }).filter((v) => !JSON.stringify(v).includes('\ufffd')), (path, replacement) => {
        const copy = structuredClone(base) as any;
        let node = copy;
        for (const key of path.slice(0, -1)) node = node[key];
        node[path.at(-1)!] = replacement;
        const text = JSON.stringify(copy, null, 2);
        const result = loadQuestionnaire(text, 'fuzz.json');
        // Every problem is placed in the file, but the closing note on how many more were not listed.
        if (!result.ok) for (const p of result.problems.filter((p) => !p.message.startsWith('and more problems'))) expect(p.line).toBeGreaterThan(0);
        expect(checkQuestionnaire(copy).ok).toBe(result.ok);
      }),
      { numRuns: 1500 },
    );
  });
});
