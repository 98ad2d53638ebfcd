import { englishAnswerWords } from './englishAnswerWords';

/** The widget's own words in English; every other language provides the same keys. */
export const en = {
  ...englishAnswerWords,
  dir: 'ltr' as 'ltr' | 'rtl',
  widgetLabel: 'Symptom check',
  language: 'Language',
  disclaimerHeading: 'Important',
  disclaimer:
    'This is not a diagnosis and does not replace a doctor. It cannot tell you if you have an illness. If you feel very unwell, call your emergency number now.',
  privacy: 'Your answers stay on this device. Nothing is sent anywhere.',
  keepAnswers: 'Keep my answers in this browser tab if the page reloads, until I close the tab or clear them.',
  cleared: 'Your saved answers were removed.',
  start: 'Start',
  next: 'Next',
  back: 'Back',
  reviewSoFar: 'See my answers so far',
  progress: (n: number, total: number) => `Question ${n} of ${total}`,
  tickAll: 'Tick all that apply.',
  errorPrefix: 'Error:',
  required: 'Choose an answer to go on.',
  /** After `required`, naming the question's way out: "Not sure", "None of these"… */
  isFine: (choice: string) => `"${choice}" is fine.`,
  callNow: (number: string) => `Call ${number} now`,
  /** The emergency result's heading; the other levels' names load with the result (resultWords). */
  emergencyLevel: 'Get emergency care now',
  loading: 'Loading the questions…',
  loadingAdvice: 'Loading the advice…',
  errorHeading: 'This symptom check could not start',
  errorBody: 'The questions could not be loaded. Please try again later, or ask the clinic for help. If you feel very unwell, call your emergency number now.',
  errorDetails: 'Details for the website team',
  stoppedHeading: 'This symptom check stopped',
  stoppedBody: 'The next part could not be shown. Reload the page to try again. If you feel very unwell, call your emergency number now.',
};

export type Strings = typeof en;
