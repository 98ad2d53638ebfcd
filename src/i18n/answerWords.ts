/**
 * The words for answers that every language needs synchronously (reasons, summaries, FHIR
 * displays), kept apart from the widget's other strings so those can load lazily. English's are
 * in englishAnswerWords.ts, which the widget's entry carries; this file, with the Hindi ones,
 * comes with the engine's chunks and with the Hindi strings.
 */
import { englishAnswerWords, type AnswerWords } from './englishAnswerWords';

export type { AnswerWords };

export const hindiAnswerWords: AnswerWords = { yes: 'हाँ', no: 'नहीं', unsure: 'पक्का नहीं पता', ratherNotSay: 'पक्का नहीं पता, या मैं नहीं बताना चाहता/चाहती', notAnswered: 'जवाब नहीं दिया' };

const words: Record<string, AnswerWords> = { en: englishAnswerWords, hi: hindiAnswerWords };

export function answerWords(lang: string): AnswerWords {
  return words[lang] ?? words[lang.toLowerCase().split('-')[0] ?? ''] ?? englishAnswerWords;
}
