/** The element's events: all bubble, cross the shadow boundary, and carry plain JSON. */
import type { QuestionnaireResponse } from 'fhir/r4';
import type { Progress } from './machine/progress';
import type { Problem } from './questionnaire/problem';
import type { CompleteDetail as RunDetail } from './ui/App';

export interface ReadyDetail {
  questionnaire: { id: string; version: string };
  lang: string;
}
export type StepDetail = Progress;
/** The result, as `sc-complete` reports it: the run's answers and advice, plus the answers as FHIR. */
export interface CompleteDetail extends RunDetail {
  /**
   * A FHIR R4 QuestionnaireResponse for the answers, for an EHR (see `symptom-check fhir` for the
   * Questionnaire); send it only with the patient's consent. Absent only when its code could not
   * load: `sc-error` follows and says so.
   */
  fhir?: QuestionnaireResponse;
}
export interface ErrorDetail {
  problems: Problem[];
}
/** The language the widget now speaks, after the patient chose it with its language buttons. */
export interface LanguageDetail {
  lang: string;
}

export interface SymptomCheckEventMap {
  'sc-ready': CustomEvent<ReadyDetail>;
  'sc-step': CustomEvent<StepDetail>;
  'sc-complete': CustomEvent<CompleteDetail>;
  'sc-error': CustomEvent<ErrorDetail>;
  'sc-language': CustomEvent<LanguageDetail>;
}

export function emit<K extends keyof SymptomCheckEventMap>(target: EventTarget, type: K, detail: SymptomCheckEventMap[K]['detail']): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap extends SymptomCheckEventMap {}
}
