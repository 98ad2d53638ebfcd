/** The element's events: all bubble, cross the shadow boundary, and carry plain JSON. */
import type { Progress } from './machine/progress';
import type { Problem } from './questionnaire/problem';
import type { CompleteDetail } from './ui/App';

export interface ReadyDetail {
  questionnaire: { id: string; version: string };
  lang: string;
}
export type StepDetail = Progress;
export type { CompleteDetail };
export interface ErrorDetail {
  problems: Problem[];
}

export interface SymptomCheckEventMap {
  'sc-ready': CustomEvent<ReadyDetail>;
  'sc-step': CustomEvent<StepDetail>;
  'sc-complete': CustomEvent<CompleteDetail>;
  'sc-error': CustomEvent<ErrorDetail>;
}

export function emit<K extends keyof SymptomCheckEventMap>(target: EventTarget, type: K, detail: SymptomCheckEventMap[K]['detail']): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap extends SymptomCheckEventMap {}
}
