import { h } from 'preact';
import { useMemo } from 'preact/hooks';
import { evaluateAnswers } from '../engine/guidance';
import { resultWords } from '../i18n/resultWords';
import type { Answers, Questionnaire } from '../questionnaire/schema';
import { useSpeech } from './context';

interface Props {
  questionnaire: Questionnaire;
  answers: Answers;
  /** The question on screen: its own answer counts once the patient has moved on from it. */
  current: string;
}

/**
 * Same-day advice the answers so far already call for (a swollen, painful leg; a fever on
 * medicines that weaken the immune system), on every question screen after the one that called
 * for it: a patient who stops before the end has still been told. Emergency answers never get
 * here (they end the questions). A live region that is there, empty, from the first question
 * on, so that screen readers announce the advice when it appears (after the new heading).
 */
export function UrgentSoFar({ questionnaire, answers, current }: Props) {
  const { t, lang } = useSpeech();
  const urgent = useMemo(() => {
    const before = { ...answers };
    delete before[current];
    // A title not loaded yet (the rest of the built-in texts) waits for it.
    return evaluateAnswers(questionnaire, before, lang).guidance.filter((g) => g.level === 'urgent' && g.title);
  }, [questionnaire, answers, current, lang]);
  return (
    <div role="status">
      {urgent.length > 0 && (
        <div class="level level-urgent urgent-so-far" part="urgent-so-far">
          <p class="urgent-heading">{t.levels.urgent}</p>
          <ul>
            {urgent.map((g) => (
              <li key={g.id}>{g.title}</li>
            ))}
          </ul>
          <p>{resultWords(lang).urgentGoOn}</p>
        </div>
      )}
    </div>
  );
}
