/**
 * More slips in rules/lupus.json that an audit found misread: a double quote inside a text, a
 * "}" too many, NaN, and a number too large or too small for JavaScript. Each is one problem, in plain words, where to edit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkQuestionnaire, loadQuestionnaire } from '../../src/questionnaire/load';
import { formatProblem } from '../../src/questionnaire/problem';
import { cli, tempFiles } from '../cli/harness';
import { smallQuestionnaire } from '../fixtures';
import { positionOf, problemsOf } from '../problems';

const lupus = readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8');
/** lupus.json with `from` (found once) replaced. */
const broken = (from: string, to: string) => {
  expect(lupus.split(from)).toHaveLength(2);
  return lupus.replace(from, to);
};
/** A syntax error at the start of `needle` in `text`. */
const syntax = (text: string, needle: string, message: string, hint: string) => ({ file: 'rules/test.json', path: '$', ...positionOf(text, needle), message: `JSON syntax error: ${message}`, hint });

describe('a double quote typed inside a text', () => {
  const ESCAPED = 'choose \\"None of these\\".';
  const HINT = 'inside a text, write each double quote as \\" (e.g. "say \\"yes\\"")';
  const early = (word: string) => `a double quote (") inside a text ends it early, before ${word}`;

  it('"None of these": said to end the text early, not "None is not a JSON value (write null)"', () => {
    const text = broken(ESCAPED, 'choose "None of these".');
    expect(positionOf(text, 'None of these"')).toEqual({ line: 125, column: 75 });
    expect(problemsOf(text)).toEqual([syntax(text, 'None of these"', early('None'), HINT)]);
  });
  it.each([
    ['a plain word, not "the text these is not in double quotes"', 'choose any of "these" problems.', 'these'],
    ['a word JSON knows, not "a comma is missing before true"', 'choose any "true" problems.', 'true'],
    ['a number', 'choose "0" problems.', '0'],
    ['only one double quote', 'choose "None of these.', 'None'],
    ['a web address, not "the property name https is not in double quotes"', 'choose "https://example.org" for more.', 'https'],
    ['a word and a colon, not a property name', 'choose "Next: go" now.', 'Next'],
  ])('%s', (_name, slip, word) => {
    const text = broken(ESCAPED, slip);
    const { line, column } = positionOf(text, slip);
    expect(problemsOf(text)).toEqual([{ file: 'rules/test.json', path: '$', line, column: column + slip.indexOf(word), message: `JSON syntax error: ${early(word)}`, hint: HINT }]);
  });
  it('in Hindi', () => {
    const text = broken('तो \\"इनमें से कोई नहीं\\" चुनें', 'तो "इनमें से कोई नहीं" चुनें');
    expect(problemsOf(text)).toEqual([syntax(text, 'इनमें से कोई नहीं"', early('इनमें'), HINT)]);
  });
  it.each([
    ['two texts in a list', '"sources": ["nhs_999", "nhs_seizure"]', '"sources": ["nhs_999" "nhs_seizure"]', ' "nhs_seizure"', 'a comma is missing before "nhs_seizure"', 'add "," here: the items of an object or a list are separated by commas'],
    ['a text and a word in a list', '"sources": ["nhs_999", "nhs_seizure"]', '"sources": ["nhs_999" true, "nhs_seizure"]', ' true', 'a comma is missing before "true"', 'add "," here: the items of an object or a list are separated by commas'],
    ['an unquoted name after a text', '"emergencyNumber": "112",', '"emergencyNumber": "112" note: "x",', 'note', 'the property name note is not in double quotes', 'write "note"'],
    ['"=" for ":"', '"emergencyNumber": "112"', '"emergencyNumber" = "112"', '=', '"=" does not belong here', 'a property name and its value are separated by a colon: "name": value'],
  ])('the old message where it is right: %s', (_name, from, to, needle, message, hint) => {
    const text = broken(from, to);
    const { line, column } = positionOf(text, to);
    expect(problemsOf(text)).toEqual([{ file: 'rules/test.json', path: '$', line, column: column + to.indexOf(needle), message: `JSON syntax error: ${message}`, hint }]);
  });
});

