/** Answers and questions in words a patient understands, for reasons, review and summaries. */
import { localize } from '../i18n/localize';
import { answerWords } from '../i18n/answerWords';
import type { AnswerValue, Question } from '../questionnaire/schema';

export function questionLabel(question: Question, lang: string, fallback: string): string {
  return localize(question.summary ?? question.text, lang, fallback);
}

export function answerText(question: Question, value: AnswerValue | undefined, lang: string, fallback: string): string {
  const words = answerWords(lang);
  if (value === undefined) return words.notAnswered;
  if (value === 'unsure') return question.type === 'number' || question.type === 'scale' ? words.ratherNotSay : words.unsure;
  switch (question.type) {
    case 'yesno':
      return value === 'yes' ? words.yes : value === 'no' ? words.no : String(value);
    case 'single':
    case 'multi': {
      const ids = Array.isArray(value) ? value : [String(value)];
      return optionsText(ids, (id) => localize(question.options.find((o) => o.id === id)?.text, lang, fallback) || id, words.notAnswered);
    }
    case 'number': {
      const unit = localize(question.unit, lang, fallback);
      return unit ? `${value} ${unit}` : String(value);
    }
    case 'scale':
      return `${value} / ${question.max}`;
  }
}

/** The options chosen, in words: "Chest pain; One swollen leg" (`textOf` gives an option's words). */
export function optionsText(ids: readonly string[], textOf: (id: string) => string, notAnswered: string): string {
  if (ids.length === 0) return notAnswered;
  // A loop, not map and join: reasons word a ticked list on every evaluation.
  let text = textOf(ids[0]!);
  for (let i = 1; i < ids.length; i++) text += '; ' + textOf(ids[i]!);
  return text;
}
