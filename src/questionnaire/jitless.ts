/**
 * Zod decides at schema construction whether to compile parsers from generated code, probing
 * for that once. Under a strict CSP that probe is reported as a violation even though it is
 * caught, so the widget switches JIT off before any schema exists: import this module first.
 */
import { z } from 'zod';

z.config({ jitless: true });
