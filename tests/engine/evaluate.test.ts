import { describe, expect, it } from 'vitest';
import { AnswersError, checkAnswers } from '../../src/engine/answers';
import { evaluate, hasEmergency, visibleQuestions } from '../../src/engine/evaluate';
import type { Answers, Condition, Questionnaire } from '../../src/questionnaire/schema';
import { smallQuestionnaire } from '../fixtures';

/** The small questionnaire with one extra guidance `probe` whose condition is under test. */
function withProbe(when: Condition): Questionnaire {
  const q = smallQuestionnaire();
  q.guidance.push({ id: 'probe', level: 'info', title: { en: 'Probe', hi: 'Probe' }, text: { en: 'p', hi: 'p' }, when, sources: ['src'] });
  return q;
}
const applies = (when: Condition, answers: Answers) => evaluate(withProbe(when), answers).guidance.some((g) => g.id === 'probe');

// [condition, answers, expected]: the operator table, json-logic style.
const rows: [string, Condition, Answers, boolean][] = [
  ['equals matches', { answer: 'rash', equals: 'yes' }, { rash: 'yes' }, true],
  ['equals differs', { answer: 'rash', equals: 'yes' }, { rash: 'no' }, false],
  ['equals on an unanswered question', { answer: 'rash', equals: 'yes' }, {}, false],
  ['equals "unsure"', { answer: 'rash', equals: 'unsure' }, { rash: 'unsure' }, true],
  ['equals a number', { answer: 'tiredness', equals: 5 }, { tiredness: 5 }, true],
  ['oneOf hit', { answer: 'sex', oneOf: ['female', 'male'] }, { sex: 'male' }, true],
  ['oneOf miss', { answer: 'rash', oneOf: ['yes', 'unsure'] }, { rash: 'no' }, false],
  ['includes ticked option', { answer: 'red_flags', includes: 'swollen_leg' }, { red_flags: ['chest_pain', 'swollen_leg'] }, true],
  ['includes unticked option', { answer: 'red_flags', includes: 'swollen_leg' }, { red_flags: ['chest_pain'] }, false],
  ['includes on an empty list', { answer: 'red_flags', includes: 'chest_pain' }, { red_flags: [] }, false],
  ['atLeast at the bound', { answer: 'tiredness', atLeast: 7 }, { tiredness: 7 }, true],
  ['atLeast below', { answer: 'tiredness', atLeast: 7 }, { tiredness: 6 }, false],
  ['atMost at the bound', { answer: 'tiredness', atMost: 3 }, { tiredness: 3 }, true],
  ['range inside', { answer: 'tiredness', atLeast: 2, atMost: 4 }, { tiredness: 3 }, true],
  ['range outside', { answer: 'tiredness', atLeast: 2, atMost: 4 }, { tiredness: 5 }, false],
  ['"unsure" is not at least anything', { answer: 'tiredness', atLeast: 0 }, { tiredness: 'unsure' }, false],
  ['answered true', { answer: 'rash', answered: true }, { rash: 'unsure' }, true],
  ['answered false', { answer: 'rash', answered: false }, {}, true],
  ['all true', { all: [{ answer: 'rash', equals: 'yes' }, { answer: 'joint_pain', equals: 'yes' }] }, { rash: 'yes', joint_pain: 'yes' }, true],
  ['all with one false', { all: [{ answer: 'rash', equals: 'yes' }, { answer: 'joint_pain', equals: 'yes' }] }, { rash: 'yes', joint_pain: 'no' }, false],
  ['any with one true', { any: [{ answer: 'rash', equals: 'yes' }, { answer: 'joint_pain', equals: 'yes' }] }, { rash: 'no', joint_pain: 'yes' }, true],
  ['any all false', { any: [{ answer: 'rash', equals: 'yes' }, { answer: 'joint_pain', equals: 'yes' }] }, { rash: 'no' }, false],
  ['not', { not: { answer: 'rash', equals: 'yes' } }, { rash: 'no' }, true],
  ['score at least', { score: 'features', atLeast: 2 }, { rash: 'yes', joint_pain: 'yes' }, true],
  ['score below', { score: 'features', atLeast: 2 }, { rash: 'yes', joint_pain: 'no' }, false],
  ['score at most', { score: 'features', atMost: 0 }, { rash: 'no' }, true],
  ['a hidden follow-up answer does not count', { answer: 'joint_weeks', atLeast: 6 }, { joint_pain: 'no', joint_weeks: 10 }, false],
  ['a visible follow-up answer counts', { answer: 'joint_weeks', atLeast: 6 }, { joint_pain: 'yes', joint_weeks: 10 }, true],
];

