/**
 * Checks an answers object against a questionnaire. Unknown questions and impossible values
 * are errors that name the question, never silently ignored.
 */
import { didYouMean } from '../questionnaire/problem';
import type { Answers, Question, Questionnaire } from '../questionnaire/schema';
import { answerIssue } from './answerValidity';
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
    // Left undefined is not answered, as in JSON (which drops it) and in the engine.
    if (value === undefined) continue;
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

/** Why `value` cannot answer `question`, in words, or undefined when it can. */
export function valueProblem(question: Question, value: unknown): string | undefined {
  const issue = answerIssue(question, value);
  if (!issue) return undefined;
  const ids = 'options' in question ? question.options.map((o) => o.id) : [];
  const range = 'min' in question ? `from ${question.min} to ${question.max}` : '';
  switch (issue.code) {
    case 'not-yesno':
      return `${show(value)} is not an answer to a yes/no question; use "yes", "no" or "unsure"`;
    case 'not-option': {
      const hint = typeof issue.item === 'string' ? didYouMean(issue.item, ids) : undefined;
      return `${show(issue.item)} is not one of the options (${ids.join(', ')})${hint ? `; ${hint}` : ''}`;
    }
    case 'not-list':
      return `a multiple-choice answer is a list of option ids, got ${show(value)}`;
    case 'duplicate':
      return 'an option is listed twice';
    case 'exclusive':
      return `"${issue.option}" cannot be chosen together with other options`;
    case 'not-number':
      return `expected a number ${range} or "unsure", got ${show(value)}`;
    case 'range':
      return `${value} is out of range: the answer must be ${range}`;
    case 'whole':
      return `${value} is not a whole number`;
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // A BigInt, a cycle or a throwing toJSON: name the type instead.
    return `a ${typeof value}`;
  }
  return text === undefined ? `a ${typeof value}` : text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
