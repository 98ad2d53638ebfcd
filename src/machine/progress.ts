import type { SnapshotFrom } from 'xstate';
import { visibleQuestions } from '../engine/answersInEffect';
import type { QuestionnaireMachine, Step } from './questionnaireMachine';

export interface Progress {
  step: Step;
  /** 1-based position of the question on screen among the questions asked; 0 off the question screens. */
  index: number;
  /** How many questions are asked given the answers so far (follow-ups come and go). */
  total: number;
}

export function progressOf(snapshot: SnapshotFrom<QuestionnaireMachine>): Progress {
  const { questionnaire, answers, current } = snapshot.context;
  const ids = visibleQuestions(questionnaire, answers);
  const step = (snapshot.value === 'starting' ? 'intro' : snapshot.value) as Step;
  return { step, index: step === 'question' && current ? ids.indexOf(current) + 1 : 0, total: ids.length };
}
