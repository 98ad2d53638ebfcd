/** Rule test cases read from their text, checked against the rules: what the CLI and the playground both show. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { casesSummary, formatCasesRun, runCasesText } from '../../src/cases/load';
import { loadQuestionnaire } from '../../src/questionnaire/load';
import { positionOf } from '../problems';

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

describe('a property given twice in a cases file', () => {
  // JSON.parse would keep the last copy silently: the case would test what its author did not read.
  const one = (kase: string) => `{\n  "cases": [\n    ${kase}\n  ]\n}\n`;
  it('"expect" twice: an error at the second copy, naming the line of the first, and nothing is run', () => {
    const text = one(`{
      "name": "chest pain",
      "answers": { "red_flags": ["chest_pain"] },
      "expect": { "guidance": ["emergency_chest_pain"], "topLevel": "emergency" },
      "expect": { "guidance": ["no_specific_concerns"], "topLevel": "info" }
    }`);
    const run = runCasesText(lupus, text, 'cases.json');
    expect(run).toEqual({
      ok: false,
      problems: [
        {
          file: 'cases.json',
          ...positionOf(text, '"expect"', 1),
          path: '$.cases[0].expect',
          message: `"expect" is given twice in the same object (first on line ${positionOf(text, '"expect"').line})`,
          hint: 'remove one of the two: only the last one would count',
        },
      ],
    });
  });
  it('the same answer twice in "answers": at the second copy', () => {
    const text = one('{ "name": "joints", "answers": { "red_flags": ["none"], "joint_pain": "yes", "joint_pain": "no" }, "expect": { "guidance": [] } }');
    const run = runCasesText(lupus, text, 'cases.json');
    expect(run).toEqual({
      ok: false,
      problems: [
        {
          file: 'cases.json',
          ...positionOf(text, '"joint_pain"', 1),
          path: '$.cases[0].answers.joint_pain',
          message: '"joint_pain" is given twice in the same object (first on line 3)',
          hint: 'remove one of the two: only the last one would count',
        },
      ],
    });
  });
  it('lists every second copy, in file order', () => {
    const text = one('{ "name": "a", "name": "b", "answers": { "rash": "yes", "rash": "no" }, "expect": { "guidance": [], "guidance": [] } }');
    const run = runCasesText(lupus, text, 'cases.json');
    if (run.ok) throw new Error('expected problems');
    expect(run.problems.map((p) => [p.path, p.line, p.column])).toEqual([
      ['$.cases[0].name', positionOf(text, '"name"', 1).line, positionOf(text, '"name"', 1).column],
      ['$.cases[0].answers.rash', positionOf(text, '"rash"', 1).line, positionOf(text, '"rash"', 1).column],
      ['$.cases[0].expect.guidance', positionOf(text, '"guidance"', 1).line, positionOf(text, '"guidance"', 1).column],
    ]);
  });
  it('rules/lupus.cases.json has no property twice', () => {
    const run = runCasesText(lupus, read('rules/lupus.cases.json'), 'rules/lupus.cases.json');
    expect(run.ok && run.reports.every((r) => r.passed)).toBe(true);
  });
});


describe('a case that fails', () => {
  const text = `{
  "cases": [
    {
      "name": "chest pain",
      "answers": { "red_flags": ["chest_pain"] },
      "expect": { "guidance": ["emergency_chest_pain"], "topLevel": "emergency" }
    },
    {
      "name": "breathless, expecting the wrong guidance",
      "answers": { "red_flags": ["breathless"] },
      "expect": { "guidance": ["emergency_chest_pain"], "topLevel": "emergency" }
    }
  ]
}
`;
  it("is placed at its \"expect\", the line to edit, like every other message", () => {
    const run = runCasesText(lupus, text, 'lupus.cases.json');
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    expect(run.reports[1]).toMatchObject({ passed: false, at: { file: 'lupus.cases.json', ...positionOf(text, '"expect"', 1), path: '$.cases[1].expect' } });
  });
  it('prints the failure as file:line:col  error  path  message, under the case', () => {
    const run = runCasesText(lupus, text, 'lupus.cases.json');
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const { line, column } = positionOf(text, '"expect"', 1);
    expect(formatCasesRun(run.reports).lines).toEqual([
      'FAIL breathless, expecting the wrong guidance',
      `  lupus.cases.json:${line}:${column}  error  $.cases[1].expect  guidance: expected [emergency_chest_pain], got [emergency_breathless]; missing emergency_chest_pain; unexpected emergency_breathless`,
    ]);
  });
});
