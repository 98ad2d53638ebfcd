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
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

const PREFIX = '#rules=';

export function shareHash(text: string): string {
  return `${PREFIX}${text.length}.${checksum(text)}.${compressToEncodedURIComponent(text)}`;
}

export type SharedFile =
  /** The hash holds no shared file. */
  | { kind: 'none' }
  | { kind: 'file'; text: string }
  /** The hash is a share link, but what it holds is cut short or changed: there is no file to show. */
  | { kind: 'damaged' };

export function readShareHash(hash: string): SharedFile {
  if (hash === '' || hash === '#') return { kind: 'none' };
  // "#rul": the link was cut before its file even began.
  if (PREFIX.startsWith(hash)) return { kind: 'damaged' };
  if (!hash.startsWith(PREFIX)) return { kind: 'none' };
  const body = hash.slice(PREFIX.length);
  const header = /^(\d+)\.([0-9a-z]+)\.(.+)$/s.exec(body);
  // Cut inside the header ("#rules=8123", "#rules=8123.1x."): nothing of the file is left. Links
  // without a header never hold a ".".
  if (!header && (body.includes('.') || /^\d*$/.test(body))) return { kind: 'damaged' };
  // lz-string reads a space as "+" (a "+" that became a space on the way); so does the check below.
  const compressed = (header ? header[3]! : body).replace(/ /g, '+');
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(compressed);
  } catch {
    text = null;
  }
  // lz-string reads some garbage as "": only a header (length 0, the checksum of "") vouches for an empty file.
  if (text === null || (text === '' && !header)) return { kind: 'damaged' };
  if (header && (text.length !== Number(header[1]) || checksum(text) !== header[2])) return { kind: 'damaged' };
  // Not the whole of what the file compresses to: the link was cut (see the top of this file).
  if (compressToEncodedURIComponent(text) !== compressed) return { kind: 'damaged' };
  return { kind: 'file', text };
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
