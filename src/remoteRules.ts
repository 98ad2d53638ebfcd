/**
 * Questionnaires from outside the bundle: `rules-src` (fetched, with a time limit and a size
 * limit) and the `rules` property. Loaded lazily with the validator: the built-in rules need neither.
 */
// Must come first: Zod's JIT is switched off before ./questionnaire/load builds the schemas.
import './questionnaire/jitless';
import { checkQuestionnaire, loadQuestionnaire, MAX_FILE_BYTES, type LoadResult } from './questionnaire/load';

/** The `rules` property: a questionnaire object, or its JSON text (then problems name line and column). */
export function checkRulesObject(rules: unknown): LoadResult {
  return typeof rules === 'string' ? loadQuestionnaire(rules, 'rules') : checkQuestionnaire(rules, 'rules');
}

export async function fetchRules(src: string, timeoutMs: number, signal: AbortSignal): Promise<LoadResult> {
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  const stop = () => abort.abort();
  signal.addEventListener('abort', stop);
  let text: string;
  try {
    const response = await fetch(src, { signal: abort.signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return fail(src, `could not load the questionnaire: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    const length = Number(response.headers.get('content-length'));
    if (length > MAX_FILE_BYTES) return tooLarge(src, length);
    const body = await readAtMost(response, MAX_FILE_BYTES);
    if (body === undefined) return fail(src, `the file is too large (over ${MAX_FILE_BYTES / 1e6} MB); a questionnaire may be at most ${MAX_FILE_BYTES / 1e6} MB`);
    text = body;
  } catch (error) {
    if (timedOut) return fail(src, `the questionnaire took too long to load (no answer within ${seconds(timeoutMs)} s)`);
    // The browser says no more than "Failed to fetch" for a wrong address, no network, a file on
    // another site that does not allow this one (CORS), or a Content-Security-Policy that blocks it.
    return fail(
      src,
      `could not load the questionnaire: ${(error as Error)?.message ?? 'network error'}`,
      'check the address; a file on another site must send Access-Control-Allow-Origin for this page, and a Content-Security-Policy must allow it in connect-src',
    );
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
  // Outside the try: a problem in the file is the file's, not the network's.
  return loadQuestionnaire(text, src);
}

/**
 * The body as text, or undefined once more than `max` bytes have come. Counted as they arrive,
 * after any Content-Encoding is undone: content-length gives the compressed size, and a small
 * gzip file can inflate to gigabytes.
 */
async function readAtMost(response: Response, max: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) {
    const text = await response.text();
    return text.length > max ? undefined : text;
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > max) {
      void reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(whole);
}

/** 15000 → "15", 1500 → "1.5", 30 → "0.03": never "0". */
function seconds(ms: number): string {
  const s = ms / 1000;
  return String(s < 10 ? Number(s.toPrecision(2)) : Math.round(s));
}

function tooLarge(src: string, bytes: number): LoadResult {
  return fail(src, `the file is too large (${(bytes / 1e6).toFixed(1)} MB); a questionnaire may be at most ${MAX_FILE_BYTES / 1e6} MB`);
}

function fail(file: string, message: string, hint?: string): LoadResult {
  return { ok: false, problems: [{ file, path: '$', message, ...(hint ? { hint } : {}) }] };
}
