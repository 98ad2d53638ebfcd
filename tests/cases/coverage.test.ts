import { describe, expect, it } from 'vitest';
import { coverage, formatCoverage } from '../../src/cases/coverage';
import type { Case } from '../../src/cases/schema';
import { smallQuestionnaire } from '../fixtures';

const q = smallQuestionnaire();
const kase = (answers: Case['answers']): Case => ({ name: JSON.stringify(answers), answers, expect: { guidance: [] } });

describe('test coverage', () => {
  const result = coverage(q, [kase({ red_flags: ['chest_pain'] }), kase({ red_flags: ['none'], joint_pain: 'yes', rash: 'yes' })]);

  it('lists the guidance no case gave, by id and path', () => {
    expect(result.guidance).toEqual({
      total: 5,
      never: [
        { id: 'urgent_leg', path: '$.guidance[1]' },
        { id: 'soon_long_joints', path: '$.guidance[2]' },
        { id: 'info_tired', path: '$.guidance[4]' },
      ],
    });
  });

  it('lists every condition never true, by JSON path, across showIf, scores and guidance', () => {
    expect(result.conditions.total).toBe(8);
    expect(result.conditions.never).toEqual([
      { path: '$.guidance[1].when', condition: { answer: 'red_flags', includes: 'swollen_leg' } },
      { path: '$.guidance[2].when', condition: { answer: 'joint_weeks', atLeast: 6 } },
      { path: '$.guidance[4].when', condition: { answer: 'tiredness', atLeast: 7 } },
    ]);
  });

  it('lists the options of single and multiple choice questions no case chose', () => {
    expect(result.options).toEqual({
      total: 5,
      never: [
        { question: 'red_flags', option: 'swollen_leg', path: '$.sections[0].questions[0].options[1]' },
        { question: 'sex', option: 'female', path: '$.sections[1].questions[4].options[0]' },
        { question: 'sex', option: 'male', path: '$.sections[1].questions[4].options[1]' },
      ],
    });
  });

  it('judges each part of a condition on its own: the parts of an "any" and of a "not"', () => {
    const withNested = smallQuestionnaire();
    withNested.guidance[4]!.when = { all: [{ not: { answer: 'rash', equals: 'yes' } }, { any: [{ answer: 'tiredness', atLeast: 7 }, { answer: 'joint_pain', equals: 'yes' }] }] };
    const never = coverage(withNested, [kase({ joint_pain: 'yes', rash: 'no' })]).conditions.never.map((n) => n.path);
    expect(never).toContain('$.guidance[4].when.all[0].not'); // rash was never "yes", so its not was always true
    expect(never).toContain('$.guidance[4].when.all[1].any[0]');
    expect(never).not.toContain('$.guidance[4].when.all[1].any[1]');
    expect(never).not.toContain('$.guidance[4].when');
  });

  it('does not count the answer to a follow-up that was hidden', () => {
    const hidden = coverage(q, [kase({ joint_pain: 'no', joint_weeks: 10 })]);
    expect(hidden.conditions.never.map((n) => n.path)).toContain('$.guidance[2].when');
    expect(hidden.guidance.never.map((g) => g.id)).toContain('soon_long_joints');
  });

  it('leaves out cases whose answers the questionnaire cannot take', () => {
    expect(coverage(q, [kase({ rash: 'maybe' }), kase({ rash: 'yes' })]).cases).toBe(1);
  });

  it('prints counts, then one line a gap', () => {
    expect(formatCoverage(result)).toEqual([
      'Coverage by 2 cases',
      'guidance given: 2 of 5; never (3):',
      '  $.guidance[1]  urgent_leg',
      '  $.guidance[2]  soon_long_joints',
      '  $.guidance[4]  info_tired',
      'conditions true: 5 of 8; never (3):',
      '  $.guidance[1].when  {"answer":"red_flags","includes":"swollen_leg"}',
      '  $.guidance[2].when  {"answer":"joint_weeks","atLeast":6}',
      '  $.guidance[4].when  {"answer":"tiredness","atLeast":7}',
      'options chosen: 2 of 5; never (3):',
      '  $.sections[0].questions[0].options[1]  red_flags: swollen_leg',
      '  $.sections[1].questions[4].options[0]  sex: female',
      '  $.sections[1].questions[4].options[1]  sex: male',
    ]);
  });
});
