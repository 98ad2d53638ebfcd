#!/usr/bin/env node
// In a checkout, the CLI runs straight from src/ (through tsx, a devDependency), so no build
// step is needed; the published package has no src/ and runs its bundled copy in dist/cli/.
import { existsSync } from 'node:fs';

// A reader that stops early (`symptom-check validate … | head`) is not an error: the rest of
// the output goes nowhere, quietly, and the exit code is still the command's own.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});
const source = new URL('../src/cli/main.ts', import.meta.url);
let cli;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import('../dist/cli/main.js');
}
process.exitCode = await cli.main(process.argv.slice(2));
