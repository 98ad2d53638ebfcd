/** The package entry: defines <symptom-check> (once, however often the script is loaded) and exports its types. */
import { SymptomCheckElement } from './element';

export function defineSymptomCheck(tagName = 'symptom-check'): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tagName)) customElements.define(tagName, tagName === 'symptom-check' ? SymptomCheckElement : class extends SymptomCheckElement {});
}

defineSymptomCheck();

export { SymptomCheckElement };
export type { CompleteDetail, ErrorDetail, ReadyDetail, StepDetail, SymptomCheckEventMap } from './events';
export type { AppliedGuidance } from './engine/guidance';
export type { Answers, Questionnaire } from './questionnaire/schema';
export type { Problem } from './questionnaire/problem';
