import { describe, expect, it } from 'vitest';
import { checkQuestionnaire, loadQuestionnaire } from '../../src/questionnaire/load';
import { formatProblem } from '../../src/questionnaire/problem';
import { smallQuestionnaire } from '../fixtures';
import { positionOf, problemsOf } from '../problems';

type Mutate = (q: any) => void;
const withChange = (mutate: Mutate) => {
  const q = smallQuestionnaire();
  mutate(q);
  return JSON.stringify(q, null, 2);
};

describe('loading a valid questionnaire', () => {
  it('returns the typed questionnaire', () => {
    const result = loadQuestionnaire(JSON.stringify(smallQuestionnaire()), 'x.json');
    expect(result.ok && result.questionnaire.id).toBe('small');
  });
  it('accepts an object (the element property) without positions', () => {
    expect(checkQuestionnaire(smallQuestionnaire()).ok).toBe(true);
  });
  it.each(['en', 'hi', 'en-GB', 'fil'])('accepts "%s" as the language of a source title', (lang) => {
    const result = loadQuestionnaire(withChange((q) => (q.sources[0].lang = lang)), 'x.json');
    expect(result.ok && result.questionnaire.sources[0]!.lang).toBe(lang);
  });
});

// One row per kind of problem: what is wrong, the path reported, words the message and hint must contain.
const rows: [string, Mutate, string, RegExp, RegExp | undefined][] = [
  ['unknown question in a condition', (q) => (q.guidance[2].when = { answer: 'joint_wekes', atLeast: 6 }), '$.guidance[2].when.answer', /unknown question "joint_wekes"/, /did you mean "joint_weeks"/],
  ['unknown option', (q) => (q.guidance[0].when = { answer: 'red_flags', includes: 'chest_pian' }), '$.guidance[0].when.includes', /no option "chest_pian"/, /did you mean "chest_pain"/],
  ['unknown score', (q) => (q.guidance[3].when = { score: 'featurse', atLeast: 2 }), '$.guidance[3].when.score', /unknown score "featurse"/, /did you mean "features"/],
  ['a value a yes/no question cannot take', (q) => (q.guidance[3].when = { answer: 'rash', equals: 'maybe' }), '$.guidance[3].when.equals', /cannot be answered "maybe"/, /yes, no, unsure/],
  ['equals on a multiple-choice question', (q) => (q.guidance[0].when = { answer: 'red_flags', equals: 'chest_pain' }), '$.guidance[0].when.equals', /multiple choice/, /includes/],
  ['includes on a yes/no question', (q) => (q.guidance[0].when = { answer: 'rash', includes: 'yes' }), '$.guidance[0].when.includes', /"includes" is for multiple-choice/, /equals/],
  ['a number outside the question range', (q) => (q.guidance[2].when = { answer: 'joint_weeks', equals: 9999 }), '$.guidance[2].when.equals', /outside 0\.\.520/, undefined],
  ['atLeast on a yes/no question', (q) => (q.guidance[2].when = { answer: 'rash', atLeast: 1 }), '$.guidance[2].when', /need a number or scale question/, /equals/],
  ['a test with no comparison', (q) => (q.guidance[2].when = { answer: 'rash' }), '$.guidance[2].when', /needs a comparison/, /"equals"/],
  ['a condition with no known key', (q) => (q.guidance[2].when = { anwser: 'rash', equals: 'yes' }), '$.guidance[2].when', /needs one of "all", "any"/, /did you mean "answer"/],
  ['duplicate question ids', (q) => (q.sections[1].questions[2].id = 'joint_pain'), '$.sections[1].questions[2].id', /duplicate question id "joint_pain"/, /another id/],
  ['a question id every JavaScript object already has', (q) => (q.sections[1].questions[4].id = 'constructor'), '$.sections[1].questions[4].id', /"constructor" cannot be a question id/, /"constructor_q"/],
  ['whole-number answers beyond what FHIR integers hold', (q) => (q.sections[1].questions[1].max = 3e9), '$.sections[1].questions[1].max', /within ±2147483647/, /smaller range/],
  ['duplicate guidance ids', (q) => (q.guidance[1].id = 'emergency_chest'), '$.guidance[1].id', /duplicate guidance id/, undefined],
  ['duplicate option ids', (q) => (q.sections[0].questions[0].options[1].id = 'chest_pain'), '$.sections[0].questions[0].options[1].id', /duplicate option id "chest_pain"/, undefined],
  ['a follow-up reading itself', (q) => (q.sections[1].questions[1].showIf = { answer: 'joint_weeks', atLeast: 1 }), '$.sections[1].questions[1].showIf.answer', /reads its own answer, which is not given until it is shown/, /cannot depend on itself: test answers to earlier questions/],
  ['a follow-up reading a later question', (q) => (q.sections[1].questions[1].showIf = { answer: 'rash', equals: 'yes' }), '$.sections[1].questions[1].showIf.answer', /comes later/, /move it below/],
  ['a missing translation', (q) => delete q.sections[1].questions[0].text.hi, '$.sections[1].questions[0].text', /"hi" text is missing/, /add "hi"/],
  ['a section title without a translation', (q) => delete q.sections[1].title.hi, '$.sections[1].title', /"hi" text is missing/, /add "hi"/],
  ['a section title in an undeclared language', (q) => (q.sections[0].title.ta = 'அவசரம்'), '$.sections[0].title.ta', /"ta" is not in "languages"/, /add "ta" to "languages"/],
  ['a text of spaces only', (q) => (q.guidance[0].text.en = '   '), '$.guidance[0].text.en', /may not be empty/, undefined],
  ['a text in an undeclared language', (q) => (q.guidance[0].title.fr = 'Urgence'), '$.guidance[0].title.fr', /"fr" is not in "languages"/, /add "fr" to "languages"/],
  ['an unknown source', (q) => (q.guidance[0].sources = ['scr']), '$.guidance[0].sources[0]', /unknown source "scr"/, /did you mean "src"/],
  ['guidance no answers can trigger', (q) => (q.guidance[1].when = { all: [{ answer: 'rash', equals: 'yes' }, { answer: 'rash', equals: 'no' }] }), '$.guidance[1].when', /can never apply/, /contradictions/],
  ['a score threshold above its maximum', (q) => (q.guidance[3].when = { score: 'features', atLeast: 3 }), '$.guidance[3].when', /can never apply/, undefined],
  ['a threshold beyond a follow-up that is never shown', (q) => (q.sections[1].questions[1].showIf = { all: [{ answer: 'joint_pain', equals: 'yes' }, { answer: 'joint_pain', equals: 'no' }] }), '$.sections[1].questions[1].showIf', /never shown/, undefined],
  ['atLeast above atMost', (q) => (q.guidance[4].when = { answer: 'tiredness', atLeast: 8, atMost: 2 }), '$.guidance[4].when', /above "atMost"/, undefined],
  ['min not below max', (q) => (q.sections[1].questions[3].max = 0), '$.sections[1].questions[3].max', /must be above "min"/, undefined],
  ['an unknown property', (q) => (q.guidance[0].titel = { en: 'x', hi: 'y' }), '$.guidance[0].titel', /unknown property "titel"/, /did you mean "title"/],
  ['a misspelt source title language', (q) => (q.sources[0].lnag = 'en'), '$.sources[0].lnag', /unknown property "lnag"/, /did you mean "lang"/],
  ['an unknown question type', (q) => (q.sections[1].questions[0].type = 'yes_no'), '$.sections[1].questions[0].type', /unknown question type "yes_no"/, /did you mean "yesno"/],
  ['an unknown level', (q) => (q.guidance[0].level = 'emergancy'), '$.guidance[0].level', /unknown level "emergancy"/, /did you mean "emergency"/],
  ['a missing required field', (q) => delete q.guidance[0].sources, '$.guidance[0].sources', /"sources" is missing/, /add "sources"/],
  ['a wrong type', (q) => (q.sections[1].questions[3].min = '0'), '$.sections[1].questions[3].min', /expected number, got the text "0"/, undefined],
  ['an id that is not snake_case', (q) => (q.sections[1].questions[0].id = 'Joint-Pain'), '$.sections[1].questions[0].id', /snake_case/, undefined],
  ['a score reading a score', (q) => (q.scores[0].items.push({ when: { score: 'features', atLeast: 1 } })), '$.scores[0].items[2].when.score', /cannot read a score/, undefined],
  ['a source title language that is a name, not a code', (q) => (q.sources[0].lang = 'English'), '$.sources[0].lang', /^"English" is not a language code: give the code of the language the title is written in, such as "en" \(English\)/, undefined],
  ['a source title language in capitals', (q) => (q.sources[0].lang = 'EN'), '$.sources[0].lang', /^"EN" is not a language code: .*"en"/, undefined],
  ['a long source title language, shortened in the message', (q) => (q.sources[0].lang = 'x'.repeat(5000)), '$.sources[0].lang', /^"x{27}\.\.\." is not a language code/, undefined],
  ['a source title language that is not text', (q) => (q.sources[0].lang = 1), '$.sources[0].lang', /expected string, got number 1/, /double quotes/],
  ['an emergency number with letters', (q) => (q.emergencyNumber = 'call 112'), '$.emergencyNumber', /digits only/, undefined],
];

