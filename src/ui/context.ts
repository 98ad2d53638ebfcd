import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Strings } from '../i18n/en';
import { localize } from '../i18n/localize';
import type { LocalText, Questionnaire } from '../questionnaire/schema';

/** What every screen needs to speak: the language, the widget's words, and the questionnaire's texts. */
export interface Speech {
  lang: string;
  t: Strings;
  /** A questionnaire text in the current language, with the file's fallback. */
  text: (value: LocalText | undefined) => string;
}

export function speechFor(questionnaire: Questionnaire, lang: string, t: Strings): Speech {
  const fallback = questionnaire.languages[0] ?? 'en';
  return { lang, t, text: (value) => localize(value, lang, fallback) };
}

export const SpeechContext = createContext<Speech | null>(null);

export function useSpeech(): Speech {
  const speech = useContext(SpeechContext);
  if (!speech) throw new Error('useSpeech outside <SpeechContext.Provider>');
  return speech;
}
