/**
 * A file saved as UTF-16, for every command that reads one: one problem at 1:1, to save it as
 * UTF-8. One saved as Windows-1252: one problem at its first byte that is not UTF-8.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempFiles } from './harness';
import { smallQuestionnaire } from '../fixtures';

let file: ReturnType<typeof tempFiles>;
beforeAll(() => {
  file = tempFiles();
});

/** `value` as JSON in UTF-16 little-endian with a byte order mark, as Windows Notepad may save it. */
const utf16 = (name: string, value: unknown) => {
  const path = join(file.dir, name);
  writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(value, null, 2), 'utf16le')]));
  return path;
};
const problem = (path: string) =>
  `${path}:1:1  $  the file is not saved as UTF-8 text: it looks like UTF-16  (save it again as UTF-8: in VS Code, click the encoding in the status bar, then "Save with Encoding" and "UTF-8")`;

describe('a UTF-16 file', () => {
  it('validate: the questionnaire', async () => {
    const path = utf16('q16.json', smallQuestionnaire());
    expect(await cli('validate', path)).toMatchObject({ code: 1, lines: [problem(path)] });
  });
  it('test: the cases file', async () => {
    const path = utf16('q.cases.json', { cases: [{ name: 'x', answers: {}, expect: { guidance: [] } }] });
    const r = await cli('test', file('q.json', smallQuestionnaire()), path);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n').slice(0, 2)).toEqual([problem(path), `symptom-check: ${path} is not a valid cases file`]);
  });
  it('lint: the lint config', async () => {
    const rules = file('l.json', { ...smallQuestionnaire(), sources: [{ id: 'src', title: 'A source', publisher: 'NHS' }] });
    const config = utf16('l.lint.json', { summaryOnly: { sex: 'summary' } });
    const r = await cli('lint', rules);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe(`${problem(config).replace('  $  ', '  error  $  ')}  [config]`);
  });
  it('evaluate: the answers file', async () => {
    const path = utf16('answers16.json', { rash: 'yes' });
    const r = await cli('evaluate', file('q.json', smallQuestionnaire()), path);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n').slice(0, 2)).toEqual([problem(path), `symptom-check: ${path} could not be read as answers (see above)`]);
  });
});

describe('a Windows-1252 file (ô is byte F4), refused at that byte, not passed with "sympt\ufffdme"', () => {
  const notUtf8 = (path: string, at: string) =>
    `${path}:${at}  $  a character here is "\ufffd", the mark of text that was not saved or read as UTF-8 (patients would see it)  (if the file was saved in another encoding, save it again as UTF-8: in VS Code, click the encoding in the status bar, then "Reopen with Encoding" and the one it was saved in (e.g. "Western (Windows 1252)"), then "Save with Encoding" and "UTF-8"; if you meant the character, write \\ufffd)`;
  const windows1252 = (name: string, text: string) => {
    const path = join(file.dir, name);
    writeFileSync(path, Buffer.from(text, 'latin1'));
    return path;
  };
  it('validate: the questionnaire', async () => {
    const text = JSON.stringify(smallQuestionnaire(), null, 2).replace('"en": "Small check"', '"en": "Vérifier vos symptômes"');
    const path = windows1252('q1252.json', text);
    expect(await cli('validate', path)).toMatchObject({ code: 1, lines: [notUtf8(path, '6:13')] });
  });
  it('evaluate: the answers file', async () => {
    const path = windows1252('answers1252.json', '{\n  "rash": "yes",\n  "note": "symptôme"\n}');
    const r = await cli('evaluate', file('q.json', smallQuestionnaire()), path);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n').slice(0, 2)).toEqual([notUtf8(path, '3:17'), `symptom-check: ${path} could not be read as answers (see above)`]);
  });
});
