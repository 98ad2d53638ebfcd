/**
 * The machine's code (xstate and the questionnaire machine), in its own file: loaded once the
 * first question is on screen (see earlyRun.ts), or at once for a kept run.
 */
import { createActor } from 'xstate';
import type { Questionnaire } from '../questionnaire/schema';
import { questionnaireMachine, type MachineEvent, type Resume } from './questionnaireMachine';

/** A running machine: resumed from a kept run, or fresh and then taken through the events of the run so far. */
export function startRun(questionnaire: Questionnaire, resume?: Resume, replay: readonly MachineEvent[] = []) {
  const actor = createActor(questionnaireMachine(), { input: { questionnaire, ...(resume ? { resume } : {}) } }).start();
  for (const event of replay) actor.send(event);
  return actor;
}

export type RunActor = ReturnType<typeof startRun>;
