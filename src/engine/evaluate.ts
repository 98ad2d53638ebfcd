/** The engine's public entry: answers are checked, then evaluated (see guidance.ts). */
import type { Answers, Questionnaire } from '../questionnaire/schema';
import { AnswersError, checkAnswers } from './answers';
import { evaluateAnswers, type Evaluation } from './guidance';

export * from './guidance';

export interface EvaluateOptions {
  lang?: string;
  /** Skip the answers check when the caller has already checked them. */
  trusted?: boolean;
}

/** The guidance for `answers`; throws AnswersError naming each answer the questionnaire cannot take. */
export function evaluate(questionnaire: Questionnaire, answers: Answers, options: EvaluateOptions = {}): Evaluation {
  if (!options.trusted) {
    const problems = checkAnswers(questionnaire, answers);
    if (problems.length > 0) throw new AnswersError(problems);
  }
  return evaluateAnswers(questionnaire, answers, options.lang);
}
