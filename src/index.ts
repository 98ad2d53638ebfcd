/** The package entry: defines <symptom-check> (once, however often the script is loaded) and exports its types. */
import { SymptomCheckElement } from './element';

/**
 * The later parts (chunks/) import this file by its URL without a query. Loaded with one (a
 * `?ver=`, as WordPress adds) or a #hash, it would run again for them as a second copy, whose
 * Preact cannot draw the first one's screens: this copy hands over to the file without it (and
 * defines the element itself only if that fails). Bundled into an app, this file has the app's
 * URL and its parts go with it: nothing to hand over. (Not `new URL(name, import.meta.url)`: an
 * app's bundler would take that for a file to copy.)
 */
const home = __ENTRY_FILE__ && import.meta.url.replace(/[?#].*/s, '');
const handOver: Promise<typeof import('./index')> | undefined =
  home && home !== import.meta.url && home.endsWith(`/${__ENTRY_FILE__}`) ? import(/* @vite-ignore */ home) : undefined;

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
