#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ (through tsx), so no build step is needed.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`symptom-check validate … | head`) is not an error: the rest of
// the output goes nowhere, quietly, and the exit code is still the command's own.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
