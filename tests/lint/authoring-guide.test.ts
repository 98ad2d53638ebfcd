import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCases } from '../../src/cases/run';
import { Case, CasesFile } from '../../src/cases/schema';
import { parseLintConfig } from '../../src/lint/config';
import { lint } from '../../src/lint/lint';
import { formatProblem } from '../../src/questionnaire/formatProblem';
import { loadQuestionnaire } from '../../src/questionnaire/load';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const guide = read('rules/README.md');
/** The guide's JSON snippets, by the name after "json example:" on their opening fence. */
const examples = new Map([...guide.matchAll(/^```json example:([\w-]+)\n([\s\S]*?)^```$/gm)].map((m) => [m[1]!, JSON.parse(m[2]!) as unknown]));
const example = <T>(name: string): T => {
  if (!examples.has(name)) throw new Error(`rules/README.md has no "json example:${name}" block`);
  return structuredClone(examples.get(name)) as T;
};

/** rules/lupus.json with the worked example applied, step by step as the guide says. */
function withWorkedExample(): string {
  const q = JSON.parse(read('rules/lupus.json'));
  q.sources.push(example('source'));
  q.sections.find((s: { id: string }) => s.id === 'skin_and_hair').questions.push(...example<unknown[]>('questions'));
  const lastRoutine = q.guidance.findLastIndex((g: { level: string }) => g.level === 'routine');
  q.guidance.splice(lastRoutine + 1, 0, example('guidance'));
  q.guidance.find((g: { id: string }) => g.id === 'mention_symptoms').when.any.push(example('mention-item'));
  q.guidance.find((g: { id: string }) => g.id === 'no_specific_concerns').when.not.any.push(example('no-concerns-item'));
  // Raised, as the guide says (the next minor version of the file's own).
  q.version = q.version.replace(/^(\d+)\.(\d+)\.\d+$/, (_: string, major: string, minor: string) => `${major}.${Number(minor) + 1}.0`);
  return JSON.stringify(q, null, 2);
}
const lintKeys = (text: string) => lint({ text, file: 'rules/lupus.json' }).problems.map((p) => `${p.severity} [${p.rule}] ${p.message}`);

describe('the worked example in rules/README.md', () => {
  it('has every snippet the steps refer to, each valid JSON', () => {
    expect([...examples.keys()].sort()).toEqual(['cases', 'guidance', 'lint-config', 'mention-item', 'no-concerns-item', 'questions', 'source']);
  });

  it('gives a valid questionnaire', () => {
    const loaded = loadQuestionnaire(withWorkedExample(), 'rules/lupus.json');
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it('adds no lint warning: plain words, no diagnosis, a traceable source, the question read by a rule', () => {
    const before = lintKeys(read('rules/lupus.json'));
    const after = lintKeys(withWorkedExample());
    expect(after.filter((p) => !before.includes(p))).toEqual([]);
  });

  it('passes its own cases and every existing case', () => {
    const loaded = loadQuestionnaire(withWorkedExample());
    if (!loaded.ok) throw new Error('invalid');
    const cases = [...CasesFile.parse(JSON.parse(read('rules/lupus.cases.json'))).cases, ...example<unknown[]>('cases').map((c) => Case.parse(c))];
    expect(runCases(loaded.questionnaire, cases).filter((r) => !r.passed)).toEqual([]);
  });

  it('shows a lint config that is valid and silences the summary-only questions', () => {
    const config = JSON.stringify(example('lint-config'));
    expect(parseLintConfig(config, 'rules/lupus.lint.json').ok).toBe(true);
    const problems = lint({ text: read('rules/lupus.json'), file: 'rules/lupus.json', config: { text: config, file: 'rules/lupus.lint.json' } }).problems;
    expect(problems.filter((p) => p.rule === 'unread-question')).toEqual([]);
  });
});

describe("the README's example of a typo", () => {
  it('is what validate prints for it, at the line and column it names', () => {
    // The README: '"joint_pian" for "joint_pain" in the first condition of the advice on joint symptoms gives:', then the line.
    const shown = /"joint_pian" for "joint_pain"[^`]*```\n(.+)\n```/.exec(read('README.md'))?.[1];
    expect(shown).toBeDefined();
    // The typo made in lupus.json as an author would, in place, so the line and column are real.
    const lupus = read('rules/lupus.json');
    const at = lupus.indexOf('"answer": "joint_pain"', lupus.indexOf('"id": "persistent_joint_symptoms"'));
    const text = lupus.slice(0, at) + '"answer": "joint_pian"' + lupus.slice(at + '"answer": "joint_pain"'.length);
    const loaded = loadQuestionnaire(text, 'rules/lupus.json');
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([shown]);
  });
});
