/**
 * The playground's share link: the whole questionnaire, compressed into the URL's hash (never
 * sent to a server). A link cut short by a chat app or a copy that missed the end must not open
 * as something else: `#rules=<length>.<checksum>.<compressed>` lets the reader tell that what it
 * decompressed is the whole file, byte for byte ("." is not in lz-string's URI alphabet).
 * Links made before the header existed (`#rules=<compressed>`) still open, checked less.
 *
 * A link cut short can still decompress: to the whole file, when what was cut held only the end
 * mark's padding, or to the file's beginning, when the code the cut broke reads as lz-string's end
 * mark. So a link opens only when its compressed part is exactly what its file compresses to
 * (lz-string's output is a function of the text): that turns away every cut, with or without a
 * header, and needs no new format. (Were lz-string ever to compress differently, old links would
 * be called damaged, never opened as another file.)
 *
 * The playground's lint settings (which questions are kept for the summary only, and why) go with
 * the file, as a second part: `#rules=<header>.<compressed>&lint=<length>.<checksum>.<compressed>`
 * ("&" is not in lz-string's alphabet either). Without them the file would show other warnings
 * than its author saw. The rules part's checksum then covers the settings too, so a link cut just
 * before "&lint=" is damaged, not the file without its settings; a link without the part (every
 * link made before it existed) opens as before, with no settings of its own.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

const PREFIX = '#rules=';
const LINT = 'lint=';

/** The link for `text`, and for the lint settings `lint` when given (even empty: "no settings" is a setting). */
export function shareHash(text: string, lint?: string): string {
  if (lint === undefined) return `${PREFIX}${part(text, checksum(text))}`;
  return `${PREFIX}${part(text, checksum(withLint(text, lint)))}&${LINT}${part(lint, checksum(lint))}`;
}

/** `<length>.<checksum>.<compressed>` */
function part(text: string, sum: string): string {
  return `${text.length}.${sum}.${compressToEncodedURIComponent(text)}`;
}

/** What the rules part's checksum covers when the link carries lint settings. */
function withLint(text: string, lint: string): string {
  return `${text}\u0000${lint}`;
}

export type SharedFile =
  /** The hash holds no shared file. */
  | { kind: 'none' }
  /** `lint`: the lint settings that came with the file; absent in a link without them. */
  | { kind: 'file'; text: string; lint?: string }
  /** The hash is a share link, but what it holds is cut short or changed: there is no file to show. */
  | { kind: 'damaged' };

export function readShareHash(hash: string): SharedFile {
  if (hash === '' || hash === '#') return { kind: 'none' };
  // "#rul": the link was cut before its file even began.
  if (PREFIX.startsWith(hash)) return { kind: 'damaged' };
  if (!hash.startsWith(PREFIX)) return { kind: 'none' };
  const [body, lintBody, ...more] = hash.slice(PREFIX.length).split('&');
  if (lintBody === undefined) {
    const text = readPart(body!, checksum);
    return text === undefined ? { kind: 'damaged' } : { kind: 'file', text };
  }
  // Cut inside "lint=" ("&", "&li"), or more than the two parts: not a link the playground made.
  if (!lintBody.startsWith(LINT) || more.length > 0) return { kind: 'damaged' };
  const lint = readPart(lintBody.slice(LINT.length), checksum, true);
  if (lint === undefined) return { kind: 'damaged' };
  const text = readPart(body!, (t) => checksum(withLint(t, lint)), true);
  return text === undefined ? { kind: 'damaged' } : { kind: 'file', text, lint };
}

/**
 * The text of one part of a link, `<length>.<checksum>.<compressed>` (or, for a file in a link
 * made before the header, `<compressed>` alone unless `headerRequired`); undefined when damaged.
 */
function readPart(body: string, sumOf: (text: string) => string, headerRequired = false): string | undefined {
  const header = /^(\d+)\.([0-9a-z]+)\.(.+)$/s.exec(body);
  // Cut inside the header ("#rules=8123", "#rules=8123.1x."): nothing of the file is left. Links
  // without a header never hold a ".".
  if (!header && (headerRequired || body.includes('.') || /^\d*$/.test(body))) return undefined;
  // lz-string reads a space as "+" (a "+" that became a space on the way); so does the check below.
  const compressed = (header ? header[3]! : body).replace(/ /g, '+');
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(compressed);
  } catch {
    text = null;
  }
  // lz-string reads some garbage as "": only a header (length 0, the checksum of "") vouches for an empty file.
  if (text === null || (text === '' && !header)) return undefined;
  if (header && (text.length !== Number(header[1]) || sumOf(text) !== header[2])) return undefined;
  // Not the whole of what the file compresses to: the link was cut (see the top of this file).
  if (compressToEncodedURIComponent(text) !== compressed) return undefined;
  return text;
}

/** FNV-1a over the UTF-16 code units, in base 36: enough to catch a cut or a changed character. */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** The offset in `text` of a 1-based line and column, clamped to the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(column - 1, 0), text.length);
}
