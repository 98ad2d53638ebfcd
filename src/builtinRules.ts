/**
 * The built-in lupus questionnaire in the language asked for, validated and split at build time
 * (see builtinRulesPlugin.ts): `builtinFirst` for the first screens, `builtinRules` complete.
 */
import { builtinLanguages, loadBuiltinFirst, loadBuiltinRules } from 'virtual:symptom-check/builtin-rules';
import { baseLanguage } from './i18n/index';
import type { Questionnaire } from './questionnaire/schema';

/** The language of the built-in rules to load for `lang`: itself, its base, else the first. */
function builtinLanguageFor(lang: string): string {
  if (builtinLanguages.includes(lang)) return lang;
  const base = baseLanguage(lang);
  return builtinLanguages.includes(base) ? base : builtinLanguages[0]!;
}

/** The languages of the built-in questionnaire (each part loaded holds one). */
export { builtinLanguages };

/** At once (not a promise) for the language this file carries. */
export function builtinFirst(lang: string): Questionnaire | Promise<Questionnaire> {
  return loadBuiltinFirst(builtinLanguageFor(lang));
}

/**
 * The first screens' part for `lang` when this file carries it (the first language), else
 * undefined; unlike builtinFirst, it never starts a load (one nobody waits for would fail unseen).
 */
export function builtinFirstNow(lang: string): Questionnaire | undefined {
  const builtin = builtinLanguageFor(lang);
  return builtin === builtinLanguages[0] ? (loadBuiltinFirst(builtin) as Questionnaire) : undefined;
}

export function builtinRules(lang: string): Promise<Questionnaire> {
  return loadBuiltinRules(builtinLanguageFor(lang));
}