describe('conditions', () => {
  it.each(rows)('%s', (_name, when, answers, expected) => {
    expect(applies(when, answers)).toBe(expected);
  });
});

describe('evaluate', () => {
  const q = smallQuestionnaire();

  it('returns guidance most urgent first, whatever the file order', () => {
    const result = evaluate(q, { red_flags: ['swollen_leg'], joint_pain: 'yes', joint_weeks: 8, rash: 'yes', tiredness: 9 });
    expect(result.guidance.map((g) => g.level)).toEqual(['urgent', 'soon', 'routine', 'info']);
  });

  it('puts emergency guidance first whatever else is answered', () => {
    const result = evaluate(q, { red_flags: ['chest_pain', 'swollen_leg'], joint_pain: 'yes', joint_weeks: 8, rash: 'yes', tiredness: 9 });
    expect(result.guidance[0]).toMatchObject({ id: 'emergency_chest', level: 'emergency' });
  });

  it('explains each guidance with the answers that made it apply, in words', () => {
    const result = evaluate(q, { red_flags: ['none'], joint_pain: 'yes', joint_weeks: 8, rash: 'yes', tiredness: 2 });
    expect(result.guidance.find((g) => g.id === 'soon_long_joints')!.because).toEqual(['Weeks of joint pain: 8 weeks']);
    // A score is explained by the answers it counted, not by its total: the patient never said "2".
    expect(result.guidance.find((g) => g.id === 'routine_features')!.because).toEqual(['Painful joints: Yes', 'Rash: Yes']);
  });

  it('explains "not" with the answers given, leaving out follow-ups never asked', () => {
    const probe = withProbe({ not: { any: [{ answer: 'rash', equals: 'yes' }, { answer: 'joint_weeks', atLeast: 6 }] } });
    const applied = evaluate(probe, { joint_pain: 'no', rash: 'no' }).guidance.find((g) => g.id === 'probe')!;
    expect(applied.because).toEqual(['Rash: No']);
  });

  it('explains "not" of a score with the answers the score reads', () => {
    const probe = withProbe({ not: { score: 'features', atLeast: 1 } });
    const applied = evaluate(probe, { joint_pain: 'no', rash: 'no' }).guidance.find((g) => g.id === 'probe')!;
    expect(applied.because).toEqual(['Painful joints: No', 'Rash: No']);
    // Those given, when some are: a question not answered is no reason.
    expect(evaluate(probe, { rash: 'no' }).guidance.find((g) => g.id === 'probe')!.because).toEqual(['Rash: No']);
  });

  it('names multiple-choice options in the reasons', () => {
    const result = evaluate(q, { red_flags: ['chest_pain'] });
    expect(result.guidance[0]!.because).toEqual(['Warning signs: Chest pain']);
  });

  it('names only the options ticked that made the advice apply, not every option ticked', () => {
    const result = evaluate(q, { red_flags: ['chest_pain', 'swollen_leg'] });
    // A swollen leg is no reason for the chest-pain advice, nor chest pain for the leg's.
    expect(result.guidance.find((g) => g.id === 'emergency_chest')!.because).toEqual(['Warning signs: Chest pain']);
    expect(result.guidance.find((g) => g.id === 'urgent_leg')!.because).toEqual(['Warning signs: One swollen leg']);
    // Advice on either of two signs, both ticked: both, in the order the question lists them.
    const either = withProbe({ any: [{ answer: 'red_flags', includes: 'swollen_leg' }, { answer: 'red_flags', includes: 'chest_pain' }] });
    expect(evaluate(either, { red_flags: ['chest_pain', 'swollen_leg'] }).guidance.find((g) => g.id === 'probe')!.because).toEqual(['Warning signs: Chest pain; One swollen leg']);
    // "not" reads the whole answer: all of it is the reason.
    const neither = withProbe({ all: [{ answer: 'red_flags', includes: 'swollen_leg' }, { not: { answer: 'red_flags', includes: 'none' } }] });
    expect(evaluate(neither, { red_flags: ['chest_pain', 'swollen_leg'] }).guidance.find((g) => g.id === 'probe')!.because).toEqual(['Warning signs: Chest pain; One swollen leg']);
  });

  it('speaks Hindi when asked, falling back to the first language', () => {
    const result = evaluate(q, { red_flags: ['chest_pain'] }, { lang: 'hi' });
    expect(result.guidance[0]!.title).toBe('Get emergency care now (hi)');
    expect(evaluate(q, { red_flags: ['chest_pain'] }, { lang: 'xx' }).guidance[0]!.title).toBe('Get emergency care now');
  });

  it('takes partial answers: a run that stopped at the red flags', () => {
    const result = evaluate(q, { red_flags: ['chest_pain'] });
    expect(result.guidance.map((g) => g.id)).toEqual(['emergency_chest']);
    expect(hasEmergency(q, { red_flags: ['chest_pain'] })).toBe(true);
    expect(hasEmergency(q, { red_flags: ['swollen_leg'] })).toBe(false);
  });

  it('lists the visible questions given the answers', () => {
    expect(visibleQuestions(q, {})).toEqual(['red_flags', 'joint_pain', 'rash', 'tiredness', 'sex']);
    expect(visibleQuestions(q, { joint_pain: 'yes' })).toEqual(['red_flags', 'joint_pain', 'joint_weeks', 'rash', 'tiredness', 'sex']);
  });

  it('is deterministic', () => {
    const answers = { red_flags: ['none'], joint_pain: 'yes', rash: 'yes', tiredness: 8 };
    expect(evaluate(q, answers)).toEqual(evaluate(q, answers));
  });

  it('adds fractional weights as decimals: 0.1 + 0.2 meets "at most 0.3", and reports 0.3', () => {
    const q = smallQuestionnaire();
    q.scores![0]!.items = [{ when: { answer: 'joint_pain', equals: 'yes' }, weight: 0.1 }, { when: { answer: 'rash', equals: 'yes' }, weight: 0.2 }];
    q.guidance.push({ id: 'probe', level: 'info', title: { en: 'Probe', hi: 'Probe' }, text: { en: 'p', hi: 'p' }, when: { score: 'features', atMost: 0.3 }, sources: ['src'] });
    const result = evaluate(q, { joint_pain: 'yes', rash: 'yes' });
    expect(result.scores.features).toBe(0.3);
    expect(result.guidance.find((g) => g.id === 'probe')?.because).toEqual(['Painful joints: Yes', 'Rash: Yes']);
  });
  it('reports scores', () => {
    expect(evaluate(q, { joint_pain: 'yes', rash: 'unsure' }).scores).toEqual({ features: 1 });
  });

  // The engine remembers words and visible lists between calls: what it remembers must never leak.
  it('words each multiple-choice answer afresh, whatever was worded before', () => {
    const reasonsFor = (red_flags: string[], lang = 'en') => evaluate(q, { red_flags }, { lang }).guidance.find((g) => g.id === 'urgent_leg')!.because;
    expect(reasonsFor(['swollen_leg'])).toEqual(['Warning signs: One swollen leg']);
    expect(reasonsFor(['chest_pain', 'swollen_leg'])).toEqual(['Warning signs: One swollen leg']);
    expect(reasonsFor(['swollen_leg'], 'hi')).toEqual(['Warning signs (hi): One swollen leg (hi)']);
    expect(reasonsFor(['swollen_leg'])).toEqual(['Warning signs: One swollen leg']);
    expect(evaluate(q, { joint_pain: 'yes', joint_weeks: 8 }).guidance.find((g) => g.id === 'soon_long_joints')!.because).toContain('Weeks of joint pain: 8 weeks');
    expect(evaluate(q, { joint_pain: 'yes', joint_weeks: 9 }).guidance.find((g) => g.id === 'soon_long_joints')!.because).toContain('Weeks of joint pain: 9 weeks');
  });

  it("reads only the answers' own keys, never inherited ones", () => {
    const inherited = Object.assign(Object.create({ rash: 'yes', joint_pain: 'yes' }) as object, { tiredness: 9 });
    const fromPrototype = evaluate(q, inherited, { trusted: true });
    expect(fromPrototype.scores).toEqual({ features: 0 });
    expect(fromPrototype.visible).not.toContain('joint_weeks');
    const proto = Object.prototype as Record<string, unknown>;
    proto.rash = 'yes';
    try {
      expect(evaluate(q, { joint_pain: 'no' }, { trusted: true }).scores).toEqual({ features: 0 });
    } finally {
      delete proto.rash;
    }
    expect(evaluate(q, Object.assign(Object.create(null) as object, { rash: 'yes' }), { trusted: true }).scores).toEqual({ features: 1 });
  });

  it('returns a visible list of its own: changing one changes no later answer', () => {
    const first = visibleQuestions(q, {});
    first.splice(0, first.length, 'tampered');
    expect(visibleQuestions(q, {})).toEqual(['red_flags', 'joint_pain', 'rash', 'tiredness', 'sex']);
    expect(evaluate(q, {}).visible).toEqual(['red_flags', 'joint_pain', 'rash', 'tiredness', 'sex']);
  });

  it('decides follow-ups beyond the 31st as well as the first ones', () => {
    const many = smallQuestionnaire();
    const body = many.sections[1]!.questions;
    // 40 follow-ups, each shown when the one before it was answered "yes".
    for (let i = 0; i < 40; i++) {
      body.push({ id: `f${i}`, type: 'yesno', text: { en: `F${i}?`, hi: `F${i}?` }, source: 'src', showIf: { answer: i === 0 ? 'rash' : `f${i - 1}`, equals: 'yes' } });
    }
    const answers: Record<string, string> = { joint_pain: 'no', rash: 'yes' };
    for (let i = 0; i < 35; i++) answers[`f${i}`] = 'yes';
    answers.f35 = 'no';
    for (let i = 36; i < 40; i++) answers[`f${i}`] = 'yes';
    const shown = Array.from({ length: 36 }, (_, i) => `f${i}`);
    expect(visibleQuestions(many, answers)).toEqual(['red_flags', 'joint_pain', 'rash', 'tiredness', 'sex', ...shown]);
    expect(evaluate(many, { ...answers, f3: 'no' }).visible).toEqual(['red_flags', 'joint_pain', 'rash', 'tiredness', 'sex', 'f0', 'f1', 'f2', 'f3']);
  });
});

