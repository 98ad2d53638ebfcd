/** A small questionnaire that exercises every question type, a follow-up, a score and each level. */
import type { Questionnaire } from '../src/questionnaire/schema';

export function smallQuestionnaire(): Questionnaire {
  const t = (en: string, hi = `${en} (hi)`) => ({ en, hi });
  return {
    $schema: './schema.json',
    id: 'small',
    version: '1.2.3',
    title: t('Small check'),
    languages: ['en', 'hi'],
    emergencyNumber: '112',
    sources: [{ id: 'src', title: 'A source' }],
    sections: [
      {
        id: 'urgent',
        title: t('Urgent'),
        questions: [
          {
            id: 'red_flags',
            type: 'multi',
            text: t('Do you have any of these now?'),
            summary: t('Warning signs'),
            source: 'src',
            options: [
              { id: 'chest_pain', text: t('Chest pain') },
              { id: 'swollen_leg', text: t('One swollen leg') },
              { id: 'none', text: t('None of these'), exclusive: true },
            ],
          },
        ],
      },
      {
        id: 'body',
        title: t('Body'),
        questions: [
          { id: 'joint_pain', type: 'yesno', text: t('Do your joints hurt?'), summary: t('Painful joints'), source: 'src' },
          {
            id: 'joint_weeks',
            type: 'number',
            text: t('For how many weeks?'),
            summary: t('Weeks of joint pain'),
            min: 0,
            max: 520,
            integer: true,
            unit: t('weeks'),
            source: 'src',
            showIf: { answer: 'joint_pain', equals: 'yes' },
          },
          { id: 'rash', type: 'yesno', text: t('Do you have a rash?'), summary: t('Rash'), source: 'src' },
          {
            id: 'tiredness',
            type: 'scale',
            text: t('How tired are you?'),
            summary: t('Tiredness'),
            min: 0,
            max: 10,
            minLabel: t('Not at all'),
            maxLabel: t('Very'),
            source: 'src',
          },
          {
            id: 'sex',
            type: 'single',
            text: t('What is your sex?'),
            summary: t('Sex'),
            source: 'src',
            options: [
              { id: 'female', text: t('Female') },
              { id: 'male', text: t('Male') },
            ],
          },
        ],
      },
    ],
    scores: [
      {
        id: 'features',
        title: t('Typical features'),
        items: [{ when: { answer: 'joint_pain', equals: 'yes' } }, { when: { answer: 'rash', equals: 'yes' } }],
      },
    ],
    guidance: [
      { id: 'emergency_chest', level: 'emergency', title: t('Get emergency care now'), text: t('Chest pain needs care now.'), when: { answer: 'red_flags', includes: 'chest_pain' }, sources: ['src'] },
      { id: 'urgent_leg', level: 'urgent', title: t('See a doctor today'), text: t('A swollen leg can be a clot.'), when: { answer: 'red_flags', includes: 'swollen_leg' }, sources: ['src'] },
      { id: 'soon_long_joints', level: 'soon', title: t('See a doctor soon'), text: t('Long joint pain.'), when: { answer: 'joint_weeks', atLeast: 6 }, sources: ['src'] },
      { id: 'routine_features', level: 'routine', title: t('Book an appointment'), text: t('Several features.'), when: { score: 'features', atLeast: 2 }, sources: ['src'] },
      { id: 'info_tired', level: 'info', title: t('Tiredness'), text: t('Rest.'), when: { answer: 'tiredness', atLeast: 7 }, sources: ['src'] },
    ],
  };
}
