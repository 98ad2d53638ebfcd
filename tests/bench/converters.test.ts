/**
 * The bench's converters must be faithful, or its numbers compare different work: json-logic-js
 * and json-rules-engine must give exactly our advice (ids, order, levels, texts, reasons), and
 * SurveyJS must ask exactly the questions we ask, on a few hundred seeded answer sets, for the
 * lupus rules and for a small questionnaire that uses every kind of condition.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { evaluate, visibleQuestions } from '../../src/engine/evaluate';
import { checkQuestionnaire } from '../../src/questionnaire/load';
import type { Condition, Questionnaire } from '../../src/questionnaire/schema';
import { smallQuestionnaire } from '../fixtures';
import { answerSets, lupusQuestionnaire, repoRoot } from './answerSets';
import { evaluateJsonLogic, questionnaireToJsonLogic } from './toJsonLogic';
import { evaluateRulesEngine, questionnaireToRulesEngine } from './toRulesEngine';
import { questionnaireToSurveyJs } from './toSurveyJs';

/** The small test questionnaire plus guidance and follow-ups that use every kind of condition. */
function everyCondition(): Questionnaire {
  const q = smallQuestionnaire();
  const t = (en: string) => ({ en, hi: `${en} (hi)` });
  const body = q.sections[1]!;
  // An option id that is a substring of "unsure" ("sure"), where `in` / `contains` on a string would match.
  body.questions.push(
    {
      id: 'feelings',
      type: 'multi',
      text: t('How do you feel?'),
      summary: t('Feelings'),
      source: 'src',
      options: [
        { id: 'sure', text: t('Sure of myself') },
        { id: 'low', text: t('Low') },
        { id: 'none', text: t('None of these'), exclusive: true },
      ],
    },
    { id: 'rash_spread', type: 'yesno', text: t('Has the rash spread?'), summary: t('Rash spread'), source: 'src', showIf: { all: [{ answer: 'rash', oneOf: ['yes', 'unsure'] }, { not: { answer: 'sex', equals: 'male' } }] } },
    { id: 'sleep', type: 'yesno', text: t('Do you sleep badly?'), summary: t('Poor sleep'), source: 'src', showIf: { any: [{ answer: 'tiredness', atLeast: 3, atMost: 8 }, { score: 'features', atLeast: 2 }] } },
    { id: 'weeks_known', type: 'yesno', text: t('Are you sure of the weeks?'), summary: t('Weeks known'), source: 'src', showIf: { answer: 'joint_weeks', answered: true } },
    { id: 'feel_more', type: 'yesno', text: t('Tell us more?'), summary: t('More'), source: 'src', showIf: { answer: 'feelings', includes: 'sure' } },
    { id: 'no_weeks', type: 'yesno', text: t('No weeks given?'), summary: t('No weeks'), source: 'src', showIf: { all: [{ answer: 'joint_pain', equals: 'yes' }, { answer: 'joint_weeks', answered: false }] } },
  );
  q.scores!.push({ id: 'weighted', title: t('Weighted'), items: [{ when: { answer: 'tiredness', atLeast: 5 }, weight: 2.5 }, { when: { answer: 'rash', equals: 'yes' }, weight: 0.5 }, { when: { answer: 'feelings', includes: 'low' } }] });
  const probes: [string, Condition][] = [
    ['one_of', { answer: 'sex', oneOf: ['female'] }],
    ['at_most', { answer: 'tiredness', atMost: 2 }],
    ['between', { answer: 'joint_weeks', atLeast: 100, atMost: 300 }],
    ['answered', { answer: 'rash', answered: true }],
    ['not_answered', { answer: 'sex', answered: false }],
    ['includes_sure', { answer: 'feelings', includes: 'sure' }],
    ['equals_number', { answer: 'tiredness', equals: 5 }],
    ['score_range', { score: 'weighted', atLeast: 2.5, atMost: 3 }],
    ['score_at_most', { not: { score: 'features', atMost: 0 } }],
    ['nested', { any: [{ all: [{ answer: 'rash_spread', equals: 'yes' }, { not: { answer: 'sleep', equals: 'no' } }] }, { score: 'weighted', atLeast: 3.5 }, { answer: 'weeks_known', equals: 'unsure' }] }],
  ];
  for (const [id, when] of probes) q.guidance.push({ id, level: 'info', title: t(id), text: t(`${id} text`), when, sources: ['src'] });
  return q;
}

const cases: [string, () => Questionnaire, number][] = [
  ['the lupus rules', lupusQuestionnaire, 400],
  ['every kind of condition', everyCondition, 400],
];

