import { describe, expect, it } from 'vitest';
import { numberText } from '../../src/ui/numericAnswers';

describe('what a patient types in a number box, as a number', () => {
  it.each([
    ['34', '34'],
    [' 34 ', '34'],
    ['३४', '34'], // Devanagari, as a Hindi keyboard types it
    ['३७.५', '37.5'],
    ['٣٤', '34'], // Arabic-Indic
    ['۳۴', '34'], // Extended Arabic-Indic (Persian, Urdu)
    ['37,5', '37.5'], // a decimal comma
    ['1,5', '1.5'],
    ['1,50', '1.50'],
    ['1,000', '1000'], // a thousands separator: not 1
    ['150,000', '150000'],
    ['1,000,000', '1000000'],
    ['1,000.5', '1000.5'],
    ['१,०००', '1000'],
    ['1,50,000', '150000'], // Indian grouping (a lakh and a half)
    ['12,34,567', '1234567'],
    ['-1,000', '-1000'],
    ['0,125', '0.125'], // no number is grouped after a leading 0: a decimal comma
    ['37,50', '37.50'],
  ])('%s → %s', (typed, text) => {
    expect(numberText(typed)).toBe(text);
  });

  it('leaves what is not a number for the check to refuse', () => {
    expect(numberText('about 30')).toBe('about 30');
    expect(numberText('1.000,5')).toBe('1.000.5');
    expect(Number.isNaN(Number(numberText('1.000,5')))).toBe(true);
  });
});
