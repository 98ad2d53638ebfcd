import { describe, expect, it } from 'vitest';
import { chromiumAndServer } from './browser';
import { measureFirstLoad } from './firstLoad';

const env = chromiumAndServer();

/**
 * Budgets for everything a page downloads before the first question (gzip): 25 KB (the issue's
 * goal; 30 KB was its limit). Hindi adds its own strings and first-screen texts on top of the
 * English first screens, which the main bundle carries so that the default starts without a
 * second round trip.
 */
const BUDGETS: [string, number][] = [
  ['en', 25 * 1024],
  ['hi', 25 * 1024],
];

describe('size budget', () => {
  it.each(BUDGETS)('the first load with the built-in rules (%s) stays within budget', async (lang, budget) => {
    const { files, totalGzip } = await measureFirstLoad(env.browser, env.server.url, `/pages/widget.html?lang=${lang}`);
    console.log(`first load (${lang}): ${(totalGzip / 1024).toFixed(1)} KB gzip = ${files.map((f) => `${f.path} ${(f.gzip / 1024).toFixed(1)} KB`).join(' + ')}`);
    expect(files.some((f) => f.path === '/dist/symptom-check.js')).toBe(true);
    expect(files.some((f) => f.path.includes('remoteRules')), 'the validator must not load for the built-in rules').toBe(false);
    // The machine (xstate) loads once the first question is on screen.
    expect(files.some((f) => f.path.includes('startRun')), "the machine's code must not hold back the first question").toBe(false);
    // English: one file, no second round trip (a chunk the entry imports statically would be one).
    if (lang === 'en') expect(files.map((f) => f.path)).toEqual(['/dist/symptom-check.js']);
    expect(totalGzip).toBeLessThanOrEqual(budget);
  });
});
