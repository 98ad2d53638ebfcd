import { describe, expect, it } from 'vitest';
import { readability, syllablesIn } from '../../src/lint/readability';

describe('Flesch-Kincaid grade', () => {
  // [text, words, sentences, syllables, grade]: grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59
  const rows: [string, number, number, number, number][] = [
    ['The cat sat on the mat.', 6, 1, 6, -1.4],
    ['Do you feel very tired most days, even after rest or sleep?', 12, 1, 15, 3.8],
    ['The cat sat. The dog ran.', 6, 2, 6, -2.6],
    // The syllable package counts "autoimmune" as 3 (it is 4): counts are a heuristic's, close but not exact.
    ['Systemic lupus erythematosus is an autoimmune disease.', 7, 1, 18, 17.5],
  ];
  it.each(rows)('%s', (text, words, sentences, syllables, grade) => {
    expect(readability(text)).toMatchObject({ words, sentences, syllables, grade });
  });

  it('is NaN for a text with no words', () => {
    expect(readability('— ?').grade).toBeNaN();
  });

  it('names the longest words first, each once', () => {
    expect(readability('Inflammation, inflammation and erythematosus.').hardest).toEqual([
      { word: 'erythematosus', syllables: 6 },
      { word: 'Inflammation', syllables: 4 },
    ]);
  });
});

describe('tokenising', () => {
  it.each([
    ['lupus', 2],
    ['butterfly-shaped', 4],
    ["don't", 1],
    ['SLE', 3], // read letter by letter
    ['DVTs', 3],
    ['APTT', 4],
    ['38', 1], // a number is one word of one syllable
    ['100.4', 1],
  ])('%s has %i syllables', (word, count) => {
    expect(syllablesIn(word)).toBe(count);
  });

  it('keeps a decimal number and a hyphenated word whole, and does not end a sentence inside "100.4"', () => {
    expect(readability('A fever of 100.4°F or higher, with a butterfly-shaped rash.')).toMatchObject({ words: 11, sentences: 1 });
  });

  it('ends a sentence at a full stop before a closing bracket or quote', () => {
    expect(readability('Call now (it is urgent.) Then wait.').sentences).toBe(2);
  });
});
