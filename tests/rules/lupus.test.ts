import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCases } from '../../src/cases/run';
import { CasesFile } from '../../src/cases/schema';
import { evaluate } from '../../src/engine/evaluate';
import { loadQuestionnaire } from '../../src/questionnaire/load';
import type { Questionnaire } from '../../src/questionnaire/schema';

const read = (name: string) => readFileSync(new URL(`../../rules/${name}`, import.meta.url), 'utf8');
const loaded = loadQuestionnaire(read('lupus.json'), 'rules/lupus.json');
const lupus = (loaded.ok ? loaded.questionnaire : undefined) as Questionnaire;
const cases = CasesFile.parse(JSON.parse(read('lupus.cases.json'))).cases;
const questions = () => lupus.sections.flatMap((s) => s.questions);

describe('rules/lupus.json', () => {
  it('is valid', () => {
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it('starts with $schema for editors and calls 112 in emergencies', () => {
    expect(read('lupus.json').trimStart().startsWith('{\n  "$schema": "./schema.json"')).toBe(true);
    expect(lupus.emergencyNumber).toBe('112');
    expect(lupus.languages).toEqual(['en', 'hi']);
  });

  it('asks the red flags first, with the contract options', () => {
    const [first] = questions();
    expect(first?.id).toBe('red_flags');
    expect(first?.type === 'multi' && first.options.map((o) => o.id)).toEqual(
      expect.arrayContaining(['chest_pain', 'breathless', 'seizure', 'confusion', 'stroke_signs', 'heavy_bleeding', 'swollen_leg', 'fever_immunosuppressed', 'none']),
    );
  });

  it('has every contract question with its type', () => {
    const byId = new Map(questions().map((q) => [q.id, q.type]));
    const yesno = ['joint_pain', 'fatigue', 'butterfly_rash', 'sun_rash', 'mouth_ulcers', 'hair_loss', 'anemia', 'clotting', 'headaches', 'cold_itchy_fingers', 'raynauds', 'chest_pain_breathing', 'kidney_signs', 'fever', 'family_history', 'diagnosed_lupus', 'treatment_not_helping'];
    for (const id of yesno) expect(byId.get(id), id).toBe('yesno');
    expect(byId.get('sex')).toBe('single');
    expect(byId.get('age')).toBe('number');
    expect(byId.get('test_results')).toBe('multi');
  });

  it('asks about treatment not helping only of people already diagnosed', () => {
    const ids = (answers: Record<string, string>) => evaluate(lupus, answers).visible;
    expect(ids({ diagnosed_lupus: 'no' })).not.toContain('treatment_not_helping');
    expect(ids({ diagnosed_lupus: 'yes' })).toContain('treatment_not_helping');
  });

  it.each(['chest_pain', 'breathless', 'seizure', 'confusion', 'stroke_signs', 'heavy_bleeding'])('red flag %s leads to emergency guidance first', (flag) => {
    expect(evaluate(lupus, { red_flags: [flag] }).guidance[0]?.level).toBe('emergency');
  });

  it.each(['swollen_leg', 'fever_immunosuppressed'])('red flag %s leads to same-day guidance', (flag) => {
    expect(evaluate(lupus, { red_flags: [flag] }).guidance[0]?.level).toBe('urgent');
  });

  it('never diagnoses or names a treatment, in any language', () => {
    const texts = JSON.stringify(lupus.guidance.map((g) => [g.title, g.text]));
    expect(texts).not.toMatch(/you have lupus|diagnos|stem cell|steroid|hydroxychloroquine|clinic in/i);
  });
});

describe('rules/lupus.cases.json', () => {
  const results = runCases(lupus, cases);

  it('has at least 30 vignettes', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
  it.each(results.map((r) => [r.name, r] as const))('%s', (_name, result) => {
    expect(result.failures).toEqual([]);
  });
  it('makes every guidance fire at least once', () => {
    const fired = new Set(results.flatMap((r) => r.got.guidance));
    expect(lupus.guidance.map((g) => g.id).filter((id) => !fired.has(id))).toEqual([]);
  });
  it('covers each red flag', () => {
    const flagged = new Set(cases.flatMap((c) => (Array.isArray(c.answers.red_flags) ? c.answers.red_flags : [])));
    for (const flag of ['chest_pain', 'breathless', 'seizure', 'confusion', 'stroke_signs', 'heavy_bleeding', 'swollen_leg', 'fever_immunosuppressed']) expect(flagged).toContain(flag);
  });
});
