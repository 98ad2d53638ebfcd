import { h, type ComponentChildren } from 'preact';
import { formatProblem } from '../questionnaire/formatProblem';
import type { Problem } from '../questionnaire/problem';
import type { Strings } from '../i18n/en';

/** Shown while a rules file loads (or, with `text`, something else). */
export function Loading({ t, text = t.loading }: { t: Strings; text?: string }) {
  return (
    <p class="loading" role="status" part="loading">
      {text}
    </p>
  );
}

/** The number to call, in large type, under an emergency result's heading. */
export function EmergencyBanner({ t, emergencyNumber }: { t: Strings; emergencyNumber: string }) {
  const dial = dialable(emergencyNumber);
  return (
    <div class="emergency" part="emergency">
      <p class="emergency-call">
        {dial ? (
          <a href={`tel:${dial}`} class="emergency-number" part="emergency-number">
            {t.callNow(emergencyNumber)}
          </a>
        ) : (
          <span class="emergency-number" part="emergency-number">
            {t.callNow(emergencyNumber)}
          </span>
        )}
      </p>
    </div>
  );
}

/**
 * What a phone dials for a number as the page wrote it ("1-800 273 8255" → "18002738255"), or
 * undefined when it is not one number ("112 or 911"): then it is shown without a broken link.
 * A trunk "(0)" after a country code is not dialled ("+44 (0)20 …" → "+4420…").
 */
export function dialable(number: string): string | undefined {
  // Digits of any script (१०८, as a Hindi page may write India's 108; ١١٢; full-width １１９)
  // dial as 0-9: each script's ten digits are consecutive, from its zero.
  const digits = number
    .replace(/\p{Nd}/gu, (digit) => {
      let zero = digit.codePointAt(0)!;
      while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
      return `${(digit.codePointAt(0)! - zero) % 10}`;
    })
    .replace(/^(\+\d+)\s*\(0\)/, '$1')
    .replace(/[\s().-]/g, '');
  // Digits only: "*" and "#" make phone codes (**21*…# forwards calls), which no emergency number needs.
  return /^\+?\d{2,20}$/.test(digits) ? digits : undefined;
}

/**
 * The frame of an emergency result: its heading, then the number to call in large type, then the
 * advice (`children`). The heading and the number come before the advice's code and texts, and
 * stay the same elements when those arrive: focus stays put and nothing is announced twice.
 */
export function EmergencyResult({ t, emergencyNumber, headingRef, children }: { t: Strings; emergencyNumber: string; headingRef: preact.Ref<HTMLHeadingElement>; children: ComponentChildren }) {
  return (
    <section class="screen" part="result" aria-labelledby="sc-result-heading">
      <h2 id="sc-result-heading" class="heading" part="heading" tabIndex={-1} ref={headingRef}>
        {t.emergencyLevel}
      </h2>
      <EmergencyBanner t={t} emergencyNumber={emergencyNumber} />
      {children}
    </section>
  );
}

/**
 * A plain message for the patient, the exact problems for the clinic's web team: never a blank
 * box. A run that stopped shows the number to call, as its message tells the patient to.
 */
export function LoadError({
  t,
  problems,
  midRun = false,
  emergencyNumber,
  headingRef,
}: {
  t: Strings;
  problems: Problem[];
  midRun?: boolean;
  emergencyNumber?: string;
  /** In place of a screen mid-run, the heading takes focus. */
  headingRef?: preact.Ref<HTMLHeadingElement>;
}) {
  return (
    <section class="screen" part="error" role="alert">
      <h2 class="heading" part="heading" tabIndex={-1} ref={headingRef}>
        {midRun ? t.stoppedHeading : t.errorHeading}
      </h2>
      <p>{midRun ? t.stoppedBody : t.errorBody}</p>
      {emergencyNumber && <EmergencyBanner t={t} emergencyNumber={emergencyNumber} />}
      <details>
        <summary>{t.errorDetails}</summary>
        <ul class="problems">
          {problems.slice(0, 20).map((p, i) => (
            <li key={i}>{formatProblem(p)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
