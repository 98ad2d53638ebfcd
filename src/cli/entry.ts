/**
 * Running the command when its module is the one node was asked to run (`npx tsx
 * src/cli/main.ts …`, `node dist/cli/main.js …`). bin/symptom-check.js imports the module
 * instead and runs `main` itself: there node's entry is the bin file, so the module does not
 * run a second time.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Whether `moduleUrl` (a module's import.meta.url) is the script node started with
 * (`entryPath`, process.argv[1]). The path is resolved through links, as node resolves the
 * module's own URL; no path (`node -e`, a REPL) or one that does not exist is not an entry.
 */
export function isProcessEntry(moduleUrl: string, entryPath: string | undefined = process.argv[1]): boolean {
  if (!entryPath) return false;
  try {
    return pathToFileURL(realpathSync(entryPath)).href === moduleUrl;
  } catch {
    return false;
  }
}

/**
 * Runs `main` on the process's arguments and makes its result the exit code (for node running
 * the module directly, and for bin/symptom-check.js). A reader that stops early (`… | head`) is
 * not an error: the rest of the output goes nowhere quietly, and the exit code is still the
 * command's own.
 */
export async function runAsProcess(main: (argv: string[]) => Promise<number>): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}
