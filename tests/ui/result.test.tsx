// @vitest-environment happy-dom
import { h } from 'preact';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateAnswers, visibleQuestions, type AppliedGuidance } from '../../src/engine/guidance';
import type { Answers } from '../../src/questionnaire/schema';
import { summaryText, titleAndText } from '../../src/ui/summaryText';
import { loadStrings, stringsFor } from '../../src/i18n/index';
import { SpeechContext, speechFor } from '../../src/ui/context';
import { Result } from '../../src/ui/Result';
import { smallQuestionnaire } from '../fixtures';

afterEach(cleanup);

const reasons = (n: number, what: string) => Array.from({ length: n }, (_, i) => `${what} ${i + 1}: No`);
const advice = (id: string, level: AppliedGuidance['level'], because: string[]): AppliedGuidance => ({ id, level, title: `Title ${id}`, text: `Text ${id}`, because, sources: ['src'] });

function showResult(guidance: AppliedGuidance[], questionnaire = smallQuestionnaire(), lang = 'en') {
  const nothing = () => {};
  render(
    <SpeechContext.Provider value={speechFor(questionnaire, lang, stringsFor(lang))}>
      <Result
        questionnaire={questionnaire}
        answers={{}}
        visible={[]}
        guidance={guidance}
        stoppedEarly={false}
        framed={false}
        emergencyNumber="112"
        persist={false}
        date={new Date(2026, 10, 24)}
        headingRef={{ current: null }}
        onBack={nothing}
        onRestart={nothing}
        onClear={nothing}
        onPrint={nothing}
      />
    </SpeechContext.Provider>,
  );
}
const article = (id: string) => screen.getByRole('article', { name: `Title ${id}` });

describe('the reasons given with each piece of advice', () => {
  it('folds a long list away behind its count, open on a tap, but never for emergency or same-day advice', () => {
    showResult([advice('urgent', 'urgent', reasons(7, 'Urgent')), advice('routine', 'routine', reasons(2, 'Routine')), advice('calm', 'info', reasons(13, 'Question'))]);
    const folded = article('calm').querySelector('details')!;
    expect(folded.querySelector('summary')!.textContent).toBe('Because you said (13 answers)');
    expect(folded.open).toBe(false);
    expect(folded.querySelectorAll('li')).toHaveLength(13);
    for (const id of ['urgent', 'routine']) {
      expect(article(id).querySelector('details')).toBeNull();
      expect(article(id).textContent).toContain('Because you said:');
    }
    expect(article('urgent').querySelectorAll('li')).toHaveLength(7);
  });

  it('lists every reason on the printed summary, folded or not', () => {
    showResult([advice('calm', 'info', reasons(13, 'Question'))]);
    const printed = document.querySelector('[part="summary"]')!.textContent!;
    expect(printed).toContain('Question 1: No');
    expect(printed).toContain('Question 13: No');
  });
});

describe('the sources named with each piece of advice', () => {
  // WCAG 3.1.2 (language of parts): the built-in sources are English web pages, also named on Hindi screens.
  it('marks an English title on a Hindi screen as English, so a screen reader reads it in an English voice', async () => {
    await loadStrings('hi');
    const questionnaire = smallQuestionnaire();
    questionnaire.sources = [
      { id: 'src', title: 'Lupus', lang: 'en', publisher: 'NHS (nhs.uk)' },
      { id: 'local', title: 'ल्यूपस', publisher: 'A clinic' },
    ];
    showResult([{ ...advice('calm', 'info', []), sources: ['src', 'local'] }], questionnaire, 'hi');
    const sources = article('calm').querySelector('.sources')!;
    expect(sources.textContent).toBe('आधार: Lupus; ल्यूपस');
    const marked = [...sources.querySelectorAll('[lang]')];
    expect(marked.map((element) => [element.getAttribute('lang'), element.textContent])).toEqual([['en', 'Lupus']]);
  });

  it('names a source with no language, or an unknown id, as plain text', () => {
    showResult([{ ...advice('calm', 'info', []), sources: ['src', 'gone'] }]);
    const sources = article('calm').querySelector('.sources')!;
    expect(sources.textContent).toBe('Based on: A source; gone');
    expect(sources.querySelector('[lang]')).toBeNull();
  });
});

describe('the summary a patient copies or prints', () => {
  const questionnaire = smallQuestionnaire();
  const summaryOf = (answers: Answers, stoppedEarly: boolean) =>
    summaryText({ questionnaire, answers, visible: visibleQuestions(questionnaire, answers), guidance: evaluateAnswers(questionnaire, answers, 'en').guidance, lang: 'en', date: new Date(2026, 10, 24), stoppedEarly, emergencyNumber: '108' });

  it('gives the number to call before the advice when the advice is emergency care', () => {
    const text = summaryOf({ red_flags: ['chest_pain'] }, true);
    expect(text.indexOf('Call 108 now')).toBeGreaterThan(0);
    expect(text.indexOf('Call 108 now')).toBeLessThan(text.indexOf('Advice:'));
    expect(summaryOf({ red_flags: ['swollen_leg'], joint_pain: 'no', rash: 'no', sex: 'female' }, false)).not.toContain('Call 108 now');
  });

  it('after an emergency stop, says so and lists only what was asked, not "Not answered" for questions never put', () => {
    const text = summaryOf({ red_flags: ['chest_pain'] }, true);
    expect(text).toContain('We stopped the questions early because of what you said.');
    expect(text).toContain('- Warning signs: Chest pain');
    expect(text).not.toContain('Not answered');
  });

  it('still shows a question left unanswered in a run that went to the end', () => {
    const text = summaryOf({ red_flags: ['none'], joint_pain: 'no', rash: 'no', sex: 'female' }, false);
    expect(text).not.toContain('stopped the questions early');
    expect(text).toMatch(/- Tiredness[^\n]*: Not answered/);
  });

  it('joins a title that ends a sentence to its text without a colon', () => {
    expect(titleAndText('A fit (seizure). Call your emergency number now.', 'A fit needs…')).toBe('A fit (seizure). Call your emergency number now. A fit needs…');
    expect(titleAndText('See a doctor soon', 'Long joint pain.')).toBe('See a doctor soon: Long joint pain.');
  });
});
