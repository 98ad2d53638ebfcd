/**
 * The words of advice and its reasons in one language, looked up once per questionnaire and
 * language and then reused: evaluation words the same answers the same way every time.
 */
import { answerWords } from '../i18n/answerWords';
import { localize } from '../i18n/localize';
import type { AnswerValue, Guidance } from '../questionnaire/schema';
import { answerText, optionsText, questionLabel } from './describe';
import type { Model } from './model';

export interface Wording {
  /** By index in model.guidance. */
  title: readonly string[];
  text: readonly string[];
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
  const labels = model.questions.map(({ question }) => questionLabel(question, lang, fallback));
  // Remembered by the answer itself; a list of options (too many combinations to remember) is
  // worded from its options' words, looked up once.
  const remembered = model.questions.map(() => new Map<string | number | undefined, string>());
  const optionWords = model.questions.map(({ question }) =>
    'options' in question ? new Map(question.options.map((o) => [o.id, localize(o.text, lang, fallback) || o.id])) : undefined,
  );
  const { notAnswered } = answerWords(lang);
  return {
    title: model.guidance.map(({ guidance }) => say(guidance.title)),
    text: model.guidance.map(({ guidance }) => say(guidance.text)),
    answer: (index, value) => {
      const words = optionWords[index];
      if (Array.isArray(value) && words) return `${labels[index]}: ${optionsText(value, (id) => words.get(id) ?? id, notAnswered)}`;
      const map = remembered[index]!;
      let reason = map.get(value as string | number | undefined);
      if (reason === undefined) {
        reason = `${labels[index]}: ${answerText(model.questions[index]!.question, value, lang, fallback)}`;
        if (map.size < MAX_REMEMBERED) map.set(value as string | number | undefined, reason);
      }
      return reason;
    },
  };
}
