import { h } from 'preact';
import { useSpeech } from './context';

/** Shown before the start and again with the result: this is not a diagnosis. */
export function Disclaimer() {
  const { t } = useSpeech();
  return (
    <aside class="disclaimer" part="disclaimer" aria-label={t.disclaimerHeading}>
      <strong>{t.disclaimerHeading}</strong>
      <p>{t.disclaimer}</p>
    </aside>
  );
}
