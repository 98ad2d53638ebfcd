import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bin = join(root, 'node_modules/.bin');
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };

/**
 * A TypeScript app that installed the package: node_modules/symptom-check holds package.json (so its
 * `exports` decide what the app gets) and the declarations, emitted by the build's own commands
 * (the steps of `npm run build` that write dist/types, pointed at this folder; not dist/, which the
 * unit tests run before and the browser tests use); the package's dependencies sit beside it.
 */
const app = realpathSync(mkdtempSync(join(tmpdir(), 'sc-consumer-')));
const installed = join(app, 'node_modules/symptom-check');

beforeAll(async () => {
  mkdirSync(installed, { recursive: true });
  writeFileSync(join(installed, 'package.json'), JSON.stringify(pkg, null, 2));
  for (const dependency of Object.keys(pkg.dependencies)) {
    mkdirSync(dirname(join(app, 'node_modules', dependency)), { recursive: true });
    symlinkSync(join(root, 'node_modules', dependency), join(app, 'node_modules', dependency), 'dir');
  }
  const steps = (pkg.scripts.build as string).split('&&').map((step) => step.trim()).filter((step) => /tsconfig\.build\.json|dist\/types/.test(step));
  expect(steps[0]).toMatch(/^tsc -p tsconfig\.build\.json\b/);
  const out = `'${join(installed, 'dist/types')}'`;
  for (const step of steps) await run('sh', ['-c', step.includes('dist/types') ? step.replaceAll('dist/types', out) : `${step} --outDir ${out}`], { cwd: root, env });

  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'clinic-site', private: true, type: 'module' }));
  // What the README promises: the element's properties and events typed, and the detail types.
  writeFileSync(
    join(app, 'app.ts'),
    `import { defineSymptomCheck, SymptomCheckElement, type CompleteDetail, type ErrorDetail, type LanguageDetail, type ReadyDetail, type StepDetail } from 'symptom-check';

defineSymptomCheck('clinic-check');
const el = document.querySelector('symptom-check')!;
const element: SymptomCheckElement = el;
el.rules = { id: 'lupus' };
el.fetchTimeout = 10_000;
document.createElement('symptom-check').fetchTimeout = 5_000;
el.addEventListener('sc-complete', (e) => {
  const level: string | undefined = e.detail.guidance[0]?.level;
  // Missing only when its code could not load (sc-error says so): the type makes the page check.
  const fhir: 'QuestionnaireResponse' | undefined = e.detail.fhir?.resourceType;
  // @ts-expect-error: no such detail property
  console.log(e.detail.guidanceList, level, fhir);
});
el.addEventListener('sc-error', (e) => e.detail.problems.length);
el.addEventListener('sc-ready', (e) => e.detail.questionnaire.version);
el.addEventListener('sc-language', (e) => e.detail.lang.toUpperCase());
// @ts-expect-error: milliseconds, as a number
el.fetchTimeout = '10s';
export const handlers: Array<(detail: CompleteDetail | ErrorDetail | LanguageDetail | ReadyDetail | StepDetail) => void> = [console.log];
export { element };
`,
  );
}, 60_000);
afterAll(() => rmSync(app, { recursive: true, force: true }));

// Concurrent: each check is one tsc process.
describe.concurrent('the published declarations, type-checked by an app that installed the package', () => {
  it.for([
    { module: 'node16', moduleResolution: 'node16' },
    { module: 'nodenext', moduleResolution: 'nodenext' },
    { module: 'esnext', moduleResolution: 'bundler' },
    { module: 'preserve', moduleResolution: 'bundler' },
  ])('module $module, moduleResolution $moduleResolution', { timeout: 30_000 }, async (options, { expect }) => {
    const tsconfig = join(app, `tsconfig.${options.module}.json`);
    const compilerOptions = { ...options, target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] };
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions, files: ['app.ts'] }));
    const result: { stdout: string; code?: number } = await run(join(bin, 'tsc'), ['-p', tsconfig, '--listFiles'], { cwd: app }).catch((error) => error);
    // --listFiles prints the program's files as absolute paths; anything else is a diagnostic.
    expect(result.stdout.split('\n').filter((line) => line && !line.startsWith('/'))).toEqual([]);
    expect(result.code ?? 0).toBe(0);
    // The types came from the installed package, through its `exports`.
    expect(result.stdout).toContain(join(installed, 'dist/types/src/index.d.ts'));
  });
});
