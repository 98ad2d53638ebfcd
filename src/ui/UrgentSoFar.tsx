import { h } from 'preact';
import { useMemo } from 'preact/hooks';
import { evaluateAnswers } from '../engine/guidance';
import { resultWords } from '../i18n/resultWords';
import type { Answers, Questionnaire } from '../questionnaire/schema';
import { useSpeech } from './context';
import { dialable } from './StatusViews';
import { URGENT_SO_FAR_ID } from './urgentSoFarId';

interface Props {
  questionnaire: Questionnaire;
  answers: Answers;
  /** The question on screen: its own answer counts once the patient has moved on from it. */
  current: string;
  emergencyNumber: string;
}

/**
 * Same-day advice the answers so far already call for (a swollen, painful leg; a fever on
 * medicines that weaken the immune system), above every question screen but the one whose
 * answer called for it: a patient who stops before the end has still been told, and told not to
 * wait, and when to call the emergency number instead. Emergency answers never get here (they
 * end the questions). Each question's heading is described by its heading line and titles
 * (URGENT_SO_FAR_ID), so a screen reader says them with every new question, as every patient
 * sees them; a live region would speak once, at the moment focus moves, when it is often cut off.
 */
export function UrgentSoFar({ questionnaire, answers, current, emergencyNumber }: Props) {
  const { t, lang } = useSpeech();
  const urgent = useMemo(() => {
    const before = { ...answers };
    delete before[current];
    // Without a title (advice whose texts are still loading): nothing to name yet.
    return evaluateAnswers(questionnaire, before, lang).guidance.filter((g) => g.level === 'urgent' && g.title);
  }, [questionnaire, answers, current, lang]);
  if (urgent.length === 0) return null;
  const words = resultWords(lang);
  const dial = dialable(emergencyNumber);
  return (
    <div class="level level-urgent urgent-so-far" part="urgent-so-far">
      {/* What each question's heading is described by: the heading line and the titles (which say what and how soon), not every line again. */}
      <div id={URGENT_SO_FAR_ID}>
        <p class="urgent-heading">{words.levels.urgent}</p>
        <ul>
          {urgent.map((g) => (
            <li key={g.id}>{g.title}</li>
          ))}
        </ul>
      </div>
      <p>{words.urgentDoNotWait}</p>
      <p>
        {words.urgentIfWorse} {dial ? <a href={`tel:${dial}`}>{emergencyNumber}</a> : emergencyNumber}
      </p>
    </div>
  );
}
