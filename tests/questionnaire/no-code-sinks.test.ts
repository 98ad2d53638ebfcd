import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file of the widget, the CLI included. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(ts|tsx)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}
const src = join(import.meta.dirname, '../../src');

describe('src/ has no code or HTML sinks (strict CSP, no XSS)', () => {
  const sinks: [string, RegExp][] = [
    ['eval', /\beval\s*\(/],
    ['new Function', /new\s+Function\b/],
    ['innerHTML / outerHTML', /\.(inner|outer)HTML\s*=/],
    ['insertAdjacentHTML', /insertAdjacentHTML/],
    ['document.write', /document\.write/],
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['inline style props', /\bstyle=\{/],
    ['setAttribute("style")', /setAttribute\(\s*['"]style['"]/],
    ['string timers', /set(Timeout|Interval)\(\s*['"`]/],
  ];
  it.each(sinks)('no %s', (_name, pattern) => {
    const hits = sources(src).filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(hits).toEqual([]);
  });
});
