import { Fragment, h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { answerText } from '../engine/describe';
import type { AppliedGuidance } from '../engine/guidance';
import { modelOf } from '../engine/model';
import { levelName, resultWords } from '../i18n/resultWords';
import { LEVELS } from '../questionnaire/levels';
import type { Answers, Questionnaire } from '../questionnaire/schema';
import { useSpeech } from './context';
import { Disclaimer } from './Disclaimer';
import { formatDate, listedQuestions, summaryText } from './summaryText';

interface Props {
  questionnaire: Questionnaire;
  answers: Answers;
  visible: string[];
  guidance: AppliedGuidance[];
  stoppedEarly: boolean;
  /** Inside App's EmergencyResult, which has the heading and the number to call. */
  framed: boolean;
  /** The number to call, for the copied summary of emergency advice. */
  emergencyNumber: string;
  persist: boolean;
  date: Date;
  headingRef: preact.Ref<HTMLHeadingElement>;
  onBack: () => void;
  onRestart: () => void;
  onClear: () => void;
  onPrint: () => void;
}

/** Guidance grouped by urgency, emergency first and unmistakable, each with its reasons. */
export function Result(props: Props) {
  const { questionnaire, answers, visible, guidance, stoppedEarly, framed, emergencyNumber, persist, date, headingRef } = props;
  const { t, text, lang } = useSpeech();
  const words = resultWords(lang);
  const [status, setStatus] = useState('');
  // Starting again and clearing the answers both lose the answers and this advice: one stray tap
  // must not. The question takes focus; "keep" gives it back to the button that asked.
  const [confirming, setConfirming] = useState<'restart' | 'clear' | null>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const askedBy = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else askedBy.current?.focus();
  }, [confirming]);
  const ask = (what: 'restart' | 'clear') => (event: Event) => {
    askedBy.current = event.currentTarget as HTMLButtonElement;
    setConfirming(what);
  };
  // When the clipboard refuses, the summary is shown in a box, selected, to copy by hand.
  const [copyBox, setCopyBox] = useState(false);
  const copyBoxRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const box = copyBoxRef.current;
    box?.focus();
    box?.select();
    // Selecting scrolls to the end: the patient should see the summary's start.
    if (box) box.scrollTop = 0;
  }, [copyBox]);
  const emergency = guidance.some((g) => g.level === 'emergency');
  const summary = () => summaryText({ questionnaire, answers, visible, guidance, lang, date, stoppedEarly, emergencyNumber });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summary());
      setStatus(words.copied);
    } catch {
      setStatus(words.copyFailed);
      setCopyBox(true);
    }
  };
  const model = modelOf(questionnaire);
  const body = (
    <Fragment>
      {stoppedEarly && <p class="stopped">{words.stoppedEarly}</p>}
      <div class="screen-only">
        {LEVELS.filter((level) => guidance.some((g) => g.level === level)).map((level) => (
          <section class={`level level-${level}`} part={`level level-${level}`} key={level}>
            {/* Under an emergency heading that already says it, the emergency group's title is for screen readers only. */}
            <h3 id={`sc-level-${level}`} class={emergency && level === 'emergency' ? 'level-heading visually-hidden' : 'level-heading'}>
              {levelName(level, t, words)}
            </h3>
            {guidance
              .filter((g) => g.level === level)
              .map((g) => (
                <article class="guidance" part="guidance" key={g.id} aria-labelledby={`sc-g-${g.id}`}>
                  <h4 id={`sc-g-${g.id}`}>{g.title}</h4>
                  <p>{g.text}</p>
                  {g.because.length > 0 &&
                    (collapsesReasons(g) ? (
                      <details class="because">
                        <summary>{words.becauseCount(g.because.length)}</summary>
                        <Reasons reasons={g.because} />
                      </details>
                    ) : (
                      <div class="because">
                        <p>{words.because}</p>
                        <Reasons reasons={g.because} />
                      </div>
                    ))}
                  <p class="sources">
                    {words.sourcesLabel} <SourceTitles ids={g.sources} sources={questionnaire.sources} />
                  </p>
                </article>
              ))}
          </section>
        ))}
      </div>
      <Disclaimer />
      <div class="actions no-print">
        <button type="button" class="button primary" part="button button-primary" onClick={props.onPrint}>
          {words.print}
        </button>
        <button type="button" class="button" part="button" onClick={copy}>
          {words.copy}
        </button>
        <button type="button" class="button" part="button" onClick={props.onBack}>
          {t.back}
        </button>
        <button type="button" class="button" part="button" aria-expanded={confirming === 'restart'} onClick={ask('restart')}>
          {words.restart}
        </button>
        {persist && (
          <button type="button" class="button" part="button" aria-expanded={confirming === 'clear'} onClick={ask('clear')}>
            {words.clearAnswers}
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm no-print" role="group" aria-labelledby="sc-confirm-question">
          <p id="sc-confirm-question">{confirming === 'restart' ? words.restartQuestion : words.clearQuestion}</p>
          <div class="actions">
            <button type="button" class="button" part="button" ref={keepButton} onClick={() => setConfirming(null)}>
              {words.restartKeep}
            </button>
            <button type="button" class="button" part="button" onClick={confirming === 'restart' ? props.onRestart : props.onClear}>
              {confirming === 'restart' ? words.restartYes : words.clearYes}
            </button>
          </div>
        </div>
      )}
      <p class="status" role="status">
        {status}
      </p>
      {copyBox && (
        <textarea class="copy-box no-print" readOnly rows={8} aria-label={words.summaryHeading} ref={copyBoxRef} value={summary()} />
      )}
      <section class="print-summary" part="summary" aria-hidden="true">
        <h3>{words.summaryHeading}</h3>
        <p>
          {words.summaryDate}: {formatDate(date, lang)} · {words.summaryRules}: {text(questionnaire.title)} ({questionnaire.id} {questionnaire.version})
        </p>
        <h4>{words.advice}</h4>
        <ul>
          {guidance.map((g) => (
            <li key={g.id}>
              <strong>
                {levelName(g.level, t, words)}: {g.title}
              </strong>{' '}
              {g.text} {g.because.length > 0 && `${words.because} ${g.because.join('; ')}`}
            </li>
          ))}
        </ul>
        <h4>{words.yourAnswers}</h4>
        <dl class="answers compact">
          {listedQuestions(visible, answers, stoppedEarly).map((id) => {
            const q = model.questionById.get(id)!.question;
            return (
              <div key={id}>
                <dt>{text(q.summary ?? q.text)}</dt>
                <dd>{answerText(q, Object.hasOwn(answers, id) ? answers[id] : undefined, lang, model.fallbackLanguage)}</dd>
              </div>
            );
          })}
        </dl>
      </section>
    </Fragment>
  );
  // An emergency result comes inside App's EmergencyResult frame: its heading and the number to
  // call are on screen before this code loads.
  return framed ? (
    body
  ) : (
    <section class="screen" part="result" aria-labelledby="sc-result-heading">
      <h2 id="sc-result-heading" class="heading" part="heading" tabIndex={-1} ref={headingRef}>
        {words.resultHeading}
      </h2>
      {body}
    </section>
  );
}

/**
 * A long list of reasons ("no specific concerns" can name every answer) is folded away on screen
 * behind its count, so the advice stays short on a phone; never for emergency or same-day
 * advice. The printed summary lists them all.
 */
const MAX_OPEN_REASONS = 5;
const collapsesReasons = (g: AppliedGuidance) => g.because.length > MAX_OPEN_REASONS && g.level !== 'emergency' && g.level !== 'urgent';

/**
 * The titles of the sources, "; " between them. A title in a language of its own (an English
 * title on a Hindi screen) is marked with it, so that a screen reader reads it in that language.
 */
function SourceTitles({ ids, sources }: { ids: string[]; sources: Questionnaire['sources'] }) {
  return (
    <Fragment>
      {ids.map((id, i) => {
        const source = sources.find((s) => s.id === id);
        return (
          <Fragment key={i}>
            {i > 0 && '; '}
            {source?.lang ? <span lang={source.lang}>{source.title}</span> : (source?.title ?? id)}
          </Fragment>
        );
      })}
    </Fragment>
  );
}

function Reasons({ reasons }: { reasons: string[] }) {
  return (
    <ul>
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}
