/**
 * The words for answers that every language needs synchronously (reasons, summaries, FHIR
 * displays), kept apart from the widget's other strings so those can load lazily.
 */
export interface AnswerWords {
  yes: string;
  no: string;
  unsure: string;
  ratherNotSay: string;
  notAnswered: string;
}

const words: Record<string, AnswerWords> = {
  en: { yes: 'Yes', no: 'No', unsure: 'Not sure', ratherNotSay: 'Not sure, or I would rather not say', notAnswered: 'Not answered' },
  hi: { yes: 'हाँ', no: 'नहीं', unsure: 'पक्का नहीं पता', ratherNotSay: 'पक्का नहीं पता, या मैं नहीं बताना चाहता/चाहती', notAnswered: 'जवाब नहीं दिया' },
};

export function answerWords(lang: string): AnswerWords {
  return words[lang] ?? words[lang.toLowerCase().split('-')[0] ?? ''] ?? words.en!;
}

export const englishAnswerWords = words.en!;
export const hindiAnswerWords = words.hi!;
