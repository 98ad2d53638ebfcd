/** The built-in lupus questionnaire, validated by the test suite and at build time. */
import lupus from '../rules/lupus.json';
import type { Questionnaire } from './questionnaire/schema';

export const builtinRules = lupus as Questionnaire;
