/**
 * Lists too long to be a questionnaire are refused before the schema reads them, at the list,
 * and no check lists more than a screenful of problems; a scale has few enough points to show.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, MAX_PROBLEMS, checkQuestionnaire, loadQuestionnaire } from '../../src/questionnaire/load';
import { smallQuestionnaire } from '../fixtures';
import { problemsOf } from '../problems';

/** The text of the small questionnaire with one list replaced by `list` (as written), and where that list starts. */
function withList(key: 'guidance' | 'sources' | 'languages' | 'scores' | 'sections', list: string) {
  const q = smallQuestionnaire() as Record<string, unknown>;
  q[key] = 'LIST';
  const text = JSON.stringify(q, null, 2).replace('"LIST"', list);
  const before = text.slice(0, text.indexOf(list)).split('\n');
  return { text, line: before.length, column: before.at(-1)!.length + 1 };
}

describe('lists too long to be a questionnaire', () => {
  it('640,000 empty guidance entries (a file under 2 MB) are one problem at the list', () => {
    const { text, line, column } = withList('guidance', `[${Array(640_000).fill('{}').join(',')}]`);
    expect(text.length).toBeLessThan(2_000_000);
    expect(problemsOf(text)).toEqual([
      {
        file: 'rules/test.json',
        line,
        column,
        path: '$.guidance',
        message: 'too many guidance entries (640,000); a questionnaire may have at most 2,000',
        hint: expect.stringMatching(/right file/),
      },
    ]);
  });
  it('960,000 zeros in guidance give a problem, not a stack overflow', () => {
    const { text } = withList('guidance', `[${Array(960_000).fill('0').join(',')}]`);
    expect(problemsOf(text).map((p) => p.message)).toEqual(['too many guidance entries (960,000); a questionnaire may have at most 2,000']);
  });
  it('sources, languages, scores and sections each have a limit', () => {
    expect(problemsOf(withList('sources', `[${Array(LIMITS.sources + 1).fill('0').join(',')}]`).text)[0]).toMatchObject({ path: '$.sources', message: expect.stringMatching(/too many sources \(1,001\); a questionnaire may have at most 1,000/) });
    expect(problemsOf(withList('languages', `[${Array(65).fill('"en"').join(',')}]`).text)[0]).toMatchObject({ path: '$.languages', message: expect.stringMatching(/too many languages \(65\)/) });
    expect(problemsOf(withList('scores', `[${Array(201).fill('{}').join(',')}]`).text)[0]).toMatchObject({ path: '$.scores', message: expect.stringMatching(/too many scores \(201\)/) });
    expect(problemsOf(withList('sections', `[${Array(1001).fill('{}').join(',')}]`).text)[0]).toMatchObject({ path: '$.sections', message: expect.stringMatching(/too many sections \(1,001\)/) });
  });
  it('questions are counted over all sections, and options per question', () => {
    const q = smallQuestionnaire();
    const question = q.sections[0]!.questions[0]!;
    q.sections = Array.from({ length: 3 }, (_, s) => ({ id: `s${s}`, title: { en: 's' }, questions: Array.from({ length: 700 }, (_, i) => ({ ...question, id: `q${s}_${i}` })) }));
    expect(problemsOf(JSON.stringify(q))).toMatchObject([{ path: '$.sections[2].questions', message: 'too many questions (2,100); a questionnaire may have at most 2,000' }]);
    q.sections = [{ id: 's', title: { en: 's' }, questions: [{ id: 'q', type: 'single', text: { en: 'q' }, source: 'src', options: Array.from({ length: 201 }, (_, i) => ({ id: `o${i}`, text: { en: 'o' } })) }] }];
    expect(problemsOf(JSON.stringify(q))).toMatchObject([{ path: '$.sections[0].questions[0].options', message: expect.stringMatching(/too many options in a question \(201\)/) }]);
  });
  it('any other list, such as "any", is limited too, also for an object given as the rules property', () => {
    const q = smallQuestionnaire();
    q.guidance[0]!.when = { any: Array(LIMITS.list + 1).fill({ answer: 'rash', equals: 'yes' }) };
    const result = checkQuestionnaire(q);
    expect(result.ok ? [] : result.problems).toMatchObject([{ path: '$.guidance[0].when.any', message: expect.stringMatching(/too many entries in "any" \(1,001\)/) }]);
  });
  it('a real questionnaire is far inside every limit', () => {
    expect(loadQuestionnaire(JSON.stringify(smallQuestionnaire())).ok).toBe(true);
  });
});

describe('the list of problems is capped', () => {
  it(`lists at most ${MAX_PROBLEMS}, and says how many more there are`, () => {
    // 1,500 small mistakes: each guidance entry has an unknown level.
    const q = smallQuestionnaire();
    const g = q.guidance[0]!;
    q.guidance = Array.from({ length: 1500 }, (_, i) => ({ ...g, id: `g${i}`, level: 'urgnet' as never }));
    const problems = problemsOf(JSON.stringify(q));
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems.at(-1)).toMatchObject({ path: '$', message: 'and more problems (about 1,450) not listed', hint: expect.stringMatching(/fix the ones above/) });
  });
  it('caps the later checks too', () => {
    const q = smallQuestionnaire();
    const g = q.guidance[0]!;
    q.guidance = Array.from({ length: 200 }, () => ({ ...g }));
    const result = checkQuestionnaire(q);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[0]!.message).toMatch(/duplicate guidance id/);
    expect(problems.at(-1)!.message).toMatch(/^and more problems \(about [\d,]+\) not listed$/);
  });
});

describe('a scale has at most 21 points', () => {
  const withScale = (min: number, max: number) => {
    const q = smallQuestionnaire();
    const tiredness = q.sections.flatMap((s) => s.questions).find((question) => question.id === 'tiredness') as { min: number; max: number };
    tiredness.min = min;
    tiredness.max = max;
    return checkQuestionnaire(q);
  };
  it('refuses 0 to 1e9, which would render a billion choices', () => {
    const result = withScale(0, 1e9);
    expect(result.ok ? [] : result.problems).toMatchObject([
      { path: expect.stringMatching(/\.max$/), message: 'a scale may have at most 21 points ("max" - "min" at most 20); this one goes from 0 to 1000000000', hint: 'a scale is a row of choices: for a wider range use a number question' },
    ]);
    expect(withScale(-10, 11).ok).toBe(false);
  });
  it('accepts 0 to 20 and -10 to 10', () => {
    expect(withScale(0, 20).ok).toBe(true);
    expect(withScale(-10, 10).ok).toBe(true);
  });
});
