/**
 * Flesch-Kincaid reading grade of an English text (Kincaid et al., 1975):
 *   0.39 × words/sentences + 11.8 × syllables/words − 15.59
 * Syllables come from the `syllable` package (a dictionary of exceptions plus rules), the
 * formula from `flesch-kincaid`. Our own parts are only the tokenising:
 * - a word is a run of letters, with ' or - inside it ("don't", "butterfly-shaped");
 *   a number ("38", "100.4") is one word of one syllable;
 * - an abbreviation in capitals ("SLE", "DVT", "APTT") is read letter by letter, so it counts
 *   one syllable a letter;
 * - a sentence ends at . ! or ? followed by a space or the end; a text with no end mark is one
 *   sentence (a question label, a heading).
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Rounded to one decimal, as printed. NaN for a text with no words. */
  grade: number;
  /** The longest words (3 syllables or more), longest first, at most 3: where to start simplifying. */
  hardest: { word: string; syllables: number }[];
}

const WORD = /\p{N}+(?:[.,]\p{N}+)*|\p{L}+(?:['’-]\p{L}+)*/gu;
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s|$)/u;
const ABBREVIATION = /^\p{Lu}{2,6}s?$/u;

export function syllablesIn(word: string): number {
  if (/^\p{N}/u.test(word)) return 1;
  if (ABBREVIATION.test(word)) return word.replace(/s$/, '').length;
  return Math.max(1, syllable(word));
}

export function readability(text: string): Readability {
  const sentences = text.split(SENTENCE_END).filter((part) => /[\p{L}\p{N}]/u.test(part));
  const words = text.match(WORD) ?? [];
  const counted = words.map((word) => ({ word, syllables: syllablesIn(word) }));
  const syllables = counted.reduce((sum, w) => sum + w.syllables, 0);
  const grade = fleschKincaid({ sentence: Math.max(1, sentences.length), word: words.length, syllable: syllables });
  const seen = new Set<string>();
  const hardest = counted
    .filter((w) => w.syllables >= 3 && !seen.has(w.word.toLowerCase()) && (seen.add(w.word.toLowerCase()), true))
    .sort((a, b) => b.syllables - a.syllables)
    .slice(0, 3);
  return { words: words.length, sentences: Math.max(1, sentences.length), syllables, grade: Math.round(grade * 10) / 10, hardest };
}
