/**
 * The questionnaire as a state machine: intro → questions (red flags first, follow-ups as
 * their showIf holds) → review → result. No DOM: the UI sends events and renders snapshots.
 */
import { assign, createMachine } from 'xstate';
import { answerIssue } from '../engine/answerValidity';
import { hasEmergency, visibleQuestions } from '../engine/answersInEffect';
import { modelOf } from '../engine/model';
import type { AnswerValue, Answers, Questionnaire } from '../questionnaire/schema';

export type Step = 'intro' | 'question' | 'review' | 'result';
export type InputError = 'required' | 'range' | 'whole';

/** What a resumed session restores (persist="session"). */
export interface Resume {
  answers: Answers;
  step: Step;
  current: string | null;
  editing?: boolean;
  stoppedEarly?: boolean;
}

export interface MachineInput {
  questionnaire: Questionnaire;
  resume?: Resume;
}

export interface MachineContext {
  questionnaire: Questionnaire;
  answers: Answers;
  /** The question on screen (also remembered on the review and result screens for "Back"). */
  current: string | null;
  error: InputError | null;
  /** Came from the review screen: "Next" returns there once no new follow-up is left. */
  editing: boolean;
  /** The result was reached by an emergency answer, before the end. */
  stoppedEarly: boolean;
  resume?: Resume;
}

export type MachineEvent =
  | { type: 'user.answer'; value: AnswerValue | undefined }
  | { type: 'user.next' }
  | { type: 'user.back' }
  | { type: 'user.edit'; questionId: string }
  /** To the review screen from a question, mid-run: the answers so far, to check or change. */
  | { type: 'user.review' }
  | { type: 'user.restart' };

const visible = (ctx: MachineContext) => visibleQuestions(ctx.questionnaire, ctx.answers);
const positionOf = (ctx: MachineContext) => (ctx.current ? visible(ctx).indexOf(ctx.current) : -1);
/** The next visible question after the current one; when editing, the next one still unanswered. */
function nextQuestion(ctx: MachineContext): string | undefined {
  const ids = visible(ctx);
  const after = ids.slice(ids.indexOf(ctx.current ?? '') + 1);
  return ctx.editing ? after.find((id) => !Object.hasOwn(ctx.answers, id)) : after[0];
}
const firstUnanswered = (ctx: MachineContext) => visible(ctx).find((id) => !Object.hasOwn(ctx.answers, id));
/** An unanswered question with answered ones after it: an answer was cleared while editing. */
function hasGap(ctx: MachineContext): boolean {
  const ids = visible(ctx);
  return ids.slice(ids.indexOf(firstUnanswered(ctx) ?? '') + 1).some((id) => Object.hasOwn(ctx.answers, id));
}
/** Keeps only answers to questions still asked: changing an answer that hides follow-ups drops theirs. */
function pruneHidden(questionnaire: Questionnaire, answers: Answers): Answers {
  let current = answers;
  // Dropping one answer can hide further follow-ups, so repeat until nothing changes.
  for (;;) {
    const shown = new Set(visibleQuestions(questionnaire, current));
    const kept = Object.fromEntries(Object.entries(current).filter(([id]) => shown.has(id)));
    if (Object.keys(kept).length === Object.keys(current).length) return kept;
    current = kept;
  }
}
function inputError(ctx: MachineContext, value: unknown): InputError | null {
  const compiled = ctx.current ? modelOf(ctx.questionnaire).questionById.get(ctx.current) : undefined;
  if (!compiled || value === undefined) return 'required';
  if (Array.isArray(value) && value.length === 0) return 'required';
  const issue = answerIssue(compiled.question, value);
  if (!issue) return null;
  return issue.code === 'whole' ? 'whole' : issue.code === 'range' || issue.code === 'not-number' ? 'range' : 'required';
}

