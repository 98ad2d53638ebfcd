import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InputError } from '../machine/questionnaireMachine';
import type { AnswerValue, Option, Question } from '../questionnaire/schema';
import { useSpeech, type Speech } from './context';
import { URGENT_SO_FAR_ID } from './urgentSoFarId';

interface Props {
  question: Question;
  value: AnswerValue | undefined;
  error: InputError | null;
  /** Bumped on every "Next" that was refused, so the error takes focus each time. */
  refusals: number;
  index: number;
  total: number;
  headingRef: preact.Ref<HTMLHeadingElement>;
  onAnswer: (value: AnswerValue | undefined) => void;
  onNext: () => void;
  onBack: () => void;
  /** To the review of the answers so far; the button shows only when given. */
  onReview?: () => void;
  /** An emergency screening question: its error must not suggest "None of these" to an unwell patient. */
  screening?: boolean;
  /** The number and scale answers, which load with the later screens (App waits for them). */
  numeric?: NumericAnswers | null;
}

/** The answers a first screen never needs (numericAnswers.tsx). */
export type NumericAnswers = Pick<typeof import('./numericAnswers'), 'NumberAnswer' | 'ScaleAnswer' | 'numberError'>;

/** One question a screen: native inputs in a fieldset whose legend is the heading. */
export function QuestionStep({ question, value, error: found, refusals, index, total, headingRef, onAnswer, onNext, onBack, onReview, screening, numeric }: Props) {
  const speech = useSpeech();
  const { t, text } = speech;
  // A number's error shows once Next has been refused on this screen, not while it is typed
  // ("34." on the way to "34.5"): announced mid-typing, it interrupts. From then on it follows the box.
  const refusalsBefore = useRef(refusals).current;
  const error = refusals > refusalsBefore ? found : null;
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (refusals > 0 && error) errorRef.current?.focus();
  }, [refusals]);
  const id = `sc-q-${question.id}`;
  // The generic "Tick all that apply" only where the question has no help of its own to say so.
  const tickHint = question.type === 'multi' && !question.help;
  const describedBy = [question.help && `${id}-help`, tickHint && `${id}-tick`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <form class="screen" part="question" noValidate>
      <p class="progress" part="progress" id={`${id}-progress`}>
        {t.progress(index, total)}
      </p>
      <fieldset class="fieldset" aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
        <legend class="legend">
          {/* Focus lands on the heading, after the progress: a screen reader says it with the heading, and the same-day advice if there is some. */}
          <h2 id={`${id}-heading`} class="heading" part="heading" tabIndex={-1} ref={headingRef} aria-describedby={`${id}-progress ${URGENT_SO_FAR_ID}`}>
            {text(question.text)}
          </h2>
        </legend>
        {question.help && (
          <p id={`${id}-help`} class="help">
            {text(question.help)}
          </p>
        )}
        {tickHint && (
          <p id={`${id}-tick`} class="help">
            {t.tickAll}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} class="error" part="error" role="alert" tabIndex={-1} ref={errorRef}>
            <span class="visually-hidden">{t.errorPrefix} </span>
            {errorText(question, error, speech, screening, numeric)}
          </p>
        )}
        <Answer question={question} value={value} onAnswer={onAnswer} id={id} invalid={Boolean(error)} numeric={numeric} />
      </fieldset>
      <div class="actions">
        <button type="button" class="button" part="button" onClick={onBack}>
          {t.back}
        </button>
        {/* Next goes on from its click, which Enter in an answer box also fires (the form's
            default button), never from a form submission: a page that frames the widget in a
            sandbox without allow-forms blocks those, and the patient would be stuck on the red flags. */}
        <button
          type="submit"
          class="button primary"
          part="button button-primary"
          onClick={(event) => {
            event.preventDefault();
            onNext();
          }}
        >
          {t.next}
        </button>
        {onReview && (
          <button type="button" class="button" part="button" onClick={onReview}>
            {t.reviewSoFar}
          </button>
        )}
      </div>
    </form>
  );
}

