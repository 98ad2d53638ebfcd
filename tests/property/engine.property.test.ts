import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate';
import { loadQuestionnaire } from '../../src/questionnaire/load';
import type { Questionnaire } from '../../src/questionnaire/schema';
import { smallQuestionnaire } from '../fixtures';
import { answersArbitrary } from './arbitraries';

const lupusResult = loadQuestionnaire(readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8'), 'rules/lupus.json');
if (!lupusResult.ok) throw new Error(`rules/lupus.json is invalid: ${lupusResult.problems[0]?.message}`);
const lupus = lupusResult.questionnaire;
const EMERGENCY_FLAGS = ['chest_pain', 'breathless', 'seizure', 'confusion', 'stroke_signs', 'heavy_bleeding'];

describe.each<[string, Questionnaire]>([
  ['the small fixture', smallQuestionnaire()],
  ['the lupus questionnaire', lupus],
])('the engine on %s', (_name, questionnaire) => {
  it('never throws on legal answers and is deterministic', () => {
    fc.assert(
      fc.property(answersArbitrary(questionnaire), fc.constantFrom('en', 'hi', 'fr'), (answers, lang) => {
        const first = evaluate(questionnaire, answers, { lang });
        expect(evaluate(questionnaire, structuredClone(answers), { lang })).toEqual(first);
        for (const g of first.guidance) expect(g.because.length).toBeGreaterThan(0);
        const levels = first.guidance.map((g) => g.level);
        expect(levels).toEqual([...levels].sort((a, b) => ['emergency', 'urgent', 'soon', 'routine', 'info'].indexOf(a) - ['emergency', 'urgent', 'soon', 'routine', 'info'].indexOf(b)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('red flags always win', () => {
  it('any emergency red flag puts emergency guidance first, whatever else is answered', () => {
    fc.assert(
      fc.property(answersArbitrary(lupus), fc.subarray(EMERGENCY_FLAGS, { minLength: 1 }), fc.subarray(['swollen_leg', 'fever_immunosuppressed']), (answers, flags, others) => {
        const result = evaluate(lupus, { ...answers, red_flags: [...flags, ...others] });
        expect(result.guidance[0]!.level).toBe('emergency');
      }),
      { numRuns: 1500 },
    );
  });

  it('a same-day red flag gives at least urgent guidance first', () => {
    fc.assert(
      fc.property(answersArbitrary(lupus), fc.constantFrom('swollen_leg', 'fever_immunosuppressed'), (answers, flag) => {
        const top = evaluate(lupus, { ...answers, red_flags: [flag] }).guidance[0]!.level;
        expect(['emergency', 'urgent']).toContain(top);
      }),
      { numRuns: 500 },
    );
  });
});
