/** Runs the CLI in-process with captured output, and writes input files to a fresh folder. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), readFile: (p) => readFileSync(p, 'utf8') });
  return { code, out: out.join('\n'), err: err.join('\n'), lines: out };
}

/** A writer of test files into a new temporary folder (`.dir`): `file(name, text or JSON)` returns the path. */
export function tempFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'sc-cli-'));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  return Object.assign(file, { dir });
}