describe('an answer left undefined', () => {
  it('counts as not answered, as JSON would have it, rather than as a bad answer', () => {
    const q = smallQuestionnaire();
    expect(checkAnswers(q, { rash: 'yes', sex: undefined, tiredness: undefined })).toEqual([]);
    expect(evaluate(q, { rash: 'yes', sex: undefined } as unknown as Answers)).toEqual(evaluate(q, { rash: 'yes' }));
  });
});

describe('bad answers are rejected with the question named', () => {
  const q = smallQuestionnaire();
  const bad: [string, unknown, RegExp][] = [
    ['an unknown question', { joint_pian: 'yes' }, /joint_pian.*did you mean "joint_pain"/],
    ['a yes/no answer out of range', { rash: 'maybe' }, /rash: "maybe" is not an answer to a yes\/no question/],
    ['an unknown option', { sex: 'femal' }, /sex: "femal" is not one of the options.*did you mean "female"/],
    ['a multi answer that is not a list', { red_flags: 'chest_pain' }, /red_flags: a multiple-choice answer is a list/],
    ['an exclusive option with others', { red_flags: ['none', 'chest_pain'] }, /"none" cannot be chosen together/],
    ['a number out of range', { tiredness: 11 }, /tiredness: 11 is out of range: the answer must be from 0 to 10/],
    ['a fraction where a whole number is needed', { joint_pain: 'yes', joint_weeks: 2.5 }, /joint_weeks: 2.5 is not a whole number/],
    ['a number given as text', { tiredness: '5' }, /tiredness: expected a number/],
    ['not an object', ['yes'], /answers must be an object/],
    ['a value JSON cannot show (a BigInt)', { tiredness: 5n }, /tiredness: expected a number from 0 to 10 or "unsure", got a bigint/],
    ['a value with no JSON form (a function)', { rash: () => 'yes' }, /rash: a function is not an answer/],
    ['undefined in a multiple-choice list', { red_flags: [undefined] }, /red_flags: undefined is not one of the options/],
  ];
  it.each(bad)('%s', (_name, answers, message) => {
    expect(() => evaluate(q, answers as Answers)).toThrow(AnswersError);
    expect(checkAnswers(q, answers).map((p) => `${p.question}: ${p.message}`).join('\n')).toMatch(message);
  });
});
