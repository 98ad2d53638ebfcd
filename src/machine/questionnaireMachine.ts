/**
 * The questionnaire as a state machine: intro → questions (red flags first, follow-ups as
 * their showIf holds) → review → result. No DOM: the UI sends events and renders snapshots.
 */
import { assign, createMachine } from 'xstate';
import { hasEmergency, visibleQuestions } from '../engine/answersInEffect';
import type { AnswerValue, Answers, Questionnaire } from '../questionnaire/schema';
import {
  atFirstQuestion,
  firstUnanswered,
  hasGap,
  isUnanswered,
  nextQuestion,
  positionOf,
  pruneHidden,
  stoppedAtEmergency,
  visible,
  withAnswer,
  type InputError,
  type RunPlace,
  type Step,
} from './steps';

export type { InputError, Step } from './steps';

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

export interface MachineContext extends RunPlace {
  error: InputError | null;
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
        isUnanswered: ({ context }) => isUnanswered(context),
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
        recordAnswer: assign(({ context, event }) => (event.type === 'user.answer' ? withAnswer(context, event.value) : {})),
        flagMissingAnswer: assign(({ context }) => ({ error: context.error ?? ('required' as const) })),
        goToFirstQuestion: assign(({ context }) => atFirstQuestion(context)),
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
        markStoppedEarly: assign(({ context }) => stoppedAtEmergency(context)),
        markCompleted: assign({ stoppedEarly: false }),
        clearAll: assign({ answers: {}, current: null, error: null, editing: false, stoppedEarly: false }),
      },
    },
  );

let machine: ReturnType<typeof defineMachine> | undefined;
/** The machine, defined on first use: the intro is shown before any run starts, so start-up does not pay for it. */
export const questionnaireMachine = () => (machine ??= defineMachine());

export type QuestionnaireMachine = ReturnType<typeof questionnaireMachine>;
