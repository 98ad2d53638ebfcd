/** The playground's share link: the whole questionnaire, compressed into the URL's hash (never sent to a server). */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

const PREFIX = '#rules=';

export function shareHash(text: string): string {
  return PREFIX + compressToEncodedURIComponent(text);
}

/** The questionnaire text in a hash made by shareHash, or undefined if there is none or it is damaged. */
export function textFromHash(hash: string): string | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  return decompressFromEncodedURIComponent(hash.slice(PREFIX.length)) || undefined;
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
