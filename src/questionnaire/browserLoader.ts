/**
 * The loader as the widget loads it, lazily, only for `rules-src` and the `rules` property: the
 * built-in rules were validated at build time and never pay for Zod.
 */
import { z } from 'zod';

// Zod probes `new Function` once to decide whether it may JIT; under a strict CSP that probe is
// reported as a violation, so switch it off before any parse.
z.config({ jitless: true });

export { checkQuestionnaire, loadQuestionnaire, MAX_FILE_BYTES } from './load';
