/**
 * The entry as the lazily loaded parts import it: loaded through this module, the copy of the
 * entry they share (see src/index.ts).
 */
export { defineSymptomCheck } from './index';
