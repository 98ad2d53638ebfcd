/**
 * Checks an answers object against a questionnaire. Unknown questions and impossible values
 * are errors that name the question, never silently ignored.
 */
import { didYouMean } from '../questionnaire/problem';
import type { Answers, Question, Questionnaire } from '../questionnaire/schema';
import { modelOf } from './model';

export interface AnswerProblem {
  question: string;
  message: string;
}

export class AnswersError extends Error {
  constructor(readonly problems: AnswerProblem[]) {
    super(problems.map((p) => `${p.question}: ${p.message}`).join('\n'));
    this.name = 'AnswersError';
  }
}

export function checkAnswers(questionnaire: Questionnaire, answers: unknown): AnswerProblem[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return [{ question: '(all)', message: 'answers must be an object keyed by question id, e.g. {"joint_pain": "yes"}' }];
  }
  const model = modelOf(questionnaire);
  const problems: AnswerProblem[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const compiled = model.questionById.get(id);
    if (!compiled) {
      const hint = didYouMean(id, model.questionById.keys());
      problems.push({ question: id, message: `there is no question "${id}" in ${questionnaire.id}${hint ? ` (${hint})` : ''}` });
      continue;
    }
    const message = valueProblem(compiled.question, value);
    if (message) problems.push({ question: id, message });
  }
  return problems;
}

/** Why `value` cannot answer `question`, or undefined when it can. */
export function valueProblem(question: Question, value: unknown): string | undefined {
  if (value === 'unsure') return undefined;
  switch (question.type) {
    case 'yesno':
      return value === 'yes' || value === 'no' ? undefined : `${show(value)} is not an answer to a yes/no question; use "yes", "no" or "unsure"`;
    case 'single': {
      const ids = question.options.map((o) => o.id);
      if (typeof value === 'string' && ids.includes(value)) return undefined;
      const hint = typeof value === 'string' ? didYouMean(value, ids) : undefined;
      return `${show(value)} is not one of the options (${ids.join(', ')})${hint ? `; ${hint}` : ''}`;
    }
    case 'multi': {
      if (!Array.isArray(value)) return `a multiple-choice answer is a list of option ids, got ${show(value)}`;
      const ids = question.options.map((o) => o.id);
      for (const item of value) {
        if (typeof item !== 'string' || !ids.includes(item)) {
          const hint = typeof item === 'string' ? didYouMean(item, ids) : undefined;
          return `${show(item)} is not one of the options (${ids.join(', ')})${hint ? `; ${hint}` : ''}`;
        }
      }
      if (new Set(value).size !== value.length) return 'an option is listed twice';
      const exclusive = question.options.find((o) => o.exclusive && value.includes(o.id));
      if (exclusive && value.length > 1) return `"${exclusive.id}" cannot be chosen together with other options`;
      return undefined;
    }
    case 'number':
    case 'scale': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number from ${question.min} to ${question.max} or "unsure", got ${show(value)}`;
      if (value < question.min || value > question.max) return `${value} is out of range: the answer must be from ${question.min} to ${question.max}`;
      const whole = question.type === 'scale' || question.integer;
      if (whole && !Number.isInteger(value)) return `${value} is not a whole number`;
      return undefined;
    }
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
