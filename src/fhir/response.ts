/**
 * Answers as a FHIR R4 QuestionnaireResponse, for the widget's `sc-complete` event and for
 * clinics that file results in a FHIR server. Groups mirror the questionnaire's sections; only
 * questions the patient was asked and answered appear (the answer to a follow-up that was later
 * hidden is dropped, as the engine drops it).
 *
 * "Not sure" on a yes/no question is the coded answer `unsure`. Where an answer cannot be coded
 * (a number or scale "Not sure, or I would rather not say"; "unsure" given through the API to a
 * choice question that has no such option), the item has no answer and the standard
 * data-absent-reason extension says why: `unknown` for numbers and scales (the one box covers
 * both "not sure" and "rather not say"), `asked-unknown` for choices.
 * No Node APIs and no clock: the caller passes `authored`.
 */
import type { QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from 'fhir/r4';
import { AnswersError, checkAnswers } from '../engine/answers';
import { visibleQuestions } from '../engine/evaluate';
import { localize } from '../i18n/localize';
import type { Answers, AnswerValue, Question, Questionnaire } from '../questionnaire/schema';
import { canonicalUrl, optionCoding, sectionLinkId, URLS } from './codes';

export interface ResponseOptions {
  /** When the answers were given: a FHIR dateTime with a time zone, e.g. new Date().toISOString(). */
  authored: string;
  /** The language the patient used (default: the questionnaire's first). */
  lang?: string;
  /**
   * Default: "completed" when every question asked was answered, else "in-progress". The widget
   * passes "completed" when it reached the result (also when it stopped early for an emergency).
   */
  status?: 'completed' | 'in-progress';
}

/** @throws AnswersError when an answer does not fit its question, naming the question. */
export function toFhirQuestionnaireResponse(q: Questionnaire, answers: Answers, options: ResponseOptions): QuestionnaireResponse {
  const problems = checkAnswers(q, answers);
  if (problems.length > 0) throw new AnswersError(problems);
  const lang = options.lang ?? q.languages[0]!;
  const visible = new Set(visibleQuestions(q, answers));
  let unanswered = 0;
  const groups: QuestionnaireResponseItem[] = [];
  for (const section of q.sections) {
    const items: QuestionnaireResponseItem[] = [];
    for (const question of section.questions) {
      if (!visible.has(question.id)) continue;
      const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
      if (value === undefined || (Array.isArray(value) && value.length === 0)) {
        unanswered++;
        continue;
      }
      items.push(answerItem(q, question, value, lang));
    }
    if (items.length) groups.push({ linkId: sectionLinkId(q, section.id), text: localize(section.title, lang, q.languages[0]!), item: items });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${canonicalUrl(q)}|${q.version}`,
    status: options.status ?? (unanswered === 0 ? 'completed' : 'in-progress'),
    authored: options.authored,
    language: lang,
    ...(groups.length ? { item: groups } : {}),
  };
}

function answerItem(q: Questionnaire, question: Question, value: AnswerValue, lang: string): QuestionnaireResponseItem {
  const item: QuestionnaireResponseItem = { linkId: question.id, text: localize(question.text, lang, q.languages[0]!) };
  const absent = (code: 'unknown' | 'asked-unknown'): QuestionnaireResponseItem => ({ ...item, extension: [{ url: URLS.dataAbsentReason, valueCode: code }] });
  if (question.type === 'number' || question.type === 'scale') {
    if (typeof value !== 'number') return absent('unknown');
    const whole = question.type === 'scale' || question.integer === true;
    return { ...item, answer: [whole ? { valueInteger: value } : { valueDecimal: value }] };
  }
  const answer: QuestionnaireResponseItemAnswer[] = [];
  for (const id of Array.isArray(value) ? value : [String(value)]) {
    const coding = optionCoding(q, question, id, lang);
    if (coding) answer.push({ valueCoding: coding });
  }
  return answer.length ? { ...item, answer } : absent('asked-unknown');
}
