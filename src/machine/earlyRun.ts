/**
 * The run until the machine's code is here. The first load carries no xstate (about a third of
 * it): its code loads once the first question is on screen. Until then this takes the intro's
 * Start and the first question's answers, and logs every event for the machine to replay, so
 * that it ends where this did. Whatever needs more waits for the machine, except an emergency
 * answer: the questions end here too, for the heading and the number to call need no code.
 */
import { hasEmergency } from '../engine/answersInEffect';
import type { Questionnaire } from '../questionnaire/schema';
import type { MachineEvent } from './questionnaireMachine';
import { atFirstQuestion, isUnanswered, positionOf, stoppedAtEmergency, withAnswer, type InputError, type RunPlace } from './steps';

export interface EarlyRun extends RunPlace {
  step: 'intro' | 'question' | 'result';
  error: InputError | null;
  stoppedEarly: boolean;
  /** Every event so far, in order, for the machine to replay. */
  log: MachineEvent[];
  /** An event came that only the machine can take: the screen waits for its code. */
  waiting: boolean;
}

export const earlyRunOf = (questionnaire: Questionnaire): EarlyRun => ({
  questionnaire,
  step: 'intro',
  answers: {},
  current: null,
  error: null,
  editing: false,
  stoppedEarly: false,
  log: [],
  waiting: false,
});

/** The run after one more event: as the machine would leave it, or waiting for the machine. */
export function earlyStep(run: EarlyRun, event: MachineEvent): EarlyRun {
  const log = [...run.log, event];
  const changed = (change: Partial<EarlyRun>): EarlyRun => ({ ...run, ...change, log });
  if (run.waiting) return changed({});
  if (event.type === 'user.restart') return { ...earlyRunOf(run.questionnaire), log };
  if (run.step === 'intro') return changed(event.type === 'user.next' ? { step: 'question', ...atFirstQuestion(run) } : {});
  if (run.step === 'question') {
    if (event.type === 'user.answer') return changed(withAnswer(run, event.value));
    if (event.type === 'user.edit') return changed({});
    // Next, Back or the review: an emergency answer wins, as in the machine.
    if (hasEmergency(run.questionnaire, run.answers)) return changed({ step: 'result', ...stoppedAtEmergency(run) });
    if (event.type === 'user.next' && isUnanswered(run)) return changed({ error: run.error ?? 'required' });
    if (event.type === 'user.back' && positionOf(run) <= 0) return changed({ step: 'intro' });
  }
  return changed({ waiting: true });
}
