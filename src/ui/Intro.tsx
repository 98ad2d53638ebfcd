import { h } from 'preact';
import { useSpeech } from './context';
import { Disclaimer } from './Disclaimer';
import type { Questionnaire } from '../questionnaire/schema';

interface Props {
  questionnaire: Questionnaire;
  /** persist="session": offer to keep the answers, which happens only once the patient agrees. */
  persist: boolean;
  keep: boolean;
  onKeepChange: (keep: boolean) => void;
  /** The patient has just cleared their saved answers: say so. */
  cleared: boolean;
  headingRef: preact.Ref<HTMLHeadingElement>;
  onStart: () => void;
}

export function Intro({ questionnaire, persist, keep, onKeepChange, cleared, headingRef, onStart }: Props) {
  const { t, text } = useSpeech();
  return (
    <section class="screen" part="intro" aria-labelledby="sc-intro-heading">
      <h2 id="sc-intro-heading" class="heading" part="heading" tabIndex={-1} ref={headingRef}>
        {text(questionnaire.title)}
      </h2>
      {/* Just under the heading, where focus lands after clearing, so it is read next. */}
      {cleared && <p role="status">{t.cleared}</p>}
      {questionnaire.intro && <p>{text(questionnaire.intro)}</p>}
      <Disclaimer />
      {/* A page that sends the answers on (sc-complete) puts its own words in this slot. */}
      <p class="privacy" part="privacy">
        <slot name="privacy">{t.privacy}</slot>
      </p>
      {persist && (
        <label class="option" part="option">
          <input type="checkbox" checked={keep} onChange={(e) => onKeepChange(e.currentTarget.checked)} part="input" />
          <span>{t.keepAnswers}</span>
        </label>
      )}
      <div class="actions">
        <button type="button" class="button primary" part="button button-primary" onClick={onStart}>
          {t.start}
        </button>
      </div>
    </section>
  );
}
