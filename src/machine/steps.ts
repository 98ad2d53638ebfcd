/**
 * What each step of a run does to its answers and place, as plain functions of the run so far.
 * The machine is built from them; so is the first question's run before the machine's code
 * has loaded (earlyRun.ts), which must end where the machine would.
 */
import { answerIssue } from '../engine/answerValidity';
import { visibleQuestions } from '../engine/answersInEffect';
import { modelOf } from '../engine/model';
import type { AnswerValue, Answers, Questionnaire } from '../questionnaire/schema';

export type Step = 'intro' | 'question' | 'review' | 'result';
export type InputError = 'required' | 'range' | 'whole';

/** Where a run is: its answers and the question on screen. */
export interface RunPlace {
  questionnaire: Questionnaire;
  answers: Answers;
  /** The question on screen (also remembered on the review and result screens for "Back"). */
  current: string | null;
  /** Came from the review screen: "Next" returns there once no new follow-up is left. */
  editing: boolean;
}

export const visible = (run: RunPlace) => visibleQuestions(run.questionnaire, run.answers);
export const positionOf = (run: RunPlace) => (run.current ? visible(run).indexOf(run.current) : -1);
/** The next visible question after the current one; when editing, the next one still unanswered. */
export function nextQuestion(run: RunPlace): string | undefined {
  const ids = visible(run);
  const after = ids.slice(ids.indexOf(run.current ?? '') + 1);
  return run.editing ? after.find((id) => !Object.hasOwn(run.answers, id)) : after[0];
}
export const firstUnanswered = (run: RunPlace) => visible(run).find((id) => !Object.hasOwn(run.answers, id));
/** An unanswered question with answered ones after it: an answer was cleared while editing. */
export function hasGap(run: RunPlace): boolean {
  const ids = visible(run);
  return ids.slice(ids.indexOf(firstUnanswered(run) ?? '') + 1).some((id) => Object.hasOwn(run.answers, id));
}
export const isUnanswered = (run: RunPlace) => !run.current || !Object.hasOwn(run.answers, run.current);

/** Keeps only answers to questions still asked: changing an answer that hides follow-ups drops theirs. */
export function pruneHidden(questionnaire: Questionnaire, answers: Answers): Answers {
  let current = answers;
  // Dropping one answer can hide further follow-ups, so repeat until nothing changes.
  for (;;) {
    const shown = new Set(visibleQuestions(questionnaire, current));
    const kept = Object.fromEntries(Object.entries(current).filter(([id]) => shown.has(id)));
    if (Object.keys(kept).length === Object.keys(current).length) return kept;
    current = kept;
  }
}

function inputError(run: RunPlace, value: unknown): InputError | null {
  const compiled = run.current ? modelOf(run.questionnaire).questionById.get(run.current) : undefined;
  if (!compiled || value === undefined) return 'required';
  if (Array.isArray(value) && value.length === 0) return 'required';
  const issue = answerIssue(compiled.question, value);
  if (!issue) return null;
  return issue.code === 'whole' ? 'whole' : issue.code === 'range' || issue.code === 'not-number' ? 'range' : 'required';
}

/**
 * The answer on screen given (or taken back: no value, none chosen): kept if valid, else the
 * reason it was not (no error for "nothing", which only Next flags).
 */
export function withAnswer(run: RunPlace, value: AnswerValue | undefined): { answers: Answers; error: InputError | null } {
  const error = inputError(run, value);
  const answers = { ...run.answers };
  if (run.current) delete answers[run.current];
  if (error === null && run.current) answers[run.current] = value!;
  return { answers: pruneHidden(run.questionnaire, answers), error: error === 'required' ? null : error };
}

/** The place once Start is pressed: the first question asked. */
export const atFirstQuestion = (run: RunPlace) => ({ current: visible(run)[0] ?? null, error: null, editing: false });

/**
 * The place once an emergency answer ends the questions. "Stopped early" only when questions
 * were left: an emergency answer given while editing a finished run ends a complete one (and
 * Back from its advice goes to the review).
 */
export const stoppedAtEmergency = (run: RunPlace) => ({ stoppedEarly: firstUnanswered(run) !== undefined, editing: false, error: null });
