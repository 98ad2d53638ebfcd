import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempFiles } from './harness';
import { smallQuestionnaire } from '../fixtures';
import { r4Errors } from '../fhir/r4Schema';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
let file: ReturnType<typeof tempFiles>;
/** The small fixture as lint wants it (a traceable source, with the language of its title); "sex" is read by no rule. */
function tidy(mutate: (q: any) => void = () => {}) {
  const q: any = smallQuestionnaire();
  q.sources[0].url = 'https://www.nhs.uk/conditions/lupus/';
  q.sources[0].lang = 'en';
  mutate(q);
  return q;
}

beforeAll(() => {
  file = tempFiles();
});

describe('symptom-check lint', () => {
  it('prints each warning as file:line:col  warning  path  message  (hint)  [rule], closes with the counts, and exits 0', async () => {
    const rules = file('w.json', tidy());
    const r = await cli('lint', rules);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toMatch(new RegExp(`^${rules}:\\d+:\\d+  warning  \\$\\.sections\\[1\\]\\.questions\\[4\\]\\.id  no guidance, score or follow-up reads "sex"  \\(.*${join(file.dir, 'w.lint.json')}.*\\)  \\[unread-question\\]$`));
    expect(r.lines[1]).toBe('1 problem (0 errors, 1 warning)');
  });

  it('exits 1 on warnings with --strict', async () => {
    const r = await cli('lint', file('w.json', tidy()), '--strict');
    expect(r.code).toBe(1);
    expect(r.lines.at(-1)).toBe('1 problem (0 errors, 1 warning)');
  });

  it('reads the lint config beside the file, so summary-only questions pass --strict', async () => {
    const rules = file('c.json', tidy());
    file('c.lint.json', { rules: './c.json', summaryOnly: { sex: 'printed on the summary for the doctor' } });
    expect(await cli('lint', rules, '--strict')).toMatchObject({ code: 0, out: '0 problems (0 errors, 0 warnings)' });
  });

  it('takes a config named with --config', async () => {
    const config = file('elsewhere.json', { summaryOnly: { sex: 'summary' } });
    expect(await cli('lint', file('w.json', tidy()), '--config', config, '--strict')).toMatchObject({ code: 0 });
    expect(await cli('lint', file('w.json', tidy()), `--config=${join(file.dir, 'missing.json')}`)).toMatchObject({ code: 2, err: `symptom-check: file not found: ${join(file.dir, 'missing.json')}` });
  });

  it('prints validation errors, lints no further, and exits 1', async () => {
    const r = await cli('lint', file('bad.json', tidy((q) => (q.guidance[0].when = { answer: 'red_flags', includes: 'chest_pian' }))));
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/bad\.json:\d+:\d+  error  \$\.guidance\[0\]\.when\.includes  "red_flags" has no option "chest_pian"  \(did you mean "chest_pain"\?\)  \[invalid\]/), '1 problem (1 error, 0 warnings)']);
  });

  it('finds diagnosing words and a hard text, with the grade', async () => {
    const r = await cli(
      'lint',
      file('words.json', tidy((q) => {
        q.guidance[4].text.en = 'You have lupus. Ask about hydroxychloroquine.';
        q.sections[1].questions[2].help = { en: 'Cutaneous manifestations of systemic autoimmunity are heterogeneous.', hi: 'x' };
      })),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/warning  \$\.guidance\[4\]\.text\.en  the advice text of guidance "info_tired" diagnoses: "You have lupus" .*\[diagnosis\]/);
    expect(r.out).toMatch(/warning  \$\.guidance\[4\]\.text\.en  .* names a treatment or clinic: "hydroxychloroquine" .*\[treatment\]/);
    expect(r.out).toMatch(/warning  \$\.sections\[1\]\.questions\[2\]\.help\.en  the help text of question "rash" reads at grade \d+\.\d, above 8 .*\[reading-grade\]/);
    expect(r.out).toMatch(/warning  \$\.guidance\[4\]\.text\.en  the advice text of guidance "info_tired" reads at grade 11\.1, above 8  \(3 words a sentence, .*"hydroxychloroquine" \(6\)\)  \[reading-grade\]/);
    expect(r.lines.at(-1)).toBe('5 problems (0 errors, 5 warnings)');
  });

  it('prints every banned word of a text in one run, each word once with how many times', async () => {
    const text = JSON.stringify(tidy((q) => (q.guidance[4].text.hi = 'स्टीरॉयड लें। प्रेडनिसोलोन लें, फिर प्रेडनिसोलोन लें।')), null, 2);
    const rules = file('many.json', text);
    const at = text.slice(0, text.indexOf('"स्टीरॉयड')).split('\n');
    const where = `${rules}:${at.length}:${at.at(-1)!.length + 1}  warning  $.guidance[4].text.hi  the advice text of guidance "info_tired" (hi) names a treatment or clinic`;
    const hint = '(describe medicines by what they do ("medicines that weaken your immune system") and leave treatment to the doctor)  [treatment]';
    const r = await cli('lint', rules);
    expect(r.lines.filter((l) => l.includes('[treatment]'))).toEqual([`${where}: "स्टीरॉयड" (steroids)  ${hint}`, `${where}: "प्रेडनिसोलोन" (steroids), 2 times  ${hint}`]);
  });

  it('lints several files with one closing line', async () => {
    const r = await cli('lint', file('a.json', tidy()), file('b.json', tidy()));
    expect(r.lines.at(-1)).toBe('2 problems (0 errors, 2 warnings)');
  });

  it('is a usage error without a file or with an unknown option', async () => {
    expect(await cli('lint')).toMatchObject({ code: 2, err: expect.stringMatching(/lint needs at least one file/) });
    expect(await cli('lint', 'x.json', '--strikt')).toMatchObject({ code: 2, err: expect.stringMatching(/unknown option --strikt \(did you mean "--strict"\?\)/) });
  });
  it('validate takes no options: one given is a usage error, not a file that is not found', async () => {
    const r = await cli('validate', 'x.json', '--strict');
    expect(r).toMatchObject({ code: 2, err: expect.stringMatching(/^symptom-check: unknown option --strict\n/) });
    expect(r.err).not.toMatch(/file not found/);
  });
});

