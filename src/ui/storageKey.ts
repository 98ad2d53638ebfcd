import type { Questionnaire } from '../questionnaire/schema';

/** Where persist="session" keeps a run: one per questionnaire version and element id. */
export function storageKey(questionnaire: Pick<Questionnaire, 'id' | 'version'>, instance: string): string {
  return `symptom-check:${questionnaire.id}@${questionnaire.version}${instance ? `#${instance}` : ''}`;
}

/** Whether a run is kept under the key (without loading persist's code). Blocked storage keeps nothing. */
export function hasKeptRun(key: string): boolean {
  try {
    return sessionStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}