function errorText(question: Question, error: InputError, { t, text, lang }: Speech, screening?: boolean, numeric?: NumericAnswers | null): string {
  // Only a number or scale answer, whose code (with these words) is here by then, has these.
  if ((error === 'whole' || error === 'range') && numeric && (question.type === 'number' || question.type === 'scale')) return numeric.numberError(question, error, lang);
  const wayOut = !screening && wayOutOf(question, t, text);
  return wayOut ? `${t.required} ${t.isFine(wayOut)}` : t.required;
}

/** The choice for a patient who is not sure, or to whom nothing applies, in this question's words (if it has one). */
function wayOutOf(question: Question, t: Speech['t'], text: Speech['text']): string | undefined {
  if (question.type === 'yesno') return t.unsure;
  if (question.type === 'scale' || question.type === 'number') return t.ratherNotSay;
  const option = question.options.find((o) => o.id === 'unsure') ?? question.options.find((o) => o.exclusive);
  return option && text(option.text);
}

export interface AnswerProps {
  question: Question;
  value: AnswerValue | undefined;
  onAnswer: (value: AnswerValue | undefined) => void;
  id: string;
  /** An error is shown (its element's id is `${id}-error`). */
  invalid: boolean;
}

function Answer({ question, value, onAnswer, id, invalid, numeric }: AnswerProps & { numeric?: NumericAnswers | null }) {
  const { t, text } = useSpeech();
  switch (question.type) {
    case 'yesno':
      return (
        <Choices
          name={id}
          choices={[
            { id: 'yes', label: t.yes },
            { id: 'no', label: t.no },
            { id: 'unsure', label: t.unsure },
          ]}
          selected={value}
          onSelect={onAnswer}
        />
      );
    case 'single':
      return <Choices name={id} choices={question.options.map((o) => choiceOf(o, text))} selected={value} onSelect={onAnswer} />;
    case 'multi':
      return <MultiChoices question={question} value={Array.isArray(value) ? value : []} onAnswer={onAnswer} id={id} />;
    case 'scale': {
      const { ScaleAnswer } = numeric!;
      return <ScaleAnswer question={question} value={value} onAnswer={onAnswer} id={id} invalid={invalid} />;
    }
    case 'number': {
      const { NumberAnswer } = numeric!;
      return <NumberAnswer question={question} value={value} onAnswer={onAnswer} id={id} invalid={invalid} />;
    }
  }
}

export interface Choice {
  id: string | number;
  label: string;
  help?: string;
}
const choiceOf = (o: Option, text: Speech['text']): Choice => ({ id: o.id, label: text(o.text), ...(o.help ? { help: text(o.help) } : {}) });

export function Choices({ name, choices, selected, onSelect, inline }: { name: string; choices: Choice[]; selected: AnswerValue | undefined; onSelect: (value: string | number) => void; inline?: boolean }) {
  return (
    <div class={inline ? 'options inline' : 'options'}>
      {choices.map((choice) => (
        <label class="option" part="option" key={choice.id}>
          <input type="radio" name={name} value={String(choice.id)} checked={selected === choice.id} onChange={() => onSelect(choice.id)} part="input" />
          <span class="option-text">
            {choice.label}
            {choice.help && <span class="option-help">{choice.help}</span>}
          </span>
        </label>
      ))}
    </div>
  );
}

function MultiChoices({ question, value, onAnswer, id }: { question: Extract<Question, { type: 'multi' }>; value: string[]; onAnswer: (value: string[] | undefined) => void; id: string }) {
  const { text } = useSpeech();
  const toggle = (option: Option, checked: boolean) => {
    // "None of these" and "Not sure" stand alone: ticking one clears the rest, and vice versa.
    const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.id));
    const next = checked ? (option.exclusive ? [option.id] : [...value.filter((v) => !exclusive.has(v)), option.id]) : value.filter((v) => v !== option.id);
    onAnswer(next.length ? question.options.map((o) => o.id).filter((o) => next.includes(o)) : undefined);
  };
  return (
    <div class="options">
      {question.options.map((option) => (
        <label class={option.exclusive ? 'option exclusive' : 'option'} part="option" key={option.id}>
          <input type="checkbox" name={id} value={option.id} checked={value.includes(option.id)} onChange={(e) => toggle(option, e.currentTarget.checked)} part="input" />
          <span class="option-text">
            {text(option.text)}
            {option.help && <span class="option-help">{text(option.help)}</span>}
          </span>
        </label>
      ))}
    </div>
  );
}
