import { en, type Strings } from './en';
import { hi } from './hi';

export type { Strings };

const catalog: Record<string, Strings> = { en, hi };

/** The primary subtag of a language code ("hi-IN" → "hi"). */
export function baseLanguage(lang: string | null | undefined): string {
  return (lang ?? '').toLowerCase().split('-')[0] ?? '';
}

/** The widget's words for `lang`; unknown languages fall back to English. */
export function stringsFor(lang: string | null | undefined): Strings {
  return catalog[baseLanguage(lang)] ?? en;
}

export function hasStrings(lang: string | null | undefined): boolean {
  return baseLanguage(lang) in catalog;
}
