import { h } from 'preact';
import { formatProblem } from '../questionnaire/formatProblem';
import type { Problem } from '../questionnaire/problem';
import type { Strings } from '../i18n/en';

/** Shown while a rules file loads. */
export function Loading({ t }: { t: Strings }) {
  return (
    <p class="loading" role="status" part="loading">
      {t.loading}
    </p>
  );
}

/** The number to call, in large type, at the top of an emergency result (the heading below says why). */
export function EmergencyBanner({ t, emergencyNumber }: { t: Strings; emergencyNumber: string }) {
  const dial = dialable(emergencyNumber);
  return (
    <div class="emergency" part="emergency">
      <p class="emergency-call">
        {dial ? (
          <a href={`tel:${dial}`} class="emergency-number">
            {t.callNow(emergencyNumber)}
          </a>
        ) : (
          <span class="emergency-number">{t.callNow(emergencyNumber)}</span>
        )}
      </p>
    </div>
  );
}

/**
 * What a phone dials for a number as the page wrote it ("1-800 273 8255" → "18002738255"), or
 * undefined when it is not one number ("112 or 911"): then it is shown without a broken link.
 */
export function dialable(number: string): string | undefined {
  const digits = number.replace(/[\s().-]/g, '');
  return /^\+?[0-9*#]{2,20}$/.test(digits) ? digits : undefined;
}

/**
 * An emergency result whose advice texts are still loading: the number to call must not wait.
 */
export function EmergencyWhileLoading({ t, emergencyNumber, headingRef }: { t: Strings; emergencyNumber: string; headingRef: preact.Ref<HTMLHeadingElement> }) {
  return (
    <section class="screen" part="result">
      <EmergencyBanner t={t} emergencyNumber={emergencyNumber} />
      <h2 class="heading" part="heading" tabIndex={-1} ref={headingRef}>
        {t.levels.emergency}
      </h2>
      <Loading t={t} />
    </section>
  );
}

/** A plain message for the patient, the exact problems for the clinic's web team: never a blank box. */
export function LoadError({ t, problems, midRun = false }: { t: Strings; problems: Problem[]; midRun?: boolean }) {
  return (
    <section class="screen" part="error" role="alert">
      <h2 class="heading" part="heading">
        {midRun ? t.stoppedHeading : t.errorHeading}
      </h2>
      <p>{midRun ? t.stoppedBody : t.errorBody}</p>
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
