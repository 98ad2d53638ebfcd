#!/usr/bin/env node
// In a checkout, the CLI runs straight from src/ (through tsx, a devDependency), so no build
// step is needed; the published package has no src/ and runs its bundled copy in dist/cli/.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let cli;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import('../dist/cli/main.js');
}
// Wired to the process as when the module runs directly (a reader that stops early is no error).
await cli.runAsProcess(cli.main);
