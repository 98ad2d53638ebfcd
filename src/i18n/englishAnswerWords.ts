/**
 * The words for answers in English. Apart from the other languages' (answerWords.ts) so that the
 * widget's entry carries English only.
 */
export interface AnswerWords {
  yes: string;
  no: string;
  unsure: string;
  ratherNotSay: string;
  notAnswered: string;
}

export const englishAnswerWords: AnswerWords = { yes: 'Yes', no: 'No', unsure: 'Not sure', ratherNotSay: 'Not sure, or I would rather not say', notAnswered: 'Not answered' };