describe('a bracket too many, NaN', () => {
  it('one "}" too many: once, at the property it leaves in a list, not four "comma is missing before ":""', () => {
    const lines = lupus.split('\n');
    expect(lines[126]).toBe('          },');
    lines[126] = '          }},';
    const text = lines.join('\n');
    expect(positionOf(text, '"source": "nhs_999"')).toEqual({ line: 128, column: 11 });
    expect(problemsOf(text)).toEqual([
      syntax(text, '"source": "nhs_999"', 'the property "source" is in a list, not in an object: an object above it was closed too early', 'is there a "}" too many above "source", or a "{" missing before it?'),
    ]);
  });
  it('a "]" too many where an object goes on: "an object", not "a object"', () => {
    const text = broken('"nhs_999",\n          "options"', '"nhs_999"],\n          "options"');
    expect(problemsOf(text)).toEqual([syntax(text, '],\n          "options"', 'a "]" where an object needs "," or "}"', 'is there a "]" too many, or a "}" missing before it?')]);
  });
  it.each(['NaN', 'Infinity', '-Infinity'])('%s: JSON has none, not "write it in double quotes"', (word) => {
    const text = broken('"max": 120,', `"max": ${word},`);
    expect(problemsOf(text)).toEqual([syntax(text, `${word},`, `JSON has no ${word}`, 'write a number, or leave the field out')]);
  });
});

describe('a ":" after a value', () => {
  it('"max": 120: 130: said so at the ":", not "a comma is missing before \":\"" (a comma there would not mend it)', () => {
    const text = broken('"max": 120,', '"max": 120: 130,');
    expect(problemsOf(text)).toEqual([
      syntax(
        text,
        ': 130',
        'a ":" after a value: a property is one name, ":" and one value',
        'if the text before ":" is a new property\'s name, put a comma before that name ("a": 1, "b": 2); if not, remove the ":" and what follows it',
      ),
    ]);
  });
  it('a missing comma between two properties is still a missing comma', () => {
    const text = broken('"max": 120,', '"max": 120 "step": 1,');
    expect(problemsOf(text)[0]).toMatchObject({ ...positionOf(text, ' "step"'), message: 'JSON syntax error: a comma is missing before "step"' });
  });
});

describe('a number too small to tell from 0 (1e-400)', () => {
  const HINT = 'write 0, or a number no closer to 0 than about 5e-324';

  it.each(['1e-400', '-2.5e-330', '0.1e-323'])('%s in the questionnaire: said so at it, not read as 0 in silence', (written) => {
    const text = broken('"min": 0,\n          "max": 120,', `"min": ${written},\n          "max": 120,`);
    expect(problemsOf(text)).toEqual([{ file: 'rules/test.json', path: '$.sections[1].questions[0].min', ...positionOf(text, written), message: `${written} is too small a number: it would be read as 0`, hint: HINT }]);
  });
  it.each(['0', '-0', '0.0', '0e5', '0E-400', '5e-324'])('%s is a number JavaScript holds: no problem', (written) => {
    const result = loadQuestionnaire(broken('"min": 0,\n          "max": 120,', `"min": ${written},\n          "max": 120,`), 'rules/test.json');
    expect(result.ok && result.questionnaire.sections[1]!.questions[0]).toMatchObject({ id: 'age', min: Number(written) });
  });
  it('in an answers file (evaluate): said so, with the place', async () => {
    const file = tempFiles();
    const answers = file('answers.json', '{"age": 1e-999}');
    const r = await cli('evaluate', file('lupus.json', lupus), answers);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n')[0]).toBe(`${answers}:1:9  $.age  1e-999 is too small a number: it would be read as 0  (${HINT})`);
  });
});

describe('a number too large (1e400)', () => {
  const HINT = 'write a smaller number: the largest a number can be is about 1.8e308';

  it('in the questionnaire: said so at it, not "expected number, got number null"', () => {
    const text = broken('"max": 120,', '"max": 1e400,');
    expect(problemsOf(text)).toEqual([{ file: 'rules/test.json', path: '$.sections[1].questions[0].max', ...positionOf(text, '1e400'), message: '1e400 is too large a number', hint: HINT }]);
  });
  it('in an answers file (evaluate): said so, not "got null"', async () => {
    const file = tempFiles();
    const answers = file('answers.json', '{"age": -1e400}');
    const r = await cli('evaluate', file('lupus.json', lupus), answers);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n')[0]).toBe(`${answers}:1:9  $.age  -1e400 is too large a number  (${HINT})`);
  });
  it('in a questionnaire given as an object: not "number null"', () => {
    const q = smallQuestionnaire();
    const question = q.sections[1]!.questions[1]!;
    expect(question).toMatchObject({ id: 'joint_weeks', max: 520 });
    Object.assign(question, { max: Infinity });
    const result = checkQuestionnaire(q);
    expect(!result.ok && result.problems.map(formatProblem)).toEqual(['rules  $.sections[1].questions[1].max  expected number, got Infinity, too large a number  (write a number, e.g. 0)']);
  });
});
