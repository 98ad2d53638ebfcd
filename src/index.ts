/** The package entry: defines <symptom-check> (once, however often the script is loaded) and exports its types. */
import { SymptomCheckElement } from './element';

/**
 * The later parts (chunks/) import this file as `../symptom-check.js`. Loaded with a query (a
 * `?ver=`, as WordPress adds) or a #hash, it would run again for them as a second copy, whose
 * Preact cannot draw the first one's screens. So such a copy finds the one they share through a
 * part that imports it as they do (a dev server that gives them all its own query, as Vite's
 * does, leads back to this very copy), and lets that one define the element.
 */
const shared = __ENTRY_FILE__ && /[?#]/.test(import.meta.url) ? import('./sharedEntry') : undefined;

/**
 * Defines the element under another tag name too (e.g. `clinic-check`), once; the script already
 * defines `<symptom-check>`.
 * @param tagName - a custom element name: lower case, with a hyphen
 */
export function defineSymptomCheck(tagName = 'symptom-check'): void {
  if (shared) void shared.then((entry) => (entry.defineSymptomCheck === defineSymptomCheck ? define : entry.defineSymptomCheck)(tagName), () => define(tagName));
  else define(tagName);
}

function define(tagName: string) {
  if (typeof customElements !== 'undefined' && !customElements.get(tagName)) customElements.define(tagName, tagName === 'symptom-check' ? SymptomCheckElement : class extends SymptomCheckElement {});
}

defineSymptomCheck();

export { SymptomCheckElement };
export type { CompleteDetail, ErrorDetail, LanguageDetail, ReadyDetail, StepDetail, SymptomCheckEventMap } from './events';
export type { AppliedGuidance } from './engine/guidance';
export type { Answers, Questionnaire } from './questionnaire/schema';
export type { Problem } from './questionnaire/problem';
