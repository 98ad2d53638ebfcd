import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const safety = readFileSync(join(root, 'SAFETY.md'), 'utf8');

/** Each evidence line of the hazard log: a test file and the test (or describe, or row) names quoted after it. */
function evidence(): { file: string; names: string[] }[] {
  const items = safety.split(/\n\s*- (?=`tests\/)/).slice(1);
  return items.map((item) => {
    const text = item.split(/\n(?:- \*\*|### |## )/)[0]!.replace(/\s+/g, ' ');
    const file = /^`(tests\/[^`]+)`/.exec(text)![1]!;
    const names = [...text.matchAll(/"((?:[^"\\]|\\.)+)"/g)].map((m) => m[1]!.replace(/\\"/g, '"'));
    return { file, names };
  });
}
const normalise = (s: string) => s.replace(/\s+/g, ' ');

describe('SAFETY.md', () => {
  const entries = evidence();

  it('cites tests for every hazard', () => {
    const hazards = safety.match(/^### H\d+\./gm) ?? [];
    expect(hazards.length).toBeGreaterThanOrEqual(10);
    const sections = safety.split(/^### /m).slice(1);
    for (const section of sections) expect(section, section.split('\n')[0]).toMatch(/- \*\*Evidence:\*\*\n\s+- `tests\//);
  });

  it.each(entries.map((e) => [e.file, e] as const))('names tests that exist in %s', (file, entry) => {
    expect(existsSync(join(root, file)), file).toBe(true);
    const source = normalise(readFileSync(join(root, file), 'utf8'));
    expect(entry.names.length).toBeGreaterThan(0);
    for (const name of entry.names) expect(source, `${file} has no test named "${name}"`).toContain(normalise(name));
  });
});
