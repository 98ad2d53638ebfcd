/**
 * The widget's strings. English is always there; other languages load on demand
 * (`loadStrings`), so a page pays only for the language it shows.
 */
import { en, type Strings } from './en';

export type { Strings };

const loaders: Record<string, () => Promise<Strings>> = {
  // Both at once: the answer words come with the engine's chunks, so they are a file of their own.
  hi: () => Promise.all([import('./answerWords'), import('./hi')]).then(([words, m]) => ({ ...words.hindiAnswerWords, ...m.hi })),
};
const loaded: Record<string, Strings> = { en };

/** Each language the widget speaks, named in itself: what a patient looks for to switch to it. */
export const languageNames: Record<string, string> = { en: 'English', hi: 'हिन्दी' };

/** The primary subtag of a language code ("hi-IN" → "hi"). */
export function baseLanguage(lang: string | null | undefined): string {
  return (lang ?? '').toLowerCase().split('-')[0] ?? '';
}

/** Whether the widget speaks `lang` (loaded or not). */
export function hasStrings(lang: string | null | undefined): boolean {
  const base = baseLanguage(lang);
  return base in loaded || base in loaders;
}

/** Makes `stringsFor(lang)` return that language; unknown languages resolve to English. */
export async function loadStrings(lang: string | null | undefined): Promise<Strings> {
  const base = baseLanguage(lang);
  if (!loaded[base] && loaders[base]) loaded[base] = await loaders[base]();
  return stringsFor(lang);
}

/** Whether `stringsFor(lang)` needs no `loadStrings` first (loaded, or unknown: English). */
export function stringsReady(lang: string | null | undefined): boolean {
  const base = baseLanguage(lang);
  return base in loaded || !(base in loaders);
}

/** The widget's words for `lang` if loaded (see loadStrings); otherwise English. */
export function stringsFor(lang: string | null | undefined): Strings {
  return loaded[baseLanguage(lang)] ?? en;
}
