/** Whether a value can answer a question, as a code: the widget needs no messages, the CLI words them (answers.ts). */
import type { Question } from '../questionnaire/schema';

export type AnswerIssue =
  | { code: 'not-yesno' }
  | { code: 'not-option'; item: unknown }
  | { code: 'not-list' }
  | { code: 'duplicate' }
  | { code: 'exclusive'; option: string }
  | { code: 'not-number' }
  | { code: 'range' }
  | { code: 'whole' };

export function answerIssue(question: Question, value: unknown): AnswerIssue | undefined {
  if (value === 'unsure') return undefined;
  switch (question.type) {
    case 'yesno':
      return value === 'yes' || value === 'no' ? undefined : { code: 'not-yesno' };
    case 'single':
      return typeof value === 'string' && question.options.some((o) => o.id === value) ? undefined : { code: 'not-option', item: value };
    case 'multi': {
      if (!Array.isArray(value)) return { code: 'not-list' };
      // The index, not the item: an undefined item must not pass for "none found".
      const unknown = value.findIndex((item) => typeof item !== 'string' || !question.options.some((o) => o.id === item));
      if (unknown >= 0) return { code: 'not-option', item: value[unknown] };
      if (new Set(value).size !== value.length) return { code: 'duplicate' };
      const exclusive = question.options.find((o) => o.exclusive && value.includes(o.id));
      return exclusive && value.length > 1 ? { code: 'exclusive', option: exclusive.id } : undefined;
    }
    case 'number':
    case 'scale':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'not-number' };
      if (value < question.min || value > question.max) return { code: 'range' };
      return (question.type === 'scale' || question.integer) && !Number.isInteger(value) ? { code: 'whole' } : undefined;
  }
}
