/**
 * What a page must download before the patient sees the first question: every file from dist/
 * whose request started before the first question entered the widget's DOM (from the page's
 * own Resource Timing), each measured gzipped (-9), as a CDN would serve it. Files the widget
 * prefetches once the first question is on screen (the rest of the texts, the later screens)
 * are not part of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface FirstLoad {
  files: { path: string; gzip: number }[];
  totalGzip: number;
}

const root = join(import.meta.dirname, '../..');

/** Installed before any page script: notes when a fieldset (a question) first appears in a widget. */
const WATCH_FOR_FIRST_QUESTION = () => {
  // The element may be created by a later script: look for it each frame until it has its shadow root.
  const attach = () => {
    const root = document.querySelector('symptom-check')?.shadowRoot;
    if (!root) return requestAnimationFrame(attach);
    const observer = new MutationObserver(() => {
      if (root.querySelector('fieldset')) {
        (window as unknown as { __firstQuestionAt: number }).__firstQuestionAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  };
  attach();
};

export async function measureFirstLoad(browser: Browser, serverUrl: string, page = '/pages/widget.html'): Promise<FirstLoad> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.addInitScript(WATCH_FOR_FIRST_QUESTION);
  await tab.goto(`${serverUrl}${page}`);
  await tab.locator('symptom-check').locator('[part~="button-primary"]').click();
  await tab.locator('symptom-check').locator('fieldset').waitFor();
  const paths = await tab.evaluate(() => {
    const at = (window as unknown as { __firstQuestionAt: number }).__firstQuestionAt;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.startTime < at)
      .map((entry) => new URL(entry.name).pathname);
  });
  await context.close();
  const fetched = [...new Set(paths.filter((path) => path.startsWith('/dist/') && !path.endsWith('.map')))].sort();
  const files = fetched.map((path) => ({ path, gzip: gzipSync(readFileSync(join(root, path)), { level: 9 }).length }));
  return { files, totalGzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}
