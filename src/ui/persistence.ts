/**
 * persist="session": answers survive a reload in sessionStorage, and only then. Storage can
 * be unavailable (private modes, sandboxed frames): every call fails quietly to "nothing saved".
 */
import { answerIssue } from '../engine/answerValidity';
import { hasEmergency, visibleQuestions } from '../engine/answersInEffect';
import { modelOf } from '../engine/model';
import type { Resume } from '../machine/questionnaireMachine';
import type { Questionnaire } from '../questionnaire/schema';

/** A saved run: where the machine was, and the language the patient chose in the widget, if they did. */
export interface SavedRun extends Resume {
  lang?: string;
}

export function readResume(key: string, questionnaire: Questionnaire): SavedRun | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return undefined;
    const resume = JSON.parse(raw) as SavedRun;
    // Saved answers the questionnaire cannot take (it changed since) are dropped, not trusted.
    if (typeof resume !== 'object' || resume === null || typeof resume.answers !== 'object' || resume.answers === null) return undefined;
    const { questionById } = modelOf(questionnaire);
    for (const [id, value] of Object.entries(resume.answers)) {
      const compiled = questionById.get(id);
      if (!compiled || answerIssue(compiled.question, value)) return undefined;
    }
    if (typeof resume.lang !== 'string') delete resume.lang;
    // Another script on the page can write here too: a saved place must fit the saved answers,
    // so that no edit can show emergency advice for calm answers, or advice for questions not asked.
    const { answers, step, stoppedEarly } = resume;
    if (stoppedEarly ? !hasEmergency(questionnaire, answers) : step === 'result' && visibleQuestions(questionnaire, answers).some((id) => !Object.hasOwn(answers, id))) return undefined;
    return resume;
  } catch {
    return undefined;
  }
}

export function saveResume(key: string, resume: SavedRun): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(resume));
  } catch {
    // Storage full or blocked: the run goes on unsaved, and an older copy must not pass for it
    // (a reload would resume older answers, and leaving would not ask first).
    clearResume(key);
  }
}

export function clearResume(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
