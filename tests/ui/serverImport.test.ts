// @vitest-environment node
/**
 * A server rendering the clinic's page (Next.js, Nuxt, Astro…) imports the package where there
 * is no DOM: the import must not throw, and defining the element waits for a browser.
 */
import { describe, expect, it } from 'vitest';

describe('importing the package without a DOM', () => {
  it('does not throw, and defines nothing', async () => {
    expect(globalThis.HTMLElement).toBeUndefined();
    const { SymptomCheckElement, defineSymptomCheck } = await import('../../src/index');
    expect(typeof SymptomCheckElement).toBe('function');
    expect(() => defineSymptomCheck()).not.toThrow();
    expect(globalThis.customElements).toBeUndefined();
  });
});
