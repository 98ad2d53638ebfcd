/**
 * The package as npm would publish it (after `npm run build`, which `npm pack` runs first): the
 * files a clinic's install gets, and the command-line tool working from them alone.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('the published package', () => {
  it('ships the bundles, types, manifest, bundled CLI and rules, and no sources', async () => {
    // --ignore-scripts: list what is built now, without building again.
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
    const files: string[] = JSON.parse(stdout)[0].files.map((f: { path: string }) => f.path);
    for (const file of ['dist/symptom-check.js', 'dist/symptom-check.iife.js', 'dist/types/src/index.d.ts', 'dist/custom-elements.json', 'dist/cli/main.js', 'bin/symptom-check.js', 'rules/lupus.json', 'rules/schema.json']) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => f.startsWith('src/'))).toEqual([]);
  }, 60_000);

  it('depends on exactly the packages its public .d.ts files import (the bundles need none)', () => {
    const imported = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) {
        if (specifier!.startsWith('.')) visit(join(dirname(file), `${specifier!.replace(/\.js$/, '')}.d.ts`));
        else imported.add(specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!);
      }
    };
    visit(join(root, 'dist/types/src/index.d.ts'));
    // fhir/r4 is typed by @types/fhir.
    const needed = [...imported].map((name) => (name === 'fhir' ? '@types/fhir' : name)).sort();
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies).sort()).toEqual(needed);
  });

  it('runs its command-line tool from the bundled copy, with no sources and nothing installed beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-pkg-'));
    for (const path of ['bin/symptom-check.js', 'dist/cli/main.js', 'rules/lupus.json', 'rules/lupus.cases.json', 'package.json']) cpSync(join(root, path), join(dir, path), { recursive: true });
    const cli = (...args: string[]) => run(process.execPath, [join(dir, 'bin/symptom-check.js'), ...args], { cwd: dir });
    expect((await cli('validate', 'rules/lupus.json')).stdout).toContain('rules/lupus.json: ok');
    expect((await cli('test', 'rules/lupus.json', 'rules/lupus.cases.json')).stdout).toMatch(/\d+ passed, 0 failed/);
  }, 60_000);
});
