/**
 * The answers that count, as conditions read them: what the machine asks next and whether a red
 * flag stops the questionnaire depend on it, and so does every evaluation (guidance.ts).
 */
import type { Answers, AnswerValue, Questionnaire } from '../questionnaire/schema';
import type { AnswerState } from './conditions';
import { modelOf, type Model } from './model';

/**
 * A hidden follow-up's old answer must not count, so follow-ups are decided in asking order,
 * each seeing the ones hidden before it; a showIf reads only earlier questions (the loader
 * checks that), so later answers never sway it.
 */
export function answersInEffect(questionnaire: Questionnaire, answers: Answers): AnswersInEffect {
  const state = new AnswersInEffect(modelOf(questionnaire), answers);
  const { followUps } = state.model;
  for (let i = 0; i < followUps.length; i++) if (!followUps[i]!.showIf!.test(state)) state.hide(i);
  return state;
}

/** The answers in effect, by question index, with scores computed once each (this is the engine's hot path). */
export class AnswersInEffect implements AnswerState {
  readonly values: (AnswerValue | undefined)[];
  /** Bit i set: follow-up i (in model.followUps) is hidden. */
  private hiddenBits = 0;
  /** The same, for questionnaires with more than 31 follow-ups. */
  private hidden?: Set<number>;
  private scoreValues: number[] = [];

  constructor(
    readonly model: Model,
    answers: Answers,
  ) {
    const { questions, questionById } = model;
    const values = (this.values = new Array<AnswerValue | undefined>(questions.length).fill(undefined));
    // Each answer looked up by name once (reading every question id off the answers is slower);
    // own answers only.
    const ids = Object.keys(answers);
    for (let i = 0; i < ids.length; i++) {
      const question = questionById.get(ids[i]!);
      if (question) values[question.index] = answers[ids[i]!];
    }
  }

  score(index: number): number {
    if (index < 0) return 0;
    let value = this.scoreValues[index];
    if (value === undefined) this.scoreValues[index] = value = this.model.scores[index]!.sum(this);
    return value;
  }

  /** Hides follow-up `i` (its position in model.followUps). */
  hide(i: number): void {
    if (this.model.followUps.length <= 31) this.hiddenBits |= 1 << i;
    else (this.hidden ??= new Set()).add(i);
    this.values[this.model.followUps[i]!.index] = undefined;
    // Scores depend on which answers count: forget them.
    if (this.scoreValues.length > 0) this.scoreValues = [];
  }

  /** Ids of the questions asked, in asking order. */
  visible(): string[] {
    const { followUps, questions, visibleByHidden } = this.model;
    const { hiddenBits, hidden } = this;
    // The same follow-ups hidden, the same list: remembered per pattern (a few, in practice).
    let list = hidden ? undefined : visibleByHidden.get(hiddenBits);
    if (!list) {
      const hiddenIndexes = new Set(followUps.filter((_, i) => (hidden ? hidden.has(i) : hiddenBits & (1 << i))).map((q) => q.index));
      list = questions.filter((q) => !hiddenIndexes.has(q.index)).map((q) => q.question.id);
      if (!hidden && visibleByHidden.size < 1024) visibleByHidden.set(hiddenBits, list);
    }
    return list.slice();
  }
}

/** The questions asked, given the answers: a follow-up is visible when its showIf holds on the visible answers before it. */
export function visibleQuestions(questionnaire: Questionnaire, answers: Answers): string[] {
  return answersInEffect(questionnaire, answers).visible();
}

/** True when the answers so far already call for emergency care: the questionnaire stops there. */
export function hasEmergency(questionnaire: Questionnaire, answers: Answers): boolean {
  const state = answersInEffect(questionnaire, answers);
  return state.model.guidance.some(({ guidance, when }) => guidance.level === 'emergency' && when.test(state));
}