describe.each(cases)('converters on %s', (_name, make, count) => {
  const questionnaire = make();
  const sets = answerSets(questionnaire, count, 7);

  it('is varied enough: every guidance and every follow-up both applies and does not, on some sets', () => {
    const fired = new Map<string, number>();
    const shown = new Map<string, number>();
    for (const answers of sets) {
      for (const g of evaluate(questionnaire, answers).guidance) fired.set(g.id, (fired.get(g.id) ?? 0) + 1);
      for (const id of visibleQuestions(questionnaire, answers)) shown.set(id, (shown.get(id) ?? 0) + 1);
    }
    for (const g of questionnaire.guidance) expect(fired.get(g.id) ?? 0, g.id).toBeGreaterThan(0);
    for (const g of questionnaire.guidance) expect(fired.get(g.id) ?? 0, g.id).toBeLessThan(count);
    for (const q of questionnaire.sections.flatMap((s) => s.questions).filter((q) => q.showIf)) {
      expect(shown.get(q.id) ?? 0, q.id).toBeGreaterThan(0);
      expect(shown.get(q.id) ?? 0, q.id).toBeLessThan(count);
    }
  });

  it('is a questionnaire our loader accepts', () => {
    const result = checkQuestionnaire(questionnaire);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('json-logic-js gives our guidance, in our order, with our reasons', () => {
    const rules = questionnaireToJsonLogic(questionnaire, 'en');
    for (const answers of sets) {
      const ours = evaluate(questionnaire, answers, { lang: 'en' }).guidance;
      expect(evaluateJsonLogic(rules, answers, true), JSON.stringify(answers)).toEqual(ours);
      expect(evaluateJsonLogic(rules, answers, false).map((g) => g.id)).toEqual(ours.map((g) => g.id));
    }
  });

  it('json-rules-engine gives our guidance, in our order, with our reasons', async () => {
    const rules = questionnaireToRulesEngine(questionnaire, 'en');
    for (const answers of sets) {
      const ours = evaluate(questionnaire, answers, { lang: 'en' }).guidance;
      expect(await evaluateRulesEngine(rules, answers, true), JSON.stringify(answers)).toEqual(ours);
      expect((await evaluateRulesEngine(rules, answers, false)).map((g) => g.id)).toEqual(ours.map((g) => g.id));
    }
  });

  it('SurveyJS has every question, in order, with the matching type', () => {
    const survey = new Model(questionnaireToSurveyJs(questionnaire, 'en'));
    const ours = questionnaire.sections.flatMap((s) => s.questions);
    const types = { yesno: 'radiogroup', single: 'radiogroup', multi: 'checkbox', scale: 'rating', number: 'text' };
    expect(survey.getAllQuestions().map((q) => `${q.name}:${q.getType()}`)).toEqual(ours.map((q) => `${q.id}:${types[q.type]}`));
    expect(survey.pages.map((p) => p.name)).toEqual(questionnaire.sections.map((s) => s.id));
  });

  it('SurveyJS shows exactly the follow-ups we ask (visibleIf from showIf)', () => {
    const survey = new Model(questionnaireToSurveyJs(questionnaire, 'en'));
    let followUpsShown = 0;
    for (const answers of sets) {
      survey.data = answers;
      const shown = survey.getAllQuestions().filter((q) => q.isVisible).map((q) => q.name);
      const asked = visibleQuestions(questionnaire, answers);
      expect(shown, JSON.stringify(answers)).toEqual(asked);
      followUpsShown += asked.length;
    }
    expect(followUpsShown).toBeGreaterThan(0);
  });
});

describe('the bench itself', () => {
  it('gives varied advice: every piece of lupus guidance applies to some generated answer set', () => {
    const questionnaire = lupusQuestionnaire();
    const seen = new Set(answerSets(questionnaire, 2000, 1).flatMap((answers) => evaluate(questionnaire, answers).guidance.map((g) => g.id)));
    expect([...seen].sort()).toEqual(questionnaire.guidance.map((g) => g.id).sort());
  });

  it('generates the same answer sets for the same seed, and only legal answers', () => {
    const questionnaire = lupusQuestionnaire();
    expect(answerSets(questionnaire, 50, 3)).toEqual(answerSets(questionnaire, 50, 3));
    // evaluate checks every answer unless told it is trusted: an illegal value would throw.
    for (const answers of answerSets(questionnaire, 500, 3)) expect(() => evaluate(questionnaire, answers)).not.toThrow();
  });
});

describe('the peers stay out of the widget', () => {
  const root = repoRoot();
  const peers = ['survey-core', 'survey-js-ui', 'json-logic-js', 'json-rules-engine'];

  it('are devDependencies only', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    for (const peer of peers) {
      expect(pkg.dependencies?.[peer], peer).toBeUndefined();
      expect(pkg.devDependencies?.[peer], peer).toBeDefined();
    }
  });

  it('are imported by no file in src/', () => {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    const offenders = walk(join(root, 'src')).filter((file) => peers.some((peer) => new RegExp(`from\\s+['"]${peer}|import\\(\\s*['"]${peer}`).test(readFileSync(file, 'utf8'))));
    expect(offenders).toEqual([]);
  });
});
