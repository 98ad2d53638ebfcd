declare module 'virtual:symptom-check/builtin-rules' {
  import type { Questionnaire } from './questionnaire/schema';
  export const builtinLanguages: string[];
  export function loadBuiltinFirst(lang: string): Questionnaire | Promise<Questionnaire>;
  export function loadBuiltinRules(lang: string): Promise<Questionnaire>;
}
