/**
 * answers → the guidance that applies, most urgent first, each with the answers that made it
 * apply in plain words. Pure and deterministic. Takes answers as given: `evaluate` (evaluate.ts)
 * checks them first; the widget, whose machine only stores valid answers, calls this directly.
 * The widget loads this with its result screen; what the machine needs is in answersInEffect.ts.
 */
import type { Level } from '../questionnaire/levels';
import type { Answers, Questionnaire } from '../questionnaire/schema';
import { answersInEffect, type AnswersInEffect } from './answersInEffect';
import type { Basis } from './conditions';
import { wordingOf, type Wording } from './wording';

export interface AppliedGuidance {
  id: string;
  level: Level;
  title: string;
  text: string;
  /** Plain-language reasons: "Swollen or painful joints: Yes". */
  because: string[];
  sources: string[];
}

export interface Evaluation {
  guidance: AppliedGuidance[];
  /** Ids of the questions that are asked given these answers, in asking order. */
  visible: string[];
  scores: Record<string, number>;
}

let spareBasis: Basis | undefined;

export function evaluateAnswers(questionnaire: Questionnaire, answers: Answers, lang?: string): Evaluation {
  const state = answersInEffect(questionnaire, answers);
  const { model } = state;
  const words = wordingOf(model, lang ?? model.fallbackLanguage);
  // The basis is emptied after each use, so one can serve every evaluation (a nested one gets its own).
  let basis = spareBasis;
  spareBasis = undefined;
  if (basis?.questions.length !== model.questions.length) basis = { questions: new Array<Basis['questions'][number]>(model.questions.length).fill(0) };
  const guidance: AppliedGuidance[] = [];
  // model.guidance is already most urgent first.
  for (let i = 0; i < model.guidance.length; i++) {
    const { guidance: g, when, reasonQuestions } = model.guidance[i]!;
    if (!when.test(state)) continue;
    when.explain(state, basis);
    guidance.push({ id: g.id, level: g.level, title: words.title[i]!, text: words.text[i]!, because: reasons(state, basis, reasonQuestions, words), sources: g.sources });
  }
  const scores: Record<string, number> = {};
  for (let i = 0; i < model.scores.length; i++) scores[model.scores[i]!.score.id] = state.score(i);
  spareBasis = basis;
  return { guidance, visible: state.visible(), scores };
}

/**
 * The basis in words, in asking order (like the questionnaire); empties the basis. Only the
 * questions the guidance can name are looked at.
 */
function reasons(state: AnswersInEffect, basis: Basis, candidates: readonly number[], words: Wording): string[] {
  const out: string[] = [];
  const marks = basis.questions;
  for (const i of candidates) {
    const mark = marks[i];
    if (mark) {
      marks[i] = 0;
      const value = state.values[i];
      // Only the options that made it true (each is ticked: explain follows only what holds), in
      // the order the patient sees them.
      out.push(words.answer(i, mark === 1 || !Array.isArray(value) ? value : mark.length === 1 ? mark : value.filter((id) => mark.includes(id))));
    }
  }
  return out;
}

export { answersInEffect, hasEmergency, visibleQuestions } from './answersInEffect';
