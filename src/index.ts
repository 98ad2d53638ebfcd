/** The package entry: defines <symptom-check> (once, however often the script is loaded) and exports its types. */
import { SymptomCheckElement } from './element';

/**
 * The later parts (chunks/) import this file by its published name. Loaded under another URL
 * (a `?ver=` query, a renamed copy), it would run again for them as a second copy, whose Preact
 * cannot draw the first one's screens: this copy then hands over to the file under its name, and
 * defines the element itself only if there is no such file.
 */
const home = __ENTRY_FILE__ && new URL(__ENTRY_FILE__, import.meta.url).href;
const handOver: Promise<typeof import('./index')> | undefined = home && home !== import.meta.url ? import(/* @vite-ignore */ home) : undefined;

export function defineSymptomCheck(tagName = 'symptom-check'): void {
  if (handOver) void handOver.then((entry) => entry.defineSymptomCheck(tagName), () => define(tagName));
  else define(tagName);
}

function define(tagName: string) {
  if (typeof customElements !== 'undefined' && !customElements.get(tagName)) customElements.define(tagName, tagName === 'symptom-check' ? SymptomCheckElement : class extends SymptomCheckElement {});
}

defineSymptomCheck();

export { SymptomCheckElement };
export type { CompleteDetail, ErrorDetail, ReadyDetail, StepDetail, SymptomCheckEventMap } from './events';
export type { AppliedGuidance } from './engine/guidance';
export type { Answers, Questionnaire } from './questionnaire/schema';
export type { Problem } from './questionnaire/problem';
