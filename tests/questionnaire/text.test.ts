/**
 * What the loader reads from the text itself: duplicate keys, line endings, and the words of
 * problems that had no fix or a misleading one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/questionnaire/problem';
import { smallQuestionnaire } from '../fixtures';
import { positionOf, problemsOf } from '../problems';

const lupusText = readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8');

const small = (mutate: (q: any) => void) => {
  const q = smallQuestionnaire();
  mutate(q);
  return JSON.stringify(q, null, 2);
};

describe('a property given twice in one object', () => {
  it('is an error at the second copy, naming the property and the fix', () => {
    const text = lupusText.replace('"en": ', '"en": "An older title", "en": ');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      {
        file: 'rules/test.json',
        ...positionOf(text, '"en": ', 1),
        path: '$.title.en',
        message: `"en" is given twice in the same object (first on line ${positionOf(text, '"en": ').line})`,
        hint: 'remove one of the two: only the last one would count',
      },
    ]);
  });
  it('points at the copy that counts, not the first, for a second showIf', () => {
    const showIf = '"showIf": { "answer": "joint_pain", "equals": "yes" },';
    const text = lupusText.replace(showIf, `${showIf}\n          "showIf": { "answer": "joint_pian", "equals": "yes" },`);
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ ...positionOf(text, '"showIf"', 2), path: '$.sections[2].questions[1].showIf', message: expect.stringMatching(/"showIf" is given twice/), hint: expect.stringMatching(/remove one of the two/) });
  });
  it('is found in lists and deep in conditions, and equal keys in different objects are fine', () => {
    const text = small((q) => (q.guidance[0].when = 'WHEN')).replace('"WHEN"', '{"all": [{"answer": "rash", "answer": "rash", "equals": "yes"}, {"answer": "rash", "equals": "no"}]}');
    expect(problemsOf(text).map((p) => p.path)).toEqual(['$.guidance[0].when.all[0].answer']);
  });
});

describe('line ends', () => {
  it('\\r\\n, \\n and a lone \\r (old Mac files) all end a line, as in editors', () => {
    const lines = lupusText.replace('"emergencyNumber": "112"', '"emergencyNumber": "call 112"').split('\n');
    const expected = positionOf(lines.join('\n'), '"call 112"');
    expect(expected.line).toBeGreaterThan(1);
    for (const [name, text] of [
      ['old Mac', lines.join('\r')],
      ['Windows', lines.join('\r\n')],
      ['mixed', lines.map((l, i) => l + ['\n', '\r', '\r\n'][i % 3]).join('')],
    ]) {
      const [problem] = problemsOf(text!);
      expect(problem, name).toMatchObject({ path: '$.emergencyNumber', ...expected });
      expect(positionOf(text!, '"call 112"'), name).toEqual(expected);
    }
  });
});

describe('problems say how to fix them', () => {
  // [what, the file, the path, the message, the hint]
  const rows: [string, string, string, RegExp, RegExp][] = [
    [
      'an unknown question with no close match lists the questions',
      small((q) => (q.guidance[0].when = { answer: 'zzzzzz', equals: 'yes' })),
      '$.guidance[0].when.answer',
      /unknown question "zzzzzz"/,
      /questions are: red_flags, joint_pain, joint_weeks, rash, tiredness, sex/,
    ],
    [
      'a test with two comparisons',
      small((q) => (q.guidance[0].when = { answer: 'red_flags', includes: 'chest_pain', equals: 'x' })),
      '$.guidance[0].when',
      /exactly one comparison; this one has "includes" and "equals"/,
      /keep one of them.*"all"/,
    ],
    ['too few options', small((q) => q.sections[1].questions[4].options.pop()), '$.sections[1].questions[4].options', /"options" needs at least 2 options/, /add a second option/],
    ['an empty list', small((q) => (q.guidance[0].when = { any: [] })), '$.guidance[0].when.any', /"any" needs at least 1 condition$/, /put at least one condition/],
    ['a URL that is not one', small((q) => (q.sources[0].url = 'www.nhs.uk')), '$.sources[0].url', /"www\.nhs\.uk" is not a web address/, /starting with https:\/\//],
    ['a number in quotes', small((q) => (q.sections[1].questions[3].min = '0')), '$.sections[1].questions[3].min', /expected number, got the text "0"/, /without quotes: 0$/],
    ['true in quotes', small((q) => (q.sections[0].questions[0].options[2].exclusive = 'true')), '$.sections[0].questions[0].options[2].exclusive', /expected boolean/, /write true without quotes/],
    ['a number that should be text', small((q) => (q.emergencyNumber = 112)), '$.emergencyNumber', /expected string, got number 112/, /in double quotes: "112"/],
    ['a missing text, in words', small((q) => delete q.guidance[0].text), '$.guidance[0].text', /"text" is missing/, /^add "text": a text in each language, e\.g\. \{"en": "\.\.\.", "hi": "\.\.\."\}$/],
    ['a text given as a string', small((q) => (q.title = 'Small check')), '$.title', /expected texts by language/, /\{"en": "\.\.\.", "hi": "\.\.\."\}/],
    ['a missing question type', small((q) => delete q.sections[1].questions[0].type), '$.sections[1].questions[0].type', /"type" is missing/, /"yesno", "single"/],
    ['a missing condition', small((q) => delete q.guidance[0].when), '$.guidance[0].when', /"when" is missing/, /add "when": a condition/],
    ['a scale threshold between two whole numbers', small((q) => (q.guidance[4].when = { answer: 'tiredness', atLeast: 3.2, atMost: 3.8 })), '$.guidance[4].when', /no whole number is from 3\.2 to 3\.8/, /whole numbers/],
    ['a scale value that is not whole', small((q) => (q.guidance[4].when = { answer: 'tiredness', equals: 4.5 })), '$.guidance[4].when.equals', /4\.5 is not a whole number/, /use 4 or 5/],
    ['an integer value that is not whole', small((q) => (q.guidance[2].when = { answer: 'joint_weeks', oneOf: [6, 30.5] })), '$.guidance[2].when.oneOf[1]', /30\.5 is not a whole number/, /use 30 or 31/],
  ];
  it.each(rows)('%s', (_name, text, path, message, hint) => {
    const problems = problemsOf(text);
    const problem = problems.find((p) => p.path === path);
    expect(problem, `problems were: ${problems.map(formatProblem).join('\n')}`).toBeDefined();
    expect(problem!.message).toMatch(message);
    expect(problem!.hint).toMatch(hint);
    expect(problem!.message + problem!.hint).not.toMatch(/record/);
    expect(problem!.line).toBeGreaterThan(1);
    expect(problem!.column).toBeGreaterThan(0);
  });
});
