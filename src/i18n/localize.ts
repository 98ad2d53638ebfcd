import type { LocalText } from '../questionnaire/schema';

/** The text in `lang`, else in the fallback language, else in any language the text has. */
export function localize(text: LocalText | undefined, lang: string, fallback: string): string {
  if (!text) return '';
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
