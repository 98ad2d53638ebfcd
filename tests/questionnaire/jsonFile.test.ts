/** How the text of a JSON file is read, for a questionnaire and the files beside it alike. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readJsonFile } from '../../src/questionnaire/jsonFile';
import { loadQuestionnaire } from '../../src/questionnaire/load';
import { formatProblem } from '../../src/questionnaire/problem';
import { smallQuestionnaire } from '../fixtures';
import { positionOf, problemsOf } from '../problems';

const json = JSON.stringify(smallQuestionnaire(), null, 2);
/** Bytes as the command line reads them (`readFileSync(path, 'utf8')`) and a browser's fetch decodes them. */
const asUtf8 = (bytes: Buffer) => new TextDecoder().decode(bytes);
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const UTF16 =
  'rules/test.json:1:1  $  the file is not saved as UTF-8 text: it looks like UTF-16  (save it again as UTF-8: in VS Code, click the encoding in the status bar, then "Save with Encoding" and "UTF-8")';

describe('a file saved as UTF-16', () => {
  it.each([
    ['little-endian, with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')])],
    ['little-endian, without one', Buffer.from(json, 'utf16le')],
    ['big-endian, with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(json)])],
    ['big-endian, without one', utf16be(json)],
  ])('%s: one problem at 1:1, to save it as UTF-8', (_name, bytes) => {
    expect(problemsOf(asUtf8(bytes)).map(formatProblem)).toEqual([UTF16]);
  });
  it('with a byte order mark, also when its text is mostly Hindi (no NUL bytes of its own)', () => {
    const hindi = JSON.stringify({ t: 'ल्यूपस लक्षण जाँच: जोड़ों में दर्द, थकान, त्वचा पर चकत्ते, बालों का झड़ना' });
    expect(problemsOf(asUtf8(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(hindi, 'utf16le')]))).map(formatProblem)).toEqual([UTF16]);
  });
  it('the same for a file beside the questionnaire (cases, lint config, answers)', () => {
    const read = readJsonFile(asUtf8(Buffer.from('{"cases": []}', 'utf16le')), 'rules/test.json', 'a cases file is {"cases": [...]}');
    expect(!read.ok && read.problems.map(formatProblem)).toEqual([UTF16]);
  });
  it('a UTF-8 byte order mark is fine, and left out of columns', () => {
    // As the command line reads a file (readFileSync 'utf8' keeps the mark; TextDecoder would drop it).
    const withBom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]).toString('utf8');
    expect(withBom(json).charCodeAt(0)).toBe(0xfeff);
    expect(loadQuestionnaire(withBom(json), 'x.json').ok).toBe(true);
    expect(problemsOf(withBom('{"id": 1,}')).map((p) => `${p.line}:${p.column}`)).toEqual(problemsOf('{"id": 1,}').map((p) => `${p.line}:${p.column}`));
  });
  it('a file that is not text at all (gzip, zip) is said to be so, not taken for UTF-16', () => {
    const gzipped = asUtf8(gzipSync(Buffer.from(json)));
    expect(problemsOf(gzipped).map(formatProblem)).toEqual(['rules/test.json:1:1  $  the file is not a text file: it holds bytes that JSON text never has  (is this the right file? (a .json file saved as plain UTF-8 text))']);
  });
});

describe('a file saved as Latin-1 or Windows-1252, not UTF-8', () => {
  const french = json.replace('"en": "Small check"', '"en": "Symptômes du lupus"');
  const NOT_UTF8 = {
    message: 'a character here is "\ufffd", the mark of text that was not saved or read as UTF-8 (patients would see it)',
    hint: 'if the file was saved in another encoding, save it again as UTF-8: in VS Code, click the encoding in the status bar, then "Reopen with Encoding" and the one it was saved in (e.g. "Western (Windows 1252)"), then "Save with Encoding" and "UTF-8"; if you meant the character, write \\ufffd',
  };

  it.each([
    ['as the command line reads it', (bytes: Buffer) => bytes.toString('utf8')],
    ['as a browser decodes it', asUtf8],
  ])('%s: refused at the first byte that is not UTF-8 (the ô), not passed with "Sympt�mes"', (_name, read) => {
    expect(french).not.toBe(json);
    const text = read(Buffer.from(french, 'latin1'));
    expect(text).toContain('Sympt\ufffdmes');
    expect(problemsOf(text)).toEqual([{ file: 'rules/test.json', path: '$', ...positionOf(french, 'ômes'), ...NOT_UTF8 }]);
  });
  it('the same for a file beside the questionnaire, after a UTF-8 byte order mark', () => {
    expect(readJsonFile(`\ufeff{"rash": "oui, très"}`, 'answers.json', '').ok).toBe(true);
    const latin = readJsonFile(`\ufeff${asUtf8(Buffer.from('{"rash": "oui, très"}', 'latin1'))}`, 'answers.json', '');
    expect(!latin.ok && latin.problems).toEqual([{ file: 'answers.json', path: '$', line: 1, column: 18, ...NOT_UTF8 }]);
  });
  it('"\\ufffd" written as an escape is the author\'s choice: accepted', () => {
    expect(loadQuestionnaire(json.replace('"en": "Small check"', '"en": "Small \\ufffd check"'), 'x.json').ok).toBe(true);
  });
  it('a "\ufffd" typed in a UTF-8 file is refused too: once read, it cannot be told from a lost character, and patients would see it', () => {
    const text = json.replace('"en": "Small check"', '"en": "Small \ufffd check"');
    expect(problemsOf(text)).toEqual([{ file: 'rules/test.json', path: '$', ...positionOf(text, '\ufffd'), ...NOT_UTF8 }]);
  });
});