describe('symptom-check test --coverage', () => {
  const cases = { cases: [{ name: 'chest pain', answers: { red_flags: ['chest_pain'] }, expect: { guidance: ['emergency_chest'], topLevel: 'emergency' } }] };

  it('lists what no case reached before the closing line', async () => {
    const r = await cli('test', file('cov.json', smallQuestionnaire()), file('cov.cases.json', cases), '--coverage');
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('Coverage by 1 case');
    expect(r.out).toContain('guidance given: 1 of 5; never (4):\n  $.guidance[1]  urgent_leg');
    expect(r.out).toContain('  $.sections[1].questions[1].showIf  {"answer":"joint_pain","equals":"yes"}');
    expect(r.out).toContain('  $.scores[0].items[1].when  {"answer":"rash","equals":"yes"}');
    expect(r.out).toContain('options chosen: 1 of 5; never (4):');
    expect(r.out).toContain('  $.sections[1].questions[4].options[1]  sex: male');
    expect(r.lines.at(-1)).toBe('1 passed, 0 failed');
  });

  it('says all is reached for the lupus rules and their cases', async () => {
    const r = await cli('test', join(root, 'rules/lupus.json'), '--coverage');
    expect(r.lines.slice(1, 4)).toEqual([expect.stringMatching(/^guidance given: (\d+) of \1$/), expect.stringMatching(/^conditions true: (\d+) of \1$/), expect.stringMatching(/^options chosen: (\d+) of \1$/)]);
    expect(r.lines.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('prints no coverage without the flag', async () => {
    const r = await cli('test', file('cov.json', smallQuestionnaire()), file('cov.cases.json', cases));
    expect(r.out).toBe('1 passed, 0 failed');
  });
});

describe('symptom-check fhir', () => {
  it('prints the questionnaire as a valid FHIR R4 Questionnaire', async () => {
    const r = await cli('fhir', join(root, 'rules/lupus.json'));
    expect(r.code).toBe(0);
    const resource = JSON.parse(r.out);
    expect(resource).toMatchObject({ resourceType: 'Questionnaire', url: 'urn:symptom-check:lupus', language: 'en', title: 'Lupus symptom check' });
    expect(r4Errors('Questionnaire', resource)).toEqual([]);
  });

  it('speaks Hindi with --lang hi', async () => {
    const resource = JSON.parse((await cli('fhir', join(root, 'rules/lupus.json'), '--lang', 'hi')).out);
    expect(resource).toMatchObject({ language: 'hi', title: 'ल्यूपस लक्षण जाँच' });
  });

  it('words a regional tag (--lang hi-IN) in its base language, as evaluate does', async () => {
    const regional = await cli('fhir', join(root, 'rules/lupus.json'), '--lang', 'hi-IN');
    expect(regional).toMatchObject({ code: 0, err: '' });
    expect(regional.out).toBe((await cli('fhir', join(root, 'rules/lupus.json'), '--lang=hi')).out);
  });

  it('exits 2 for a language the file does not have', async () => {
    expect(await cli('fhir', join(root, 'rules/lupus.json'), '--lang', 'fr-FR')).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/has no "fr-FR" texts; its languages are en, hi/) });
    expect(await cli('fhir', join(root, 'rules/lupus.json'), '--lang', 'fr')).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/has no "fr" texts; its languages are en, hi/) });
  });

  it('exits 2 for an invalid file, with its problems', async () => {
    expect(await cli('fhir', file('broken.json', '{'))).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/broken\.json:1:2 .*\n.*is not a valid questionnaire/) });
  });
});

describe('the installed command', () => {
  it('finds rules/lupus.json lint-clean, even with --strict', async () => {
    const { stdout } = await run('node', ['bin/symptom-check.js', 'lint', 'rules/lupus.json', '--strict'], { cwd: root });
    expect(stdout.trim().split('\n').at(-1)).toBe('0 problems (0 errors, 0 warnings)');
  }, 30_000);
});