describe('each kind of problem is named, placed and explained', () => {
  it.each(rows)('%s', (_name, mutate, path, message, hint) => {
    const text = withChange(mutate);
    const problems = problemsOf(text);
    const problem = problems.find((p) => p.path === path);
    expect(problem, `problems were: ${problems.map(formatProblem).join('\n')}`).toBeDefined();
    expect(problem!.message).toMatch(message);
    if (hint) expect(problem!.hint).toMatch(hint);
    expect(problem!.file).toBe('rules/test.json');
    expect(problem!.line).toBeGreaterThan(1);
    expect(problem!.column).toBeGreaterThan(0);
  });
});

describe('problems are listed in file order', () => {
  it('lists missing texts line by line, a score after the questions above it', () => {
    const text = withChange((q) => q.languages.push('ta'));
    const problems = problemsOf(text);
    const places = problems.map((p) => [p.line!, p.column!] as const);
    expect(places).toEqual([...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    const paths = problems.map((p) => p.path);
    expect(paths.indexOf('$.scores[0].title')).toBeGreaterThan(paths.indexOf('$.sections[1].questions[0].text'));
    expect(paths[0]).toBe('$.title');
  });
});

describe('a follow-up reading a score too early', () => {
  it('is one problem naming every question the score reads that comes later', () => {
    const problems = problemsOf(withChange((q) => (q.sections[0].questions[0].showIf = { score: 'features', atLeast: 1 })));
    const atScore = problems.filter((p) => p.path === '$.sections[0].questions[0].showIf.score');
    expect(atScore.map((p) => p.message)).toEqual(['score "features" reads "joint_pain" and "rash", which are not asked before this question']);
    expect(atScore[0]!.hint).toMatch(/test those answers directly, or move this question below them/);
  });
});

describe('positions point at the text to edit', () => {
  it('places an unknown question at its value', () => {
    const text = withChange((q) => (q.guidance[2].when = { answer: 'joint_wekes', atLeast: 6 }));
    const [problem] = problemsOf(text);
    expect(problem).toMatchObject(positionOf(text, '"joint_wekes"'));
  });
  it('places an unknown property at its name', () => {
    const text = withChange((q) => (q.guidance[0].titel = { en: 'x', hi: 'y' }));
    expect(problemsOf(text).find((p) => p.path === '$.guidance[0].titel')).toMatchObject(positionOf(text, '"titel"'));
  });
  it('places a source title language that is not a code at its value, and says what to write', () => {
    const text = withChange((q) => (q.sources[0].lang = 'english'));
    const { line, column } = positionOf(text, '"english"');
    expect(problemsOf(text).map(formatProblem)).toEqual([
      `rules/test.json:${line}:${column}  $.sources[0].lang  "english" is not a language code: give the code of the language the title is written in, such as "en" (English) or "hi" (Hindi)`,
    ]);
  });
  it('prints as file:line:col  path  message  (hint)', () => {
    const text = withChange((q) => (q.guidance[2].when = { answer: 'joint_wekes', atLeast: 6 }));
    const { line, column } = positionOf(text, '"joint_wekes"');
    expect(formatProblem(problemsOf(text)[0]!)).toBe(
      `rules/test.json:${line}:${column}  $.guidance[2].when.answer  unknown question "joint_wekes"  (did you mean "joint_weeks"?)`,
    );
  });
});

describe('hostile input gives problems, never an exception', () => {
  const cases: [string, string, RegExp][] = [
    ['an empty file', '', /empty/],
    ['whitespace only', '  \n\t', /empty/],
    ['not JSON', 'hello', /JSON syntax error/],
    ['a trailing comma', '{"id": "x",}', /JSON syntax error/],
    ['a comment', '{"id": "x" // no\n}', /JSON syntax error/],
    ['a JSON array', '[]', /expected object, got a list/],
    ['a JSON string', '"lupus"', /expected object/],
    ['null', 'null', /expected object, got null/],
    ['deep nesting', '['.repeat(100000), /deeper than 64/],
    ['deep nesting in conditions', `{"guidance": [${'{"not":'.repeat(80)}{}${'}'.repeat(80)}]}`, /deeper than 64/],
    ['__proto__ and constructor keys', '{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}', /unknown property "__proto__"/],
    // Found by the property test: String() on this object throws.
    ['an object with a toString that is not a function as a question type', '{"sections": [{"questions": [{"type": {"toString": false}}]}]}', /unknown question type \{"toString":false\}/],
    ['an object with a toString that is not a function as a level', '{"guidance": [{"level": {"toString": 1}}]}', /unknown level \{"toString":1\}/],
    ['a 10 MB file', `{"id": "${'x'.repeat(10_000_000)}"}`, /too large \(10\.0 MB\)/],
    // Counted in bytes, as the widget counts a server's content-length: 0.9 million letters of Devanagari are 2.7 MB.
    ['a 2.7 MB file of Hindi text', `{"id": "${'क'.repeat(900_000)}"}`, /too large \(2\.7 MB\)/],
    ['wrong types everywhere', '{"id": 1, "version": [], "title": "t", "languages": {}, "sections": 5, "guidance": null, "sources": "s", "emergencyNumber": 112}', /expected/],
  ];
  it.each(cases)('%s', (_name, text, message) => {
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
    expect(({} as any).polluted).toBeUndefined();
  });
  it('reports a syntax error at its line and column: a missing comma where it is missing, after the value before it', () => {
    const problems = problemsOf('{\n  "id": "x"\n  "version": "1.0.0"\n}');
    expect(problems).toEqual([
      { file: 'rules/test.json', line: 2, column: 12, path: '$', message: 'JSON syntax error: a comma is missing at the end of this line, before "version" on line 3', hint: 'add "," here: the items of an object or a list are separated by commas' },
    ]);
  });
  it('a missing comma on one line is placed just before the next item', () => {
    expect(problemsOf('{"id": "x" "version": "1.0.0"}')).toMatchObject([{ line: 1, column: 11, message: 'JSON syntax error: a comma is missing before "version"' }]);
  });
});

describe('an id given twice says where the first one is', () => {
  it('a question id: at the second, with the line of the first', () => {
    const text = withChange((q) => (q.sections[1].questions[2].id = 'joint_pain'));
    const first = positionOf(text, '"id": "joint_pain"');
    const second = positionOf(text, '"id": "joint_pain"', 1);
    expect(problemsOf(text).map(formatProblem)).toContain(
      `rules/test.json:${second.line}:${second.column + '"id": '.length}  $.sections[1].questions[2].id  duplicate question id "joint_pain" (first on line ${first.line})  (question ids are the keys of the answers: give this one another id)`,
    );
  });
  it.each([
    ['a guidance id', (q: any) => (q.guidance[1].id = 'emergency_chest'), '"id": "emergency_chest"', /^duplicate guidance id "emergency_chest" \(first on line (\d+)\)$/],
    ['an option id', (q: any) => (q.sections[0].questions[0].options[1].id = 'chest_pain'), '"id": "chest_pain"', /^duplicate option id "chest_pain" in "red_flags" \(first on line (\d+)\)$/],
  ])('%s: with the line of the first', (_name, mutate, id, message) => {
    const text = withChange(mutate);
    const [problem] = problemsOf(text);
    expect(problem!.message).toMatch(message);
    expect(Number(message.exec(problem!.message)![1])).toBe(positionOf(text, id).line);
  });
  it('in a questionnaire given as an object (no lines), with the path of the first', () => {
    const q = smallQuestionnaire();
    q.sections[1]!.questions[2]!.id = 'joint_pain';
    const result = checkQuestionnaire(q);
    expect(!result.ok && result.problems[0]!.message).toBe('duplicate question id "joint_pain" (first at $.sections[1].questions[0].id)');
  });
});

describe('a question never shown comes before the guidance it silences, and says why', () => {
  // "urgent" (with red_flags) moved after "body", and red_flags asked only when joints both hurt and do not.
  const text = withChange((q) => {
    q.sections.reverse();
    q.sections[1].questions[0].showIf = { all: [{ answer: 'joint_pain', equals: 'yes' }, { answer: 'joint_pain', equals: 'no' }] };
  });
  it('the question first, with what its showIf asks and the guidance that can then never apply', () => {
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual(['$.sections[1].questions[0].showIf', '$.guidance[0].when', '$.guidance[1].when']);
    expect(problems[0]).toMatchObject({
      message: '"red_flags" is never shown: no answers make its showIf true',
      hint: 'its showIf asks that "joint_pain" is "yes" and "joint_pain" is "no", which no answers give: look for a contradiction or a threshold beyond a question\'s range; while it is hidden, the 2 guidance entries that need its answer can never apply: "emergency_chest", "urgent_leg"',
    });
    expect(problems[1]!.hint).toBe('it needs an answer to "red_flags", which is never shown: fix that question\'s showIf first');
  });
  it('a follow-up of a question never shown names that question', () => {
    const chained = withChange((q) => (q.sections[1].questions[1].showIf = { all: [{ answer: 'joint_pain', equals: 'yes' }, { answer: 'joint_pain', equals: 'no' }] }));
    const q = JSON.parse(chained);
    q.sections[1].questions[2].showIf = { answer: 'joint_weeks', atLeast: 1 };
    const problems = problemsOf(JSON.stringify(q, null, 2));
    expect(problems.find((p) => p.path === '$.sections[1].questions[2].showIf')?.hint).toMatch(/^its showIf asks that "joint_weeks" is at least 1, which no answers give: "joint_weeks" is never shown/);
  });
});
