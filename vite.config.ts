import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { builtinRulesPlugin } from './src/builtinRulesPlugin';

const root = import.meta.dirname;
/** The ES build's entry: the lazy chunks import it by this name (see src/index.ts). */
const esEntry = 'symptom-check.js';

/**
 * One config for:
 * - `npm run demo`: the dev server over demo/ (the clinic page and the rule playground);
 * - `npm run build`: the library, as an ES module (lazy chunks for the validator and rules) and,
 *   with `--mode iife`, as one classic script;
 * - vitest (unit and component tests; the browser tests have vitest.browser.config.ts).
 */
export default defineConfig(({ command, mode }) => {
  const iife = mode === 'iife';
  // `--mode cli`: the command-line tool in one file with everything it uses, for the published
  // package (bin/symptom-check.js runs it there; a checkout runs src/ through tsx instead).
  if (mode === 'cli') {
    return {
      oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
      ssr: { noExternal: true },
      build: {
        outDir: resolve(root, 'dist/cli'),
        emptyOutDir: true,
        target: 'node20',
        ssr: resolve(root, 'src/cli/main.ts'),
        rolldownOptions: { output: { entryFileNames: 'main.js', format: 'es' } },
      },
    };
  }
  return {
    root: command === 'serve' && !process.env.VITEST ? resolve(root, 'demo') : root,
    plugins: [builtinRulesPlugin(resolve(root, 'rules/lupus.json'))],
    define: { __ENTRY_FILE__: JSON.stringify(command === 'build' && !iife ? esEntry : '') },
    // Classic JSX (`h(type, props, ...children)`, with `h` imported from preact in each .tsx):
    // about 0.25 KB gzip smaller than the automatic runtime's `jsx(type, { children })` calls.
    // Not `development`: its __self and __source props would reach the DOM as attributes in the
    // demo and in tests (Preact's classic `h` keeps every prop).
    oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false } },
    server: { host: '127.0.0.1', fs: { allow: [root] } },
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: !iife,
      target: 'es2022',
      sourcemap: true,
      // Terser and rolldown's own minifier (output.minify below) both run: together about 0.1 KB
      // gzip smaller than either alone. Safe options only (no unsafe_* or pure_getters).
      minify: 'terser',
      terserOptions: { module: !iife, ecma: 2020, compress: { passes: 2 }, format: { comments: false } },
      lib: {
        entry: resolve(root, 'src/index.ts'),
        formats: [iife ? 'iife' : 'es'],
        name: 'SymptomCheck',
        fileName: () => (iife ? 'symptom-check.iife.js' : esEntry),
      },
      rolldownOptions: {
        // Lets modules shared with lazy chunks live in the entry, instead of in extra tiny chunks.
        preserveEntrySignatures: 'allow-extension',
        // Library mode leaves ES output unminified unless asked.
        output: {
          minify: true,
          // The output is the final bundle, not input to another bundler's tree-shaking: its
          // /* @__PURE__ */ marks are ~0.3 KB of gzip for nothing (licence comments stay).
          comments: { legal: true, annotation: false, jsdoc: false },
          // V8's explicit compile hint: compile the whole ES entry eagerly while it streams in, on
          // a background thread, rather than function by function on the main thread as the intro
          // renders. Not the lazy chunks, nor the classic script (it inlines them all).
          ...(iife
            ? { inlineDynamicImports: true }
            : { chunkFileNames: 'chunks/[name]-[hash].js', postBanner: (chunk: { isEntry: boolean }) => (chunk.isEntry ? '//# allFunctionsCalledOnLoad' : '') }),
        },
      },
    },
    test: {
      include: ['tests/**/*.test.{ts,tsx}'],
      exclude: ['tests/browser/**', 'node_modules/**'],
      environment: 'node',
    },
  };
});
