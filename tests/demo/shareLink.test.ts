import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { offsetOf, readShareHash, shareHash } from '../../demo/shareLink';

const lupusText = readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8');
/** A link as the playground made them before the length and checksum (they still open). */
const oldHash = (text: string) => `#rules=${compressToEncodedURIComponent(text)}`;
/** `hash` without its last `cut` characters, as a chat app or a wrapped email leaves it. */
const cutShort = (hash: string, cut: number) => hash.slice(0, hash.length - cut);
/** Any text an author could share: JSON, and any characters at all (Devanagari, emoji, lone surrogates). */
const anyText = fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.constantFrom('{', '}', '"', ':', ',', ' ', '\n', 'a', 'ल'), maxLength: 400 }));

describe("the playground's share link", () => {
  it('opens what was shared, byte for byte', () => {
    for (const text of ['{ "id": "fever_clinic", }', '{\n  "title": { "hi": "ल्यूपस" }\n}', ' ', '']) expect(readShareHash(shareHash(text))).toEqual({ kind: 'file', text });
  });

  it('opens an empty file as an empty file, not as a damaged link', () => {
    expect(shareHash('')).toMatch(/^#rules=0\.[0-9a-z]+\./);
    expect(readShareHash(shareHash(''))).toEqual({ kind: 'file', text: '' });
  });

  it('opens any file shared, and calls every cut of its link damaged (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const hash = shareHash(text);
        expect(readShareHash(hash)).toEqual({ kind: 'file', text });
        // Down to "#r": "#" alone is the page without a link (a browser drops an empty hash).
        for (let cut = 1; cut <= hash.length - 2; cut++) expect(readShareHash(cutShort(hash, cut)), `${hash} without its last ${cut}`).toEqual({ kind: 'damaged' });
      }),
      { numRuns: 300 },
    );
  });

  it('still opens a link made before the length and checksum, and calls every cut of one damaged (property)', () => {
    fc.assert(
      fc.property(anyText.filter((text) => text !== ''), (text) => {
        const hash = oldHash(text);
        expect(readShareHash(hash)).toEqual({ kind: 'file', text });
        for (let cut = 1; cut <= hash.length - 2; cut++) expect(readShareHash(cutShort(hash, cut)), `${hash} without its last ${cut}`).toEqual({ kind: 'damaged' });
      }),
      { numRuns: 300 },
    );
  });

  it('calls lupus.json\'s link damaged however much of it is cut', () => {
    for (const hash of [shareHash(lupusText), oldHash(lupusText)]) {
      expect(readShareHash(hash)).toEqual({ kind: 'file', text: lupusText });
      // The end is where cuts happen, and where the end mark's padding is: every one of the last 64...
      for (let cut = 1; cut <= 64; cut++) expect(readShareHash(cutShort(hash, cut)), `without its last ${cut}`).toEqual({ kind: 'damaged' });
      // ...and any other (every cut is several milliseconds: the link holds 55 KB).
      fc.assert(
        fc.property(fc.integer({ min: 65, max: hash.length - 2 }), (cut) => {
          expect(readShareHash(cutShort(hash, cut))).toEqual({ kind: 'damaged' });
        }),
        { numRuns: 150 },
      );
    }
  });

  it('carries the lint settings with the file, byte for byte, and opens a link without them as before', () => {
    const lint = '{\n  "summaryOnly": { "age": "printed on the summary" }\n}';
    expect(readShareHash(shareHash(lupusText, lint))).toEqual({ kind: 'file', text: lupusText, lint });
    // Settings left empty are settings too: the link says so, rather than leaving the default to the reader.
    expect(readShareHash(shareHash('{}', ''))).toEqual({ kind: 'file', text: '{}', lint: '' });
    for (const hash of [shareHash(lupusText), oldHash(lupusText)]) expect(readShareHash(hash)).not.toHaveProperty('lint');
  });

  it('calls every cut of a link with lint settings damaged, also one cut just before them (property)', () => {
    fc.assert(
      fc.property(anyText, anyText, (text, lint) => {
        const hash = shareHash(text, lint);
        expect(readShareHash(hash)).toEqual({ kind: 'file', text, lint });
        for (let cut = 1; cut <= hash.length - 2; cut++) expect(readShareHash(cutShort(hash, cut)), `${hash} without its last ${cut}`).toEqual({ kind: 'damaged' });
      }),
      { numRuns: 200 },
    );
    // Exactly the file's part, as a chat app that ends the link at "&" leaves it: not the file without its settings.
    const hash = shareHash(lupusText, '{"summaryOnly": {}}');
    expect(readShareHash(hash.slice(0, hash.indexOf('&')))).toEqual({ kind: 'damaged' });
  });

  it('calls a link damaged when what it holds is not the whole file', () => {
    const text = '{ "id": "fever_clinic" }';
    const hash = shareHash(text);
    // Cut by one character: the only one lz-string still read as the whole file before the check that the link is all of it.
    expect(readShareHash(cutShort(hash, 1))).toEqual({ kind: 'damaged' });
    // Cut so that what is left reads as lupus.json's beginning (an old link's cut the checks before did not catch).
    expect(readShareHash(cutShort(oldHash(lupusText), 28))).toEqual({ kind: 'damaged' });
    // Garbage that lz-string reads as "" is no empty file: without a header nothing vouches for it, and a header must say length 0.
    expect(readShareHash('#rules=Q')).toEqual({ kind: 'damaged' });
    expect(readShareHash(`#rules=24.${hash.split('.')[1]}.Q`)).toEqual({ kind: 'damaged' });
    expect(readShareHash('#rules=0.0.Q')).toEqual({ kind: 'damaged' });
  });

  it('is not a share link without #rules=', () => {
    expect(readShareHash('')).toEqual({ kind: 'none' });
    expect(readShareHash('#top')).toEqual({ kind: 'none' });
  });

  it('finds a line and column in the text', () => {
    expect(offsetOf('ab\ncd', 2, 2)).toBe(4);
    expect(offsetOf('ab\ncd', 9, 1)).toBe(5);
  });
});
