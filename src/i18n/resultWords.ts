/**
 * The words of the review and result screens and of the summary (and of the later screens' other
 * parts: same-day advice, a number answer's errors), in every language at once:
 * they load with those screens (after the first question), so a page's first load carries
 * none of them, and they are there without waiting when the patient gets to the end.
 */
import type { Level } from '../questionnaire/schema';
import type { Strings } from './en';
import { baseLanguage } from './index';

export interface ResultWords {
  reviewHeading: string;
  reviewIntro: string;
  /** The same, for a look at the answers before the last question. */
  reviewIntroMidRun: string;
  change: string;
  changeLabel: (question: string) => string;
  seeAdvice: string;
  /** The review's main button while questions are still to come (a review mid-run). */
  continueQuestions: string;
  resultHeading: string;
  stoppedEarly: string;
  because: string;
  /** The same, over a list of reasons folded away behind its count. */
  becauseCount: (count: number) => string;
  sourcesLabel: string;
  print: string;
  copy: string;
  copied: string;
  copyFailed: string;
  restart: string;
  /** Asked before starting again, which clears the answers and the advice. */
  restartQuestion: string;
  restartYes: string;
  restartKeep: string;
  clearAnswers: string;
  /** Asked before clearing the kept answers (persist), which also clears the advice. */
  clearQuestion: string;
  clearYes: string;
  summaryHeading: string;
  summaryDate: string;
  summaryRules: string;
  yourAnswers: string;
  advice: string;
  /** Under same-day advice shown on the question screens (UrgentSoFar). */
  urgentDoNotWait: string;
  /** Followed by the emergency number. */
  urgentIfWorse: string;
  /** A number answer's errors (number and scale answers come with the later screens' code). */
  numberRange: (min: number, max: number) => string;
  wholeNumber: string;
  /** Each level's name but the emergency one's (Strings.emergencyLevel: the first screens need it). */
  levels: Record<Exclude<Level, 'emergency'>, string>;
}

const words: Record<string, ResultWords> = {
  en: {
    reviewHeading: 'Check your answers',
    reviewIntro: 'You can change any answer before you see the advice.',
    reviewIntroMidRun: 'These are your answers so far. You can change any of them, then go on with the questions.',
    change: 'Change',
    changeLabel: (question) => `Change your answer: ${question}`,
    seeAdvice: 'See my advice',
    continueQuestions: 'Go on with the questions',
    resultHeading: 'What to do next',
    stoppedEarly: 'We stopped the questions early because of what you said.',
    because: 'Because you said:',
    becauseCount: (count) => `Because you said (${count} answers)`,
    sourcesLabel: 'Based on:',
    print: 'Print or save summary',
    copy: 'Copy summary',
    copied: 'Summary copied.',
    copyFailed: 'Could not copy. The summary is in the box below, selected: copy it from there.',
    restart: 'Start again',
    restartQuestion: 'Start again? Your answers and this advice will be cleared.',
    restartYes: 'Yes, start again',
    restartKeep: 'No, keep my answers',
    clearAnswers: 'Clear my answers',
    clearQuestion: 'Clear your answers? They will be removed from this browser tab, with this advice.',
    clearYes: 'Yes, clear them',
    summaryHeading: 'Summary to show your doctor',
    summaryDate: 'Date',
    summaryRules: 'Questionnaire',
    yourAnswers: 'Your answers',
    advice: 'Advice',
    urgentDoNotWait: 'Do not wait until the end of the questions to get help. You can go on with them: all your advice is shown at the end.',
    urgentIfWorse: 'If you feel worse or very unwell, call your emergency number now:',
    numberRange: (min, max) => `Enter a number from ${min} to ${max}.`,
    wholeNumber: 'Enter a whole number.',
    levels: {
      urgent: 'Get medical help today',
      soon: 'See a doctor within a day or two',
      routine: 'Book an appointment with a doctor in the next few weeks',
      info: 'Good to know',
    },
  },
  hi: {
    reviewHeading: 'अपने जवाब जाँच लें',
    reviewIntro: 'सलाह देखने से पहले आप कोई भी जवाब बदल सकते हैं।',
    reviewIntroMidRun: 'ये अब तक के आपके जवाब हैं। आप इनमें से कोई भी बदल सकते हैं, फिर सवाल आगे जारी रखें।',
    change: 'बदलें',
    changeLabel: (question) => `अपना जवाब बदलें: ${question}`,
    seeAdvice: 'मेरी सलाह देखें',
    continueQuestions: 'सवाल आगे जारी रखें',
    resultHeading: 'आगे क्या करें',
    stoppedEarly: 'आपने जो बताया, उसकी वजह से हमने सवाल पहले ही रोक दिए।',
    because: 'क्योंकि आपने बताया:',
    becauseCount: (count) => `क्योंकि आपने बताया (${count} जवाब)`,
    sourcesLabel: 'आधार:',
    print: 'सारांश प्रिंट या सेव करें',
    copy: 'सारांश कॉपी करें',
    copied: 'सारांश कॉपी हो गया।',
    copyFailed: 'कॉपी नहीं हो सका। सारांश नीचे के बॉक्स में चुना हुआ है: वहाँ से कॉपी करें।',
    restart: 'फिर से शुरू करें',
    restartQuestion: 'फिर से शुरू करें? आपके जवाब और यह सलाह मिट जाएँगे।',
    restartYes: 'हाँ, फिर से शुरू करें',
    restartKeep: 'नहीं, मेरे जवाब रखें',
    clearAnswers: 'मेरे जवाब मिटाएँ',
    clearQuestion: 'अपने जवाब मिटाएँ? वे इस ब्राउज़र टैब से हटा दिए जाएँगे, और यह सलाह भी।',
    clearYes: 'हाँ, मिटाएँ',
    summaryHeading: 'डॉक्टर को दिखाने के लिए सारांश',
    summaryDate: 'तारीख',
    summaryRules: 'प्रश्नावली',
    yourAnswers: 'आपके जवाब',
    advice: 'सलाह',
    urgentDoNotWait: 'मदद लेने के लिए सवाल ख़त्म होने का इंतज़ार न करें। आप सवाल जारी रख सकते हैं: आपकी पूरी सलाह आख़िर में दिखेगी।',
    urgentIfWorse: 'अगर तबीयत और बिगड़े या आप बहुत बीमार महसूस करें, तो अभी अपने इमरजेंसी नंबर पर कॉल करें:',
    numberRange: (min, max) => `${min} से ${max} के बीच कोई संख्या लिखें।`,
    wholeNumber: 'पूरी संख्या लिखें।',
    levels: {
      urgent: 'आज ही डॉक्टर की मदद लें',
      soon: 'एक-दो दिन में डॉक्टर को दिखाएँ',
      routine: 'अगले कुछ हफ़्तों में डॉक्टर से मिलने का समय लें',
      info: 'जानकारी के लिए',
    },
  },
};

/** A level's name, as the result and the summary head each group and entry. */
export function levelName(level: Level, t: Pick<Strings, 'emergencyLevel'>, words: ResultWords): string {
  return level === 'emergency' ? t.emergencyLevel : words.levels[level];
}

/** The words for `lang`, or its base language's, else English (as for the widget's other strings). */
export function resultWords(lang: string): ResultWords {
  return words[baseLanguage(lang)] ?? words.en!;
}
