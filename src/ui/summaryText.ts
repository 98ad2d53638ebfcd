/** The plain-text summary a patient copies or prints to bring to the doctor. */
import { answerText, questionLabel } from '../engine/describe';
import type { AppliedGuidance } from '../engine/guidance';
import { modelOf } from '../engine/model';
import { stringsFor } from '../i18n/index';
import { localize } from '../i18n/localize';
import { levelName, resultWords } from '../i18n/resultWords';
import type { Answers, Questionnaire } from '../questionnaire/schema';

export interface SummaryInput {
  questionnaire: Questionnaire;
  answers: Answers;
  visible: string[];
  guidance: AppliedGuidance[];
  lang: string;
  date: Date;
  /** An emergency answer stopped the questions: the ones after it were never asked. */
  stoppedEarly: boolean;
  /** The number to call, said first when the advice is to get emergency care. */
  emergencyNumber?: string;
}

/**
 * The questions a summary lists: all those asked; when an emergency stopped the questions, only
 * those answered, so that a doctor does not read "Not answered" for questions never put.
 */
export function listedQuestions(visible: string[], answers: Answers, stoppedEarly: boolean): string[] {
  return stoppedEarly ? visible.filter((id) => Object.hasOwn(answers, id)) : visible;
}

/** "Title: text", or "Title. Text" when the title already ends a sentence. */
export function titleAndText(title: string, text: string): string {
  return `${title}${/[.!?।]$/.test(title) ? ' ' : ': '}${text}`;
}

export function formatDate(date: Date, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

export function summaryText({ questionnaire, answers, visible, guidance, lang, date, stoppedEarly, emergencyNumber }: SummaryInput): string {
  const t = stringsFor(lang);
  const words = resultWords(lang);
  const model = modelOf(questionnaire);
  const fallback = model.fallbackLanguage;
  const lines = [
    words.summaryHeading,
    `${words.summaryDate}: ${formatDate(date, lang)}`,
    `${words.summaryRules}: ${localize(questionnaire.title, lang, fallback)} (${questionnaire.id} ${questionnaire.version})`,
    ...(stoppedEarly ? [words.stoppedEarly] : []),
    // As on screen and on paper: the number to call comes before the advice.
    ...(emergencyNumber && guidance.some((g) => g.level === 'emergency') ? ['', t.callNow(emergencyNumber)] : []),
    '',
    `${words.advice}:`,
  ];
  for (const g of guidance) {
    lines.push(`- [${levelName(g.level, t, words)}] ${titleAndText(g.title, g.text)}`);
    if (g.because.length) lines.push(`  ${words.because} ${g.because.join('; ')}`);
  }
  lines.push('', `${words.yourAnswers}:`);
  for (const id of listedQuestions(visible, answers, stoppedEarly)) {
    const question = model.questionById.get(id)?.question;
    if (question) lines.push(`- ${questionLabel(question, lang, fallback)}: ${answerText(question, Object.hasOwn(answers, id) ? answers[id] : undefined, lang, fallback)}`);
  }
  lines.push('', t.disclaimer);
  return lines.join('\n');
}
