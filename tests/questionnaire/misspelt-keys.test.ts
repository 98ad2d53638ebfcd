/** A misspelt property name is reported at the name, in plain words, with the fix. */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/questionnaire/problem';
import { smallQuestionnaire } from '../fixtures';
import { positionOf, problemsOf } from '../problems';

/** The small questionnaire with guidance[0]'s title keyed `keys` (the English text, then the Hindi text under each other key). */
function titledWith(...keys: string[]) {
  const q: any = smallQuestionnaire();
  const { en, hi } = q.guidance[0].title;
  q.guidance[0].title = Object.fromEntries(keys.map((key, i) => [key, i === 0 ? en : hi]));
  return JSON.stringify(q, null, 2);
}
/** Where the `{` of guidance[0]'s title is (the last before its key `key`): a text that lacks a language is reported there. */
const titleAt = (text: string, key: string) => {
  const before = text.slice(0, text.lastIndexOf('{', text.indexOf(JSON.stringify(key)))).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
};
const at = (text: string, needle: string) => {
  const { line, column } = positionOf(text, needle);
  return `${line}:${column}`;
};
const LACKS_HI = `$.guidance[0].title  the "hi" text is missing  (add "hi": "..." or remove "hi" from "languages")`;

describe('a text keyed by something that is not a language code', () => {
  it.each([
    ['the language name', 'hindi', '.hindi'],
    ['the code in capitals', 'HI', '.HI'],
    ['the code with a space', 'hi ', '["hi "]'],
    ['the name in Hindi', 'हिन्दी', '["हिन्दी"]'],
    ['the name, misspelt', 'hindu', '.hindu'],
  ])('%s: at the key, with the languages and the one meant; and the text lacks "hi"', (_name, key, path) => {
    const text = titledWith('en', key);
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `rules/test.json:${titleAt(text, key)}  ${LACKS_HI}`,
      `rules/test.json:${at(text, JSON.stringify(key))}  $.guidance[0].title${path}  ${JSON.stringify(key)} is not a language code: use one of the questionnaire's "languages" (en, hi)  (did you mean "hi"?)`,
    ]);
  });
  it('nothing close: the languages alone', () => {
    const text = titledWith('en', 'translation');
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `rules/test.json:${titleAt(text, 'translation')}  ${LACKS_HI}`,
      `rules/test.json:${at(text, '"translation"')}  $.guidance[0].title.translation  "translation" is not a language code: use one of the questionnaire's "languages" (en, hi)`,
    ]);
  });
  it('a second copy of a language the text has: says to remove it', () => {
    const text = titledWith('en', 'hi', 'Hindi');
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `rules/test.json:${at(text, '"Hindi"')}  $.guidance[0].title.Hindi  "Hindi" is not a language code: use one of the questionnaire's "languages" (en, hi)  (the text already has "hi": remove this one)`,
    ]);
  });
});

describe('a misspelt "level"', () => {
  it('says "level" is missing, as for any missing property, next to the did-you-mean', () => {
    const q: any = smallQuestionnaire();
    const { level, ...rest } = q.guidance[0];
    q.guidance[0] = { lavel: level, ...rest };
    const text = JSON.stringify(q, null, 2);
    const guidance0 = positionOf(text, '{\n      "lavel"');
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `rules/test.json:${guidance0.line}:${guidance0.column}  $.guidance[0].level  "level" is missing  (add "level": one of "emergency", "urgent", "soon", "routine", "info")`,
      `rules/test.json:${at(text, '"lavel"')}  $.guidance[0].lavel  unknown property "lavel"  (did you mean "level"?)`,
    ]);
  });
});
