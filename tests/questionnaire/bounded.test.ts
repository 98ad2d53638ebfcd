/**
 * A hostile or merely large questionnaire must not freeze the page: the "can never apply" check
 * does bounded work, giving up towards "possible" (never a false "can never apply").
 * No timings here: each test just has to finish (a hang fails it), and the budget is observed
 * through `gaveUp`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkQuestionnaire, loadQuestionnaire } from '../../src/questionnaire/load';
import { Reachability } from '../../src/questionnaire/reachability';
import type { Condition, Question, Questionnaire } from '../../src/questionnaire/schema';

const t = (s: string) => ({ en: s });
const yesno = (id: string, showIf?: Condition): Question => ({ id, type: 'yesno', text: t(id), source: 's', ...(showIf ? { showIf } : {}) });
const file = (questions: Question[], when: Condition): Questionnaire => ({
  id: 'x',
  version: '1.0.0',
  title: t('x'),
  languages: ['en'],
  emergencyNumber: '112',
  sources: [{ id: 's', title: 'S' }],
  sections: [{ id: 'main', title: t('main'), questions }],
  guidance: [{ id: 'g', level: 'info', title: t('g'), text: t('g'), when, sources: ['s'] }],
});

/** q0 can never be shown (z both yes and no); each qk is shown if q(k-1) is yes or no. */
function hostileChain(n: number, when: Condition = { answer: 'z', equals: 'yes' }): Questionnaire {
  const questions = [yesno('z'), yesno('q0', { all: [{ answer: 'z', equals: 'yes' }, { answer: 'z', equals: 'no' }] })];
  for (let k = 1; k <= n; k++) questions.push(yesno(`q${k}`, { any: [{ answer: `q${k - 1}`, equals: 'yes' }, { answer: `q${k - 1}`, equals: 'no' }] }));
  return file(questions, when);
}

/** Each question shown if the one before is yes. */
function plainChain(n: number): Questionnaire {
  const questions = [yesno('q0')];
  for (let k = 1; k < n; k++) questions.push(yesno(`q${k}`, { answer: `q${k - 1}`, equals: 'yes' }));
  return file(questions, { answer: `q${n - 1}`, equals: 'yes' });
}

describe('the "can never apply" check does bounded work', () => {
  it('decides a chain of 40 follow-ups that each double the branches, exactly', () => {
    const q = hostileChain(40);
    const result = loadQuestionnaire(JSON.stringify(q, null, 2));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    // Every question of the chain is truly never shown, and nothing else is wrong.
    expect(problems.map((p) => p.message)).toEqual(Array.from({ length: 41 }, (_, k) => `"q${k}" is never shown: no answers make its showIf true`));
    expect(problems.some((p) => /can never apply/.test(p.message))).toBe(false);
  });

  it('accepts a plain chain of 2,000 follow-ups (no stack overflow), giving up on the longest', () => {
    const q = plainChain(2000);
    expect(loadQuestionnaire(JSON.stringify(q, null, 2))).toMatchObject({ ok: true });
    const reach = new Reachability(q);
    for (const question of q.sections[0]!.questions) if (question.showIf) expect(reach.possible(question.showIf, true)).toBe(true);
    expect(reach.gaveUp).toBe(true);
  });

  it('gives up towards "possible" when the recursion is too deep', () => {
    // Asked from the far end first, nothing has been decided on the way: the depth runs out.
    const q = hostileChain(1990, { answer: 'q1990', equals: 'yes' });
    const reach = new Reachability(q);
    expect(reach.possible(q.guidance[0]!.when, true)).toBe(true);
    expect(reach.gaveUp).toBe(true);
    // The same file read in full finishes, and never calls the early questions shown.
    const result = checkQuestionnaire(q);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.path)).toContain('$.sections[0].questions[1].showIf');
  });

  it('does not give up on the lupus file', () => {
    const q: Questionnaire = JSON.parse(readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8'));
    const reach = new Reachability(q);
    for (const g of q.guidance) expect(reach.possible(g.when, true), g.id).toBe(true);
    expect(reach.gaveUp).toBe(false);
  });
});
