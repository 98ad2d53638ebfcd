/** Rule test cases read from their text, checked against the rules: what the CLI and the playground both show. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { casesSummary, runCasesText } from '../../src/cases/load';
import { loadQuestionnaire } from '../../src/questionnaire/load';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const loaded = loadQuestionnaire(read('rules/lupus.json'), 'rules/lupus.json');
if (!loaded.ok) throw new Error('rules/lupus.json does not load');
const lupus = loaded.questionnaire;

describe('cases for rules/lupus.json', () => {
  it('warns that joint_swelling is ignored when joint_pain is "no", naming the answer that hides it', () => {
    const text = JSON.stringify(
      { cases: [{ name: 'swelling, no pain', answers: { red_flags: ['none'], joint_pain: 'no', joint_swelling: 'yes' }, expect: { guidance: ['no_specific_concerns'], topLevel: 'info' } }] },
      null,
      2,
    );
    const run = runCasesText(lupus, text, 'cases.json');
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const line = text.split('\n').findIndex((l) => l.includes('"joint_swelling"')) + 1;
    expect(run.reports).toMatchObject([
      {
        passed: true,
        problems: [
          {
            file: 'cases.json',
            line,
            column: text.split('\n')[line - 1]!.indexOf('"joint_swelling"') + 1,
            path: '$.cases[0].answers.joint_swelling',
            severity: 'warning',
            message: expect.stringMatching(/this answer is ignored: "joint_swelling" is a follow-up that is not asked/),
            hint: expect.stringMatching(/asked only when \{"answer":"joint_pain","equals":"yes"\}; here "joint_pain" is "no"/),
          },
        ],
      },
    ]);
    expect(casesSummary(run.reports)).toBe('1 passed, 0 failed, 1 warning');
  });

  it('fails a case that expects guidance the rules do not have, suggesting the close id', () => {
    const text = JSON.stringify({ cases: [{ name: 'breathless', answers: { red_flags: ['breathless'] }, expect: { guidance: ['emergency_breathles'], topLevel: 'emergency' } }] });
    const run = runCasesText(lupus, text, 'cases.json');
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    expect(run.reports[0]).toMatchObject({
      passed: false,
      problems: [{ line: 1, severity: 'error', path: '$.cases[0].expect.guidance[0]', message: 'the rules have no guidance "emergency_breathles", so no answers can give it', hint: 'did you mean "emergency_breathless"?' }],
    });
  });
});
