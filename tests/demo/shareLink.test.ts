import { describe, expect, it } from 'vitest';
import { offsetOf, readShareHash, shareHash } from '../../demo/shareLink';

describe("the playground's share link", () => {
  it('opens what was shared, byte for byte', () => {
    for (const text of ['{ "id": "fever_clinic", }', '{\n  "title": { "hi": "ल्यूपस" }\n}', ' ', '']) expect(readShareHash(shareHash(text))).toEqual({ kind: 'file', text });
  });

  it('opens an empty file as an empty file, not as a damaged link', () => {
    expect(shareHash('')).toMatch(/^#rules=0\.[0-9a-z]+\./);
    expect(readShareHash(shareHash(''))).toEqual({ kind: 'file', text: '' });
  });

  it('calls a link damaged when what it holds is not the whole file', () => {
    const text = '{ "id": "fever_clinic" }';
    const hash = shareHash(text);
    // A cut link is damaged, or (its last character only ends the stream) still the whole file: never anything else.
    for (let cut = 2; cut < hash.length; cut++) expect([{ kind: 'damaged' }, { kind: 'file', text }], hash.slice(0, cut)).toContainEqual(readShareHash(hash.slice(0, cut)));
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
