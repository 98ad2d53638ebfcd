/** The rule playground, served by Vite's dev server as `npm run demo` serves it, for the playground tests. */
import type { EditorView } from '@codemirror/view';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect } from 'vitest';
import { launch, open } from './browser';

/** demo/playground.ts puts its editor on window, for the tests to drive. */
declare global {
  interface Window {
    playgroundEditor: EditorView;
  }
}

/** Starts the dev server and a browser before the file's tests, and stops them after. */
export function playgroundServer() {
  let browser: Browser | undefined;
  let vite: ViteDevServer | undefined;
  let base = '';
  beforeAll(async () => {
    vite = await createServer({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname, server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
    await vite.listen();
    base = vite.resolvedUrls!.local[0]!;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await vite?.close();
  });
  return {
    get browser(): Browser {
      return browser!;
    },
    /** The dev server's address, ending in "/". */
    get base(): string {
      return base;
    },
    /**
     * The playground page once it has checked its file (`summary`: what it says of it). Under
     * vitest the dev server's root is the project, so pages are under /demo/.
     */
    async open(hash = '', summary = /^No problems\.$/): Promise<Page> {
      const p = await open(browser!, `${base}demo/playground.html${hash}`);
      await p.locator('.cm-content').waitFor();
      await expect.poll(() => p.locator('#problems-summary').textContent(), { timeout: 30_000 }).toMatch(summary);
      return p;
    },
  };
}
