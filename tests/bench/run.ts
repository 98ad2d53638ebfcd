/**
 * `npm run bench`: bundles tests/bench/main.ts with Vite (as plain JavaScript, the way our
 * engine ships, and without tsx's keep-names helpers, which cannot be sent into a page) to
 * tests/bench/.bench.mjs, then runs it with plain node. The peers stay external, so they run
 * from their published files in node_modules. Expects dist/ to be built (the npm script does).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const here = import.meta.dirname;
const root = join(here, '../..');
if (!existsSync(join(root, 'dist/symptom-check.js'))) {
  process.stderr.write('bench: dist/ is missing: run `npx vite build && npx vite build --mode iife` first (npm run bench does)\n');
  process.exit(1);
}

await build({
  configFile: false,
  root,
  logLevel: 'error',
  build: {
    ssr: join(here, 'main.ts'),
    // Next to main.ts (two levels below the root), so files that find the root relative to
    // themselves (tests/browser/firstLoad.ts) still do when bundled.
    outDir: here,
    emptyOutDir: false,
    minify: false,
    target: 'node20',
    rolldownOptions: { output: { entryFileNames: '.bench.mjs', format: 'es' } },
  },
});

const child = spawn(process.execPath, [join(here, '.bench.mjs')], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