type Guard =
  | { type: 'resumesAt'; params: Step }
  | { type: 'isUnanswered' }
  | { type: 'callsForEmergency' }
  | { type: 'hasNextQuestion' }
  | { type: 'isFirstQuestion' }
  | { type: 'isEditing' }
  | { type: 'hasUnansweredQuestion' }
  | { type: 'stoppedEarly' }
  | { type: 'isKnownQuestion' };
type Action =
  | { type: 'restore' }
  | { type: 'recordAnswer' }
  | { type: 'flagMissingAnswer' }
  | { type: 'goToFirstQuestion' }
  | { type: 'goToNextQuestion' }
  | { type: 'goToPreviousQuestion' }
  | { type: 'goToLastQuestion' }
  | { type: 'goToEditedQuestion' }
  | { type: 'goToFirstUnanswered' }
  | { type: 'goToQuestionLeft' }
  | { type: 'leaveEditing' }
  | { type: 'markStoppedEarly' }
  | { type: 'markCompleted' }
  | { type: 'clearAll' };

// createMachine with named implementations rather than setup(): setup() also binds every action
// creator xstate has (~1 KB gzip the widget would ship for nothing).
const defineMachine = () =>
  createMachine(
    {
      types: {} as { context: MachineContext; events: MachineEvent; input: MachineInput; guards: Guard; actions: Action },
      id: 'symptomCheck',
      context: ({ input }) => ({
        questionnaire: input.questionnaire,
        answers: {},
        current: null,
        error: null,
        editing: false,
        stoppedEarly: false,
        resume: input.resume,
      }),
      initial: 'starting',
      on: {
        'user.restart': { target: '.intro', actions: 'clearAll' },
      },
      states: {
        starting: {
          always: [
            { guard: { type: 'resumesAt', params: 'result' }, target: 'result', actions: 'restore' },
            { guard: { type: 'resumesAt', params: 'review' }, target: 'review', actions: 'restore' },
            { guard: { type: 'resumesAt', params: 'question' }, target: 'question', actions: 'restore' },
            { target: 'intro', actions: 'restore' },
          ],
        },
        intro: {
          on: { 'user.next': { target: 'question', actions: 'goToFirstQuestion' } },
        },
        question: {
          on: {
            'user.answer': { actions: 'recordAnswer' },
            'user.next': [
              // Emergency answers win over everything, even an unanswered follow-up on screen.
              { guard: 'callsForEmergency', target: 'result', actions: 'markStoppedEarly' },
              { guard: 'isUnanswered', actions: 'flagMissingAnswer' },
              { guard: 'hasNextQuestion', actions: 'goToNextQuestion' },
              { target: 'review', actions: 'leaveEditing' },
            ],
            'user.review': [
              { guard: 'callsForEmergency', target: 'result', actions: 'markStoppedEarly' },
              { target: 'review', actions: 'leaveEditing' },
            ],
            'user.back': [
              // Even going back: an emergency answer just given is not left behind unseen.
              { guard: 'callsForEmergency', target: 'result', actions: 'markStoppedEarly' },
              { guard: 'isEditing', target: 'review', actions: 'leaveEditing' },
              { guard: 'isFirstQuestion', target: 'intro' },
              { actions: 'goToPreviousQuestion' },
            ],
          },
        },
        review: {
          on: {
            'user.edit': { guard: 'isKnownQuestion', target: 'question', actions: 'goToEditedQuestion' },
            'user.next': [
              { guard: 'callsForEmergency', target: 'result', actions: 'markStoppedEarly' },
              // Questions not reached yet (a review mid-run), or an answer cleared while editing:
              // they come before the advice.
              { guard: 'hasUnansweredQuestion', target: 'question', actions: 'goToFirstUnanswered' },
              { target: 'result', actions: 'markCompleted' },
            ],
            'user.back': [
              // Mid-run, back to the question the patient left for the review.
              { guard: 'hasUnansweredQuestion', target: 'question', actions: 'goToQuestionLeft' },
              { target: 'question', actions: 'goToLastQuestion' },
            ],
          },
        },
        result: {
          on: {
            'user.back': [{ guard: 'stoppedEarly', target: 'question', actions: 'leaveEditing' }, { target: 'review' }],
          },
        },
      },
    },
    {
      guards: {
        resumesAt: ({ context }, step: Step) =>
          context.resume?.step === step && (step !== 'question' || visibleQuestions(context.questionnaire, context.resume.answers).includes(context.resume.current ?? '')),
        isUnanswered: ({ context }) => !context.current || !Object.hasOwn(context.answers, context.current),
        callsForEmergency: ({ context }) => hasEmergency(context.questionnaire, context.answers),
        hasNextQuestion: ({ context }) => nextQuestion(context) !== undefined,
        isFirstQuestion: ({ context }) => positionOf(context) <= 0,
        isEditing: ({ context }) => context.editing,
        hasUnansweredQuestion: ({ context }) => firstUnanswered(context) !== undefined,
        stoppedEarly: ({ context }) => context.stoppedEarly,
        // Narrowed by hand rather than with xstate's assertEvent (whose message code the widget
        // would ship): these are wired to one event each.
        isKnownQuestion: ({ context, event }) => event.type === 'user.edit' && visible(context).includes(event.questionId),
      },
      actions: {
        restore: assign(({ context }) => ({
          answers: pruneHidden(context.questionnaire, context.resume?.answers ?? {}),
          current: context.resume?.current ?? null,
          editing: context.resume?.editing === true,
          stoppedEarly: context.resume?.stoppedEarly === true,
          resume: undefined,
        })),
        recordAnswer: assign(({ context, event }) => {
          if (event.type !== 'user.answer') return {};
          const error = inputError(context, event.value);
          const answers = { ...context.answers };
          if (context.current) delete answers[context.current];
          if (error === null && context.current) answers[context.current] = event.value!;
          return { answers: pruneHidden(context.questionnaire, answers), error: error === 'required' ? null : error };
        }),
        flagMissingAnswer: assign(({ context }) => ({ error: context.error ?? ('required' as const) })),
        goToFirstQuestion: assign(({ context }) => ({ current: visible(context)[0] ?? null, error: null, editing: false })),
        goToNextQuestion: assign(({ context }) => ({ current: nextQuestion(context) ?? null, error: null })),
        goToPreviousQuestion: assign(({ context }) => ({ current: visible(context)[positionOf(context) - 1] ?? null, error: null })),
        goToLastQuestion: assign(({ context }) => ({ current: visible(context).at(-1) ?? null, error: null, editing: false })),
        goToEditedQuestion: assign(({ event }) => (event.type === 'user.edit' ? { current: event.questionId, editing: true, error: null } : {})),
        // With answered questions after it (a cleared answer, a follow-up an edit revealed), "Next"
        // returns to the review once it is answered; questions simply not reached yet carry on as
        // usual. No error before the patient has done anything.
        goToFirstUnanswered: assign(({ context }) => ({ current: firstUnanswered(context) ?? null, editing: hasGap(context), error: null })),
        goToQuestionLeft: assign(({ context }) => ({
          current: (context.current && visible(context).includes(context.current) ? context.current : firstUnanswered(context)) ?? null,
          error: null,
          editing: false,
        })),
        leaveEditing: assign({ editing: false, error: null }),
        // "Stopped early" only when questions were left: an emergency answer given while editing a
        // finished run ends a complete one (and Back from its advice goes to the review).
        markStoppedEarly: assign(({ context }) => ({ stoppedEarly: firstUnanswered(context) !== undefined, editing: false, error: null })),
        markCompleted: assign({ stoppedEarly: false }),
        clearAll: assign({ answers: {}, current: null, error: null, editing: false, stoppedEarly: false }),
      },
    },
  );

let machine: ReturnType<typeof defineMachine> | undefined;
/** The machine, defined on first use: the intro is shown before any run starts, so start-up does not pay for it. */
export const questionnaireMachine = () => (machine ??= defineMachine());

export type QuestionnaireMachine = ReturnType<typeof questionnaireMachine>;