describe('one mistake, one problem', () => {
  it('a comma too many before "}" is reported once, at the comma, as in a cases file', () => {
    const text = json.replace(/\n}$/, ',\n}');
    const comma = positionOf(text, ',\n}');
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `rules/test.json:${comma.line}:${comma.column}  $  JSON syntax error: a comma too many before "}"  (remove this comma: JSON has no comma after the last item)`,
    ]);
  });
});

/**
 * The slips an author makes in rules/lupus.json, each as the audit found it: one problem, in
 * plain words (never the parser's own codes), where the text must change.
 */
describe('a JSON slip in plain words, once, where to edit', () => {
  const lupus = readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8');
  const CODES = /InvalidSymbol|InvalidNumberFormat|PropertyNameExpected|ValueExpected|ColonExpected|CommaExpected|CloseBraceExpected|CloseBracketExpected|EndOfFileExpected|InvalidCommentToken|UnexpectedEnd|InvalidUnicode|InvalidEscapeCharacter|InvalidCharacter/;
  /** lupus.json with `from` (found once) replaced. */
  const broken = (from: string, to: string) => {
    expect(lupus.split(from)).toHaveLength(2);
    return lupus.replace(from, to);
  };
  const at = (text: string, needle: string) => ({ file: 'rules/test.json', path: '$', ...positionOf(text, needle) });

  it('an unquoted property name: one problem, not three with a wrong "comma too many?"', () => {
    const text = broken('"emergencyNumber": "112"', 'emergencyNumber: "112"');
    expect(problemsOf(text)).toEqual([{ ...at(text, 'emergencyNumber:'), message: 'JSON syntax error: the property name emergencyNumber is not in double quotes', hint: 'write "emergencyNumber"' }]);
  });
  it('single quotes: one problem, not four', () => {
    const text = broken('"emergencyNumber": "112"', "'emergencyNumber': '112'");
    expect(problemsOf(text)).toEqual([{ ...at(text, "'emergencyNumber'"), message: "JSON syntax error: 'emergencyNumber' is in single quotes", hint: 'JSON needs double quotes, around names and texts alike: "emergencyNumber"' }]);
  });
  it('a missing comma between two properties: at the end of the value before it, naming the next one', () => {
    const text = broken('"id": "joint_swelling",', '"id": "joint_swelling"');
    const { line, column } = positionOf(text, '"joint_swelling"');
    expect(problemsOf(text)).toEqual([
      {
        file: 'rules/test.json',
        path: '$',
        line,
        column: column + '"joint_swelling"'.length,
        message: `JSON syntax error: a comma is missing at the end of this line, before "type" on line ${line + 1}`,
        hint: 'add "," here: the items of an object or a list are separated by commas',
      },
    ]);
  });
  it.each([
    ['an unquoted property name', '"emergencyNumber": "112"', 'emergencyNumber: "112"', /property name emergencyNumber is not in double quotes/],
    ['single quotes', '"emergencyNumber": "112"', "'emergencyNumber': '112'", /single quotes/],
    ['curly quotes', '"emergencyNumber": "112"', '"emergencyNumber": “112”', /curly quotes/],
    ['True for true', '"emergencyNumber": "112"', '"emergencyNumber": True', /True is not a JSON value/],
    ['"=" for ":"', '"emergencyNumber": "112"', '"emergencyNumber" = "112"', /"=" does not belong here/],
    ['";" for ","', '"emergencyNumber": "112",', '"emergencyNumber": "112";', /";" does not belong here/],
    ['two commas', '"emergencyNumber": "112",', '"emergencyNumber": "112",,', /two commas in a row/],
    ['a missing value', '"emergencyNumber": "112"', '"emergencyNumber": ', /a value is missing after the colon/],
    ['a missing colon', '"emergencyNumber": "112"', '"emergencyNumber" "112"', /a colon \(:\) is missing/],
    ['a leading zero', '"emergencyNumber": "112"', '"emergencyNumber": 0112', /a number starts with 0/],
    ['a comment', '"emergencyNumber": "112",', '"emergencyNumber": "112", // in Europe', /JSON has no comments/],
    ['a text not closed', '"emergencyNumber": "112"', '"emergencyNumber": "112', /a text is not closed/],
    ['a line break in a text', '"emergencyNumber": "112"', '"emergencyNumber": "1\n12"', /a text is not closed/],
    ['a "}" missing', '          "source": "seed_article"\n        },\n        {\n          "id": "joint_swelling"', '          "source": "seed_article"\n        ,\n        {\n          "id": "joint_swelling"', /a property name was expected, not "\{"/],
    ['a "}" too many', '          "source": "seed_article"\n        },\n        {\n          "id": "joint_swelling"', '          "source": "seed_article"\n        }},\n        {\n          "id": "joint_swelling"', /a "}" where a list needs "," or "]"/],
  ])('%s: one problem, in plain words', (_name, from, to, message) => {
    const problems = problemsOf(broken(from, to));
    expect(problems.map(formatProblem).join('\n')).not.toMatch(CODES);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(message)]);
  });
  it('mistakes on lines of their own are each reported, in file order', () => {
    const text = broken('"emergencyNumber": "112"', 'emergencyNumber: "112"').replace('"id": "joint_swelling",', '"id": "joint_swelling"').replace('"type": "multi",', '"type": "multi", // tick all');
    expect(problemsOf(text).map((p) => p.message)).toEqual([
      'JSON syntax error: the property name emergencyNumber is not in double quotes',
      'JSON syntax error: JSON has no comments: "// tick all"',
      expect.stringMatching(/^JSON syntax error: a comma is missing at the end of this line, before "type"/),
    ]);
  });
});
