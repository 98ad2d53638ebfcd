import { visibleQuestions } from '../engine/answersInEffect';
import type { RunPlace, Step } from './steps';

export interface Progress {
  step: Step;
  /** 1-based position of the question on screen among the questions asked; 0 off the question screens. */
  index: number;
  /** How many questions are asked given the answers so far (follow-ups come and go). */
  total: number;
}

/** Where a run stands on a screen (the machine's, or the early run's before it). */
export function progressOf(step: Step, { questionnaire, answers, current }: Pick<RunPlace, 'questionnaire' | 'answers' | 'current'>): Progress {
  const ids = visibleQuestions(questionnaire, answers);
  return { step, index: step === 'question' && current ? ids.indexOf(current) + 1 : 0, total: ids.length };
}
