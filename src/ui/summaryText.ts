/** The plain-text summary a patient copies or prints to bring to the doctor. */
import { answerText, questionLabel } from '../engine/describe';
import type { AppliedGuidance } from '../engine/guidance';
import { modelOf } from '../engine/model';
import { stringsFor } from '../i18n/index';
import { localize } from '../i18n/localize';
import { resultWords } from '../i18n/resultWords';
import type { Answers, Questionnaire } from '../questionnaire/schema';

export interface SummaryInput {
  questionnaire: Questionnaire;
  answers: Answers;
  visible: string[];
  guidance: AppliedGuidance[];
  lang: string;
  date: Date;
}

export function formatDate(date: Date, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

export function summaryText({ questionnaire, answers, visible, guidance, lang, date }: SummaryInput): string {
  const t = stringsFor(lang);
  const words = resultWords(lang);
  const model = modelOf(questionnaire);
  const fallback = model.fallbackLanguage;
  const lines = [
    words.summaryHeading,
    `${words.summaryDate}: ${formatDate(date, lang)}`,
    `${words.summaryRules}: ${localize(questionnaire.title, lang, fallback)} (${questionnaire.id} ${questionnaire.version})`,
    '',
    `${words.advice}:`,
  ];
  for (const g of guidance) {
    lines.push(`- [${t.levels[g.level]}] ${g.title}: ${g.text}`);
    if (g.because.length) lines.push(`  ${words.because} ${g.because.join('; ')}`);
  }
  lines.push('', `${words.yourAnswers}:`);
  for (const id of visible) {
    const question = model.questionById.get(id)?.question;
    if (question) lines.push(`- ${questionLabel(question, lang, fallback)}: ${answerText(question, answers[id], lang, fallback)}`);
  }
  lines.push('', t.disclaimer);
  return lines.join('\n');
}
