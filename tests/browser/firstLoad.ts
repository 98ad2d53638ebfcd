/**
 * What a page must download before the patient sees the first question: every file the
 * browser fetches from dist/ between navigation and the first question on screen, each
 * measured gzipped (-9), as a CDN would serve it.
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

export async function measureFirstLoad(browser: Browser, serverUrl: string, page = '/pages/widget.html'): Promise<FirstLoad> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const fetched = new Set<string>();
  tab.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/dist/') && !path.endsWith('.map')) fetched.add(path);
  });
  await tab.goto(`${serverUrl}${page}`);
  await tab.locator('symptom-check').locator('[part~="button-primary"]').click();
  await tab.locator('symptom-check').locator('fieldset').waitFor();
  await context.close();
  const files = [...fetched].sort().map((path) => ({ path, gzip: gzipSync(readFileSync(join(root, path)), { level: 9 }).length }));
  return { files, totalGzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}
