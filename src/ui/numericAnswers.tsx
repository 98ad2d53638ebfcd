/**
 * The number and scale answers. No first screen asks for a number (the warning signs come
 * first), so they load with the later screens (lateScreens.ts); App waits for them.
 */
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { resultWords } from '../i18n/resultWords';
import type { Question } from '../questionnaire/schema';
import { useSpeech } from './context';
import { Choices, type AnswerProps } from './QuestionStep';

/** What is wrong with a number or scale answer, in `lang`: not a whole number, or out of its range. */
export function numberError(question: Extract<Question, { type: 'number' | 'scale' }>, error: 'whole' | 'range', lang: string): string {
  const words = resultWords(lang);
  return error === 'whole' ? words.wholeNumber : words.numberRange(question.min, question.max);
}

export function ScaleAnswer({ question, value, onAnswer, id }: AnswerProps & { question: Extract<Question, { type: 'scale' }> }) {
  const { t, text } = useSpeech();
  const points = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
  return (
    <div class="scale">
      {(question.minLabel || question.maxLabel) && (
        <p class="scale-ends" id={`${id}-ends`}>
          <span>
            {question.min}: {text(question.minLabel)}
          </span>
          <span>
            {question.max}: {text(question.maxLabel)}
          </span>
        </p>
      )}
      <Choices name={id} inline choices={points.map((n) => ({ id: n, label: String(n) }))} selected={value} onSelect={onAnswer} />
      <Choices name={`${id}-unsure`} choices={[{ id: 'unsure', label: t.ratherNotSay }]} selected={value} onSelect={onAnswer} />
    </div>
  );
}

/** Devanagari digits (०-९), as a Hindi keyboard types them, and Arabic-Indic ones. */
const OTHER_DIGITS = /[\u0966-\u096f\u0660-\u0669\u06f0-\u06f9]/g;
const ZEROS = [0x966, 0x660, 0x6f0];

/** Digits grouped with commas, as English and Hindi write them: 1,000 and 12,345,678, or 1,50,000 (lakhs). */
const GROUPED = /^-?[1-9]\d{0,2}(?:(?:,\d{3})+|(?:,\d{2})*,\d{3})(?:\.\d+)?$/;

/**
 * What the patient typed, as a number's text: other scripts' digits as 0-9; commas that group
 * digits dropped ("1,000", "1,50,000"); any other comma as a decimal point ("37,5", "0,125").
 * Anything else is left for the check to refuse.
 */
export function numberText(raw: string): string {
  const text = raw.trim().replace(OTHER_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - ZEROS.find((zero) => code >= zero && code <= zero + 9)!);
  });
  return GROUPED.test(text) ? text.replaceAll(',', '') : text.replace(',', '.');
}

export function NumberAnswer({ question, value, onAnswer, id, invalid }: AnswerProps & { question: Extract<Question, { type: 'number' }> }) {
  const { t, text } = useSpeech();
  const [draft, setDraft] = useState(typeof value === 'number' ? String(value) : '');
  const unit = text(question.unit);
  const onInput = (raw: string) => {
    setDraft(raw);
    const typed = numberText(raw);
    if (typed === '') return onAnswer(undefined);
    const n = Number(typed);
    // Text that is not a number is passed on as is, so the machine reports it.
    onAnswer(/^-?\d+(\.\d+)?$/.test(typed) && Number.isFinite(n) ? n : typed);
  };
  return (
    <div class="number">
      <div class="number-row">
        <input
          id={`${id}-input`}
          class="number-input"
          part="input"
          type="text"
          inputMode={question.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          aria-labelledby={`${id}-heading${unit ? ` ${id}-unit` : ''}`}
          // The error on the box itself too: a patient who tabs back to fix the number hears it.
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          value={draft}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        {unit && (
          <span id={`${id}-unit`} class="unit">
            {unit}
          </span>
        )}
      </div>
      <label class="option" part="option">
        <input
          type="checkbox"
          checked={value === 'unsure'}
          onChange={(e) => {
            if (e.currentTarget.checked) setDraft('');
            onAnswer(e.currentTarget.checked ? 'unsure' : undefined);
          }}
          part="input"
        />
        <span class="option-text">{t.ratherNotSay}</span>
      </label>
    </div>
  );
}
