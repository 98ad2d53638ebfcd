/** How the text of a JSON file is read, for a questionnaire and the files beside it alike. */
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

describe('one mistake, one problem', () => {
  it('a comma too many before "}" is reported once, as in a cases file', () => {
    const text = json.replace(/\n}$/, ',\n}');
    const comma = positionOf(text, ',\n}');
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `rules/test.json:${comma.line + 1}:1  $  JSON syntax error: PropertyNameExpected at "}"  (property names are in double quotes; is there a comma too many?)`,
    ]);
  });
});
