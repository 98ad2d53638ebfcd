import type { LocalText } from '../questionnaire/schema';

/**
 * The text in `lang`, else its base language ("hi" for "hi-IN"), else the fallback language,
 * else any language the text has. Own keys only: "constructor" is no language.
 */
export function localize(text: LocalText | undefined, lang: string, fallback: string): string {
  if (!text) return '';
  for (const code of [lang, lang.split('-')[0]!, fallback]) if (Object.hasOwn(text, code)) return text[code]!;
  return Object.values(text)[0] ?? '';
}
