/** The command run as node's own script, not only through bin/symptom-check.js. */
import { execFile } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { isProcessEntry } from '../../src/cli/entry';
import { tempFiles } from './harness';
import { smallQuestionnaire } from '../fixtures';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
let file: ReturnType<typeof tempFiles>;

beforeAll(() => {
  file = tempFiles();
});

describe('isProcessEntry', () => {
  it('is true for the module node was started with, also through a link to it', () => {
    const script = file('script.js', '');
    expect(isProcessEntry(pathToFileURL(script).href, script)).toBe(true);
    const link = join(file.dir, 'link.js');
    symlinkSync(script, link);
    expect(isProcessEntry(pathToFileURL(script).href, link)).toBe(true);
  });
  it('is false for a module that another script imports (as bin/symptom-check.js imports main.ts)', () => {
    expect(isProcessEntry(pathToFileURL(join(root, 'src/cli/main.ts')).href, join(root, 'bin/symptom-check.js'))).toBe(false);
  });
  it('is false without a script (node -e, a REPL) or for one that is not there', () => {
    expect(isProcessEntry(pathToFileURL(join(root, 'src/cli/main.ts')).href, undefined)).toBe(false);
    expect(isProcessEntry(pathToFileURL(join(root, 'nope.ts')).href, join(root, 'nope.ts'))).toBe(false);
  });
});

describe('src/cli/main.ts run directly, as `npx tsx src/cli/main.ts`', () => {
  it('checks the file and exits 1 for a broken one, rather than printing nothing and exiting 0', async () => {
    const path = file('broken.json', '{"sections": [');
    await expect(run(process.execPath, [tsx, 'src/cli/main.ts', 'validate', path], { cwd: root })).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining(`${path}:1:15  $  JSON syntax error`),
    });
  }, 30_000);
  it('prints its usage for --help and exits 0', async () => {
    const { stdout } = await run(process.execPath, [tsx, 'src/cli/main.ts', '--help'], { cwd: root });
    expect(stdout).toMatch(/^Usage: symptom-check <command>/);
  }, 30_000);
});

describe('bin/symptom-check.js', () => {
  it('runs the command once: main.ts does not run itself a second time when imported', async () => {
    const path = file('q.json', smallQuestionnaire());
    const { stdout } = await run(process.execPath, ['bin/symptom-check.js', 'validate', path], { cwd: root });
    expect(stdout).toBe(`${path}: ok (small 1.2.3)\n`);
  }, 30_000);
});
