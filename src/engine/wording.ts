/**
 * The words of advice and its reasons in one language, looked up once per questionnaire and
 * language and then reused: evaluation words the same answers the same way every time.
 */
import { localize } from '../i18n/localize';
import type { AnswerValue, Guidance } from '../questionnaire/schema';
import { answerText, questionLabel } from './describe';
import type { Model } from './model';

export interface Wording {
  /** By index in model.guidance. */
  title: readonly string[];
  text: readonly string[];
  /** "Signs of lupus: 3" */
  score(index: number, value: number): string;
  /** "Swollen or painful joints: Yes", by question index. */
  answer(index: number, value: AnswerValue | undefined): string;
}

/** Reasons remembered per question; a number question with a wide range could otherwise grow without end. */
const MAX_REMEMBERED = 64;

const cache = new WeakMap<Model, Map<string, Wording>>();

/** The wording asked for last: evaluations come many in a row in one language. */
let last: { model: Model; lang: string; wording: Wording } | undefined;

export function wordingOf(model: Model, lang: string): Wording {
  if (last?.model === model && last.lang === lang) return last.wording;
  let byLang = cache.get(model);
  if (!byLang) cache.set(model, (byLang = new Map()));
  let wording = byLang.get(lang);
  if (!wording) byLang.set(lang, (wording = wordingFor(model, lang)));
  last = { model, lang, wording };
  return wording;
}

function wordingFor(model: Model, lang: string): Wording {
  const fallback = model.fallbackLanguage;
  const say = (text: Guidance['title']) => localize(text, lang, fallback);
  const scoreTitles = model.scores.map(({ score }) => say(score.title));
  const labels = model.questions.map(({ question }) => questionLabel(question, lang, fallback));
  // Keyed by the answer itself; a multiple-choice list by its options joined (a list of one
  // by that option, in a map of its own: no string to build).
  const remembered = model.questions.map(() => new Map<string | number | undefined, string>());
  const rememberedLists = model.questions.map(() => new Map<string | number | undefined, string>());
  return {
    title: model.guidance.map(({ guidance }) => say(guidance.title)),
    text: model.guidance.map(({ guidance }) => say(guidance.text)),
    score: (index, value) => `${scoreTitles[index]}: ${value}`,
    answer: (index, value) => {
      const isList = Array.isArray(value);
      const map = isList ? rememberedLists[index]! : remembered[index]!;
      const key = isList ? (value.length === 1 ? value[0]! : `\u0000${value.join('\u0000')}`) : value;
      let reason = map.get(key);
      if (reason === undefined) {
        reason = `${labels[index]}: ${answerText(model.questions[index]!.question, value, lang, fallback)}`;
        if (map.size < MAX_REMEMBERED) map.set(key, reason);
      }
      return reason;
    },
  };
}
