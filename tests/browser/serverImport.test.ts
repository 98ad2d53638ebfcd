/**
 * The built bundles as a server rendering the clinic's page (Next.js, Nuxt, Astro…) loads them:
 * in Node, with no DOM. Neither may throw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '../../dist');

describe('the built bundles without a DOM', () => {
  it('the ES module imports and exports the element class', async () => {
    const bundle = await import(pathToFileURL(join(dist, 'symptom-check.js')).href);
    expect(typeof bundle.SymptomCheckElement).toBe('function');
    expect(() => bundle.defineSymptomCheck()).not.toThrow();
  });
  it('the classic script runs and leaves its global', () => {
    const context: { SymptomCheck?: { SymptomCheckElement: unknown } } = {};
    runInNewContext(readFileSync(join(dist, 'symptom-check.iife.js'), 'utf8'), context);
    expect(typeof context.SymptomCheck?.SymptomCheckElement).toBe('function');
  });
});
