import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempFiles } from './harness';
import { smallQuestionnaire } from '../fixtures';

const run = promisify(execFile);
let file: ReturnType<typeof tempFiles>;

beforeAll(() => {
  file = tempFiles();
});

describe('symptom-check validate', () => {
  it('says ok for a valid file and exits 0', async () => {
    const r = await cli('validate', file('good.json', smallQuestionnaire()));
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/good\.json: ok \(small 1\.2\.3\)/) });
  });
  it('prints file:line:col  path  message  (hint) and exits 1', async () => {
    const q: any = smallQuestionnaire();
    q.guidance[0].when = { answer: 'red_flags', includes: 'chest_pian' };
    const path = file('bad.json', q);
    const r = await cli('validate', path);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^${path}:\\d+:\\d+  \\$\\.guidance\\[0\\]\\.when\\.includes  "red_flags" has no option "chest_pian"  \\(did you mean "chest_pain"\\?\\)$`, 'm'));
  });
  it('checks several files', async () => {
    const r = await cli('validate', file('a.json', smallQuestionnaire()), file('b.json', '{'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/a\.json: ok/);
    expect(r.out).toMatch(/b\.json:1:2 .*an object is not closed/);
  });
  it('exits 2 for a missing file, saying so in words', async () => {
    const path = join(file.dir, 'nope.json');
    expect(await cli('validate', path)).toMatchObject({ code: 2, err: `symptom-check: file not found: ${path}` });
  });
  it('exits 2 for a folder, saying it is one', async () => {
    expect(await cli('validate', file.dir)).toMatchObject({ code: 2, err: `symptom-check: ${file.dir} is a folder, not a file` });
  });
  it('a cases file: one line saying which command runs it, not the schema\'s complaints, and exits 1', async () => {
    const text = '{\n  "rules": "./named.json",\n  "cases": []\n}\n';
    const path = file('named.cases.json', text);
    const r = await cli('validate', path);
    expect(r).toMatchObject({ code: 1, lines: [`${path}:3:3  $.cases  this is a rule test cases file, not a questionnaire  (to run its cases against the questionnaire: symptom-check test ${join(file.dir, 'named.json')} ${path})`] });
  });
  it('lint given a cases file: the same one line, as an error, and exits 1', async () => {
    const path = file('linted.cases.json', { rules: './named.json', cases: [] });
    const r = await cli('lint', path);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/this is a rule test cases file, not a questionnaire .*symptom-check test /);
    expect(r.out).not.toMatch(/unknown property|is missing/);
  });
  it('a cases file that names no rules: RULES stands in for them', async () => {
    const path = file('loose.cases.json', { cases: [] });
    expect((await cli('validate', path)).out).toContain(`(to run its cases against the questionnaire: symptom-check test RULES ${path})`);
  });
  it('a questionnaire with a stray "cases" keeps its own problems', async () => {
    const r = await cli('validate', file('stray.json', { ...smallQuestionnaire(), cases: [] }));
    expect(r).toMatchObject({ code: 1, out: expect.stringContaining('unknown property "cases"') });
  });
});

describe('symptom-check evaluate', () => {
  it('prints the guidance as JSON, most urgent first, with reasons', async () => {
    const r = await cli('evaluate', file('q.json', smallQuestionnaire()), file('ans.json', { red_flags: ['swollen_leg'], joint_pain: 'yes', rash: 'yes' }));
    expect(r.code).toBe(0);
    const { guidance } = JSON.parse(r.out);
    expect(guidance.map((g: any) => g.id)).toEqual(['urgent_leg', 'routine_features']);
    expect(guidance[0]).toEqual({ id: 'urgent_leg', level: 'urgent', title: 'See a doctor today', text: 'A swollen leg can be a clot.', because: ['Warning signs: One swollen leg'] });
  });
  it('speaks Hindi with --lang hi', async () => {
    const r = await cli('evaluate', file('q.json', smallQuestionnaire()), file('ans.json', { red_flags: ['chest_pain'] }), '--lang', 'hi');
    expect(JSON.parse(r.out).guidance[0].title).toBe('Get emergency care now (hi)');
  });
  it('words a regional tag in its base language, and refuses a language the file does not have', async () => {
    const regional = await cli('evaluate', file('q.json', smallQuestionnaire()), file('ans.json', { red_flags: ['chest_pain'] }), '--lang', 'hi-IN');
    expect(JSON.parse(regional.out).guidance[0]).toMatchObject({ title: 'Get emergency care now (hi)', because: ['Warning signs (hi): Chest pain (hi)'] });
    for (const lang of ['fr', 'constructor']) {
      const r = await cli('evaluate', file('q.json', smallQuestionnaire()), file('ans.json', { red_flags: ['chest_pain'] }), '--lang', lang);
      expect(r).toMatchObject({ code: 2, out: '', err: expect.stringContaining(`has no "${lang}" texts; its languages are en, hi`) });
    }
  });
  it('exits 2 naming each bad answer at its place, as in a cases file: a value at the value, an unknown question at its key', async () => {
    const text = '{\n  "red_flags": ["chest_pian"],\n  "joint_pian": "yes"\n}\n';
    const path = file('bad-ans.json', text);
    const r = await cli('evaluate', file('q.json', smallQuestionnaire()), path);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n')).toEqual([
      `${path}:2:16  error  $.red_flags  "red_flags" cannot take this answer: "chest_pian" is not one of the options (chest_pain, swollen_leg, none); did you mean "chest_pain"?`,
      `${path}:3:3  error  $.joint_pian  the rules have no question "joint_pian"  (did you mean "joint_pain"?)`,
      `symptom-check: ${path} has answers small cannot take`,
    ]);
  });
  it('warns (on stderr, exit 0) that an answer to a follow-up these answers do not ask is ignored, as `test` does for a case', async () => {
    const text = '{\n  "red_flags": ["none"],\n  "joint_pain": "no",\n  "joint_weeks": 10\n}\n';
    const path = file('follow-ans.json', text);
    const r = await cli('evaluate', file('q.json', smallQuestionnaire()), path);
    expect(r.code).toBe(0);
    expect(r.err.split('\n')).toEqual([
      `${path}:4:3  warning  $.joint_weeks  this answer is ignored: "joint_weeks" is a follow-up that is not asked with the other answers in this file  (it is asked only when {"answer":"joint_pain","equals":"yes"}; here "joint_pain" is "no". Remove this answer, or change the one it follows up)`,
    ]);
    const without = await cli('evaluate', file('q.json', smallQuestionnaire()), file('asked-ans.json', { red_flags: ['none'], joint_pain: 'no' }));
    expect(without.err).toBe('');
    expect(r.out).toBe(without.out);
  });
  it('answers that are not an object: at 1:1, with what an answers file holds', async () => {
    const path = file('list-ans.json', '["rash"]');
    const r = await cli('evaluate', file('q.json', smallQuestionnaire()), path);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n')[0]).toBe(`${path}:1:1  error  $  expected an object, got a list  (an answers file is an object keyed by question id, e.g. {"joint_pain": "yes"})`);
  });
  it('exits 2 when the answers are not JSON', async () => {
    const r = await cli('evaluate', file('q.json', smallQuestionnaire()), file('broken.json', '{rash'));
    expect(r).toMatchObject({ code: 2, err: expect.stringMatching(/broken\.json could not be read as answers \(see above\)/) });
  });
});

describe('symptom-check test', () => {
  const cases = (expectGuidance: string[]) => ({
    cases: [
      { name: 'chest pain', answers: { red_flags: ['chest_pain'] }, expect: { guidance: ['emergency_chest'], topLevel: 'emergency' } },
      { name: 'joints and rash', answers: { red_flags: ['none'], joint_pain: 'yes', rash: 'yes' }, expect: { guidance: expectGuidance, topLevel: 'routine' } },
    ],
  });
  it('passes with a closing "N passed, N failed" line', async () => {
    const r = await cli('test', file('q.json', smallQuestionnaire()), file('q.cases.json', cases(['routine_features'])));
    expect(r.code).toBe(0);
    expect(r.out.split('\n').at(-1)).toBe('2 passed, 0 failed');
  });
  it('finds the cases file beside the rules by default', async () => {
    expect((await cli('test', file('q.json', smallQuestionnaire()))).out).toMatch(/2 passed, 0 failed/);
  });
  it('prints each failure with expected and got, at the case\'s "expect", and exits 1', async () => {
    const text = JSON.stringify(cases(['info_tired']), null, 2);
    const path = file('wrong.cases.json', text);
    const r = await cli('test', file('q.json', smallQuestionnaire()), path);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'FAIL joints and rash',
      `  ${path}:${positionOf(text, '"expect"', text.indexOf('joints and rash'))}  error  $.cases[1].expect  guidance: expected [info_tired], got [routine_features]; missing info_tired; unexpected routine_features`,
      '1 passed, 1 failed',
    ]);
  });
  it('a cases file given as RULES: one line saying which command runs it, and exits 2', async () => {
    const path = file('given-as-rules.cases.json', cases(['routine_features']));
    const r = await cli('test', path);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toEqual([
      `${path}:2:3  $.cases  this is a rule test cases file, not a questionnaire  (to run its cases against the questionnaire: symptom-check test RULES ${path})`,
      `symptom-check: ${path} is a cases file, not a questionnaire`,
    ]);
  });
});

/** Line and column (1-based) where `needle` starts in `text`, found independently of the tool. */
function positionOf(text: string, needle: string, from = 0) {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe('symptom-check test: mistakes in the cases file, at file:line:column with the fix', () => {
  const one = (kase: string) => `{\n  "cases": [\n    ${kase}\n  ]\n}\n`;
  it('a syntax error: line and column, not an offset, and the likely fix', async () => {
    const text = one('{ "name": "chest", "answers": { "red_flags": ["chest_pain"] }, "expect": { "guidance": ["emergency_chest"], } }');
    const path = file('comma.cases.json', text);
    const r = await cli('test', file('q.json', smallQuestionnaire()), path);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`${path}:${positionOf(text, ', } }')}  $  JSON syntax error: a comma too many before "}"  (remove this comma: JSON has no comma after the last item)`);
    expect(r.err).not.toMatch(/position \d/);
  });
  it('an unknown property: where it is, and the one it was meant to be', async () => {
    const text = one('{ "name": "chest", "answers": { "red_flags": ["chest_pain"] }, "expect": { "guidance": ["emergency_chest"], "toplevel": "emergency" } }');
    const path = file('key.cases.json', text);
    const r = await cli('test', file('q.json', smallQuestionnaire()), path);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path}:${positionOf(text, '"toplevel"')}  $.cases[0].expect.toplevel  unknown property "toplevel"  (did you mean "topLevel"?)`);
  });
  it('an expected guidance id the rules do not have: said at its place, with the close one', async () => {
    const text = one('{ "name": "chest", "answers": { "red_flags": ["chest_pain"] }, "expect": { "guidance": ["emergency_chset"], "topLevel": "emergency" } }');
    const path = file('guidance.cases.json', text);
    const r = await cli('test', file('q.json', smallQuestionnaire()), path);
    expect(r.code).toBe(1);
    expect(r.lines.slice(0, 2)).toEqual([
      'FAIL chest',
      `  ${path}:${positionOf(text, '"emergency_chset"')}  error  $.cases[0].expect.guidance[0]  the rules have no guidance "emergency_chset", so no answers can give it  (did you mean "emergency_chest"?)`,
    ]);
  });
  it('an answer to a follow-up the other answers do not ask: a warning that it is ignored, at the answer', async () => {
    const text = one('{ "name": "no pain", "answers": { "red_flags": ["none"], "joint_pain": "no", "joint_weeks": 10 }, "expect": { "guidance": [] } }');
    const path = file('hidden.cases.json', text);
    const r = await cli('test', file('q.json', smallQuestionnaire()), path);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      'WARN no pain',
      `  ${path}:${positionOf(text, '"joint_weeks"')}  warning  $.cases[0].answers.joint_weeks  this answer is ignored: "joint_weeks" is a follow-up that is not asked with the other answers of this case  (it is asked only when {"answer":"joint_pain","equals":"yes"}; here "joint_pain" is "no". Remove this answer, or change the one it follows up)`,
      '1 passed, 0 failed, 1 warning',
    ]);
  });
  it('answers naming an unknown question or a value the question cannot take: each at its place', async () => {
    const text = one('{ "name": "typos", "answers": { "joint_pian": "yes", "rash": "maybe" }, "expect": { "guidance": [] } }');
    const path = file('answers.cases.json', text);
    const r = await cli('test', file('q.json', smallQuestionnaire()), path);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'FAIL typos',
      `  ${path}:${positionOf(text, '"joint_pian"')}  error  $.cases[0].answers.joint_pian  the rules have no question "joint_pian"  (did you mean "joint_pain"?)`,
      `  ${path}:${positionOf(text, '"maybe"')}  error  $.cases[0].answers.rash  "rash" cannot take this answer: "maybe" is not an answer to a yes/no question; use "yes", "no" or "unsure"`,
      '0 passed, 1 failed',
    ]);
  });
  it('a property given twice: at the second copy, with the line of the first, and nothing is run', async () => {
    const text = one('{ "name": "chest", "answers": { "red_flags": ["chest_pain"] },\n      "expect": { "guidance": ["emergency_chest"], "topLevel": "emergency" },\n      "expect": { "guidance": [] } }');
    const path = file('twice.cases.json', text);
    const r = await cli('test', file('q.json', smallQuestionnaire()), path);
    expect(r.code).toBe(2);
    expect(r.err.split('\n').slice(0, 2)).toEqual([
      `${path}:${positionOf(text, '"expect"', text.indexOf('"expect"') + 1)}  $.cases[0].expect  "expect" is given twice in the same object (first on line 4)  (remove one of the two: only the last one would count)`,
      `symptom-check: ${path} is not a valid cases file`,
    ]);
    expect(r.out).toBe('');
  });
  it('an answer given twice in a case: at the second copy', async () => {
    const text = one('{ "name": "skin", "answers": { "red_flags": ["none"], "rash": "yes", "rash": "no" }, "expect": { "guidance": [] } }');
    const path = file('answer-twice.cases.json', text);
    const r = await cli('test', file('q.json', smallQuestionnaire()), path);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path}:${positionOf(text, '"rash"', text.indexOf('"rash"') + 1)}  $.cases[0].answers.rash  "rash" is given twice in the same object (first on line 3)  (remove one of the two: only the last one would count)`);
  });
  it('lint: a property given twice in the lint config is an error there', async () => {
    const config = '{\n  "summaryOnly": {\n    "sex": "summary",\n    "sex": "again"\n  }\n}\n';
    const rules = file('twice.json', { ...smallQuestionnaire(), sources: [{ id: 'src', title: 'A source', publisher: 'NHS' }] });
    const configPath = file('twice.lint.json', config);
    const r = await cli('lint', rules);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${configPath}:${positionOf(config, '"sex"', config.indexOf('"sex"') + 1)}  error  $.summaryOnly.sex  "sex" is given twice in the same object (first on line 3)  (remove one of the two: only the last one would count)  [config]`,
      '1 problem (1 error, 0 warnings)',
    ]);
  });
  it('evaluate: an answer given twice in the answers file', async () => {
    const text = '{\n  "rash": "yes",\n  "rash": "no"\n}\n';
    const path = file('twice-answers.json', text);
    const r = await cli('evaluate', file('q.json', smallQuestionnaire()), path);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toContain(`${path}:3:3  $.rash  "rash" is given twice in the same object (first on line 2)  (remove one of the two: only the last one would count)`);
  });
  it('evaluate: answers that are not JSON are placed by line and column', async () => {
    const path = file('broken-answers.json', '{\n  "rash": "yes",\n}\n');
    const r = await cli('evaluate', file('q.json', smallQuestionnaire()), path);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path}:2:16  $  JSON syntax error: a comma too many before "}"`);
  });
});

describe('symptom-check schema and usage', () => {
  it('prints the JSON Schema', async () => {
    const r = await cli('schema');
    expect(JSON.parse(r.out)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
  });
  it('exits 2 with usage for an unknown command', async () => {
    expect(await cli('frobnicate')).toMatchObject({ code: 2, err: expect.stringMatching(/unknown command "frobnicate"[\s\S]*Usage/) });
  });
  it('names the command meant when one is mistyped', async () => {
    expect(await cli('valdate', 'rules/lupus.json')).toMatchObject({ code: 2, err: expect.stringMatching(/^symptom-check: unknown command "valdate" \(did you mean "validate"\?\)\n/) });
  });
  it('--help or -h after any command prints that command\'s usage and exits 0, whatever else is given', async () => {
    const synopses = {
      validate: 'validate FILE...',
      lint: 'lint FILE... [--strict] [--config LINTFILE]',
      evaluate: 'evaluate RULES ANSWERS [--lang L]',
      test: 'test RULES [CASES] [--coverage]',
      fhir: 'fhir RULES [--lang L]',
      schema: 'schema',
    };
    for (const [command, synopsis] of Object.entries(synopses)) {
      for (const args of [['--help'], ['-h'], ['missing.json', '--help']]) {
        const r = await cli(command, ...args);
        expect(r).toMatchObject({ code: 0, err: '' });
        expect(r.out.split('\n')[0]).toBe(`Usage: symptom-check ${synopsis}`);
        expect(r.out).toContain('Exit codes:');
      }
    }
  });
  it('help COMMAND is COMMAND --help; help alone is the whole usage', async () => {
    expect(await cli('help', 'test')).toEqual(await cli('test', '--help'));
    expect(await cli('help')).toMatchObject({ code: 0, out: expect.stringMatching(/^Usage: symptom-check <command>[\s\S]*  validate FILE\.\.\. [\s\S]*  schema /) });
  });
});

describe('the installed command', () => {
  it('runs through npx without a build step', async () => {
    const path = file('q.json', smallQuestionnaire());
    const { stdout } = await run('node', ['bin/symptom-check.js', 'validate', path], { cwd: join(import.meta.dirname, '../..') });
    expect(stdout).toMatch(/ok \(small 1\.2\.3\)/);
    await expect(run('node', ['bin/symptom-check.js', 'validate', file('bad.json', '[]')])).rejects.toMatchObject({ code: 1 });
  }, 30_000);

  it('stops quietly when its reader stops early, as in `| head -1`', async () => {
    // Many files with problems: far more output than the reader takes.
    const paths = Array.from({ length: 300 }, (_, i) => file(`broken-${i}.json`, '{"sections": ['));
    const child = spawn('node', ['bin/symptom-check.js', 'validate', ...paths], { cwd: join(import.meta.dirname, '../..') });
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(1); // the command's own verdict: problems found
  }, 30_000);
});
