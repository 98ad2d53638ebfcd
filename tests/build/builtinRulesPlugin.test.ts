import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, hasEmergency, visibleQuestions } from '../../src/engine/evaluate';
import { firstScreens, projectLanguage } from '../../src/builtinRulesPlugin';
import { loadQuestionnaire } from '../../src/questionnaire/load';
import type { Answers, Questionnaire } from '../../src/questionnaire/schema';

const result = loadQuestionnaire(readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8'));
const lupus = (result.ok ? result.questionnaire : undefined) as Questionnaire;

describe('the built-in rules, split per language at build time', () => {
  it('keeps only the texts of one language, and gives the same advice in it', () => {
    const hi = projectLanguage(lupus, 'hi');
    expect(hi.languages).toEqual(['hi']);
    expect(JSON.stringify(hi)).not.toContain('"en":');
    const answers = { red_flags: ['none'], joint_pain: 'yes', butterfly_rash: 'yes', mouth_ulcers: 'yes', hair_loss: 'yes' };
    expect(evaluate(hi, answers, { lang: 'hi' })).toEqual(evaluate(lupus, answers, { lang: 'hi' }));
  });

  it('keeps each source\'s title and the language it is written in, for the result screen in every language', () => {
    expect(lupus.sources.every((s) => s.lang === 'en')).toBe(true);
    for (const lang of lupus.languages) {
      expect(projectLanguage(lupus, lang).sources).toEqual(lupus.sources.map(({ id, title, lang: titleLang }) => ({ id, title, lang: titleLang })));
    }
    // No "lang" where the file gives none, and still nothing but the id and title otherwise.
    const untagged = { ...lupus, sources: [{ id: 'plain', title: 'Plain', publisher: 'A clinic', note: 'n' }] };
    expect(projectLanguage(untagged, 'hi').sources).toEqual([{ id: 'plain', title: 'Plain' }]);
  });

  it('puts in the first part what the first screens need: every question, the red-flag texts, the emergency rules', () => {
    const en = projectLanguage(lupus, 'en');
    const first = firstScreens(en);
    expect(first.sections[0]).toEqual(en.sections[0]);
    expect(first.sections[1]!.questions[0]!.text).toEqual({});
    // The emergency rules, and the same-day ones on the first section's answers alone, with their titles.
    expect(first.guidance.filter((g) => g.level !== 'emergency').map((g) => [g.id, g.level, g.title, g.text])).toEqual(
      en.guidance.filter((g) => g.level === 'urgent' && JSON.stringify(g.when).includes('"red_flags"')).map((g) => [g.id, 'urgent', g.title, {}]),
    );
    expect(first.guidance.map((g) => g.id)).toEqual(expect.arrayContaining(['possible_leg_clot', 'fever_weak_immunity']));
    expect(first.guidance.some((g) => g.id === 'painful_breathing_check')).toBe(false); // urgent, on a later question
    expect(first.guidance.filter((g) => g.level === 'emergency')).toHaveLength(en.guidance.filter((g) => g.level === 'emergency').length);
    // Same questions asked, and the same emergency decisions, as with the complete file.
    for (const answers of [{}, { diagnosed_lupus: 'yes' }, { joint_pain: 'yes', fatigue: 'yes' }] as Answers[]) {
      expect(visibleQuestions(first, answers)).toEqual(visibleQuestions(en, answers));
    }
    for (const flag of ['chest_pain', 'swollen_leg', 'none']) {
      expect(hasEmergency(first, { red_flags: [flag] })).toBe(hasEmergency(en, { red_flags: [flag] }));
    }
    expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(en).length / 2);
    // Sources (and their languages) are read only by the result screen: not in the first part.
    expect(first.sources).toEqual([]);
    // Nor the scores: none of the first part's conditions reads one.
    expect(lupus.scores?.length).toBeGreaterThan(0);
    expect(first.scores).toBeUndefined();
  });

  it('keeps the scores in the first part when a follow-up or an emergency rule reads one, and the same questions and decisions with them', () => {
    const en = projectLanguage(lupus, 'en');
    const [flags, ...rest] = en.sections;
    const scored: Questionnaire = {
      ...en,
      // The last question asked only with two signs or more; an emergency for three signs and a fever.
      sections: [flags!, ...rest.map((s, i) => (i === rest.length - 1 ? { ...s, questions: s.questions.map((q, j) => (j === s.questions.length - 1 ? { ...q, showIf: { score: 'lupus_features', atLeast: 2 } } : q)) } : s))],
      guidance: en.guidance.map((g, i) => (i === 0 ? { ...g, when: { any: [g.when, { all: [{ score: 'lupus_features', atLeast: 3 }, { answer: 'fever', equals: 'yes' }] }] } } : g)),
    };
    for (const changed of [scored, { ...scored, sections: en.sections }, { ...scored, guidance: en.guidance }]) {
      const first = firstScreens(changed);
      expect(first.scores?.map((s) => s.id)).toEqual(['lupus_features']);
      expect(first.scores![0]!.title).toEqual({});
      const signs = { red_flags: ['none'], butterfly_rash: 'yes', mouth_ulcers: 'yes', hair_loss: 'yes', fever: 'yes' };
      expect(visibleQuestions(first, signs)).toEqual(visibleQuestions(changed, signs));
      expect(hasEmergency(first, signs)).toBe(hasEmergency(changed, signs));
    }
    expect(hasEmergency(firstScreens(scored), { red_flags: ['none'], butterfly_rash: 'yes', mouth_ulcers: 'yes', hair_loss: 'yes', fever: 'yes' })).toBe(true);
  });
});
