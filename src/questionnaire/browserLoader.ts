/**
 * The loader as the widget loads it, lazily, only for `rules-src` and the `rules` property: the
 * built-in rules were validated at build time and never pay for Zod.
 */
// Must come first: it configures Zod before ./load builds the schemas.
import './jitless';

export { checkQuestionnaire, loadQuestionnaire, MAX_FILE_BYTES } from './load';
