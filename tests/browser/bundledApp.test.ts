/**
 * An app that installs the package from npm and bundles it with its own bundler (Vite here): the
 * widget and its lazily loaded parts go into the app's files, and the whole run works from there;
 * and the same app while its developers work on it, on Vite's dev server (which serves the
 * package's files with a query of its own).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build, createServer as createViteServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, open } from './browser';
import { STRICT_CSP } from './server';

const root = join(import.meta.dirname, '../..');
let dir: string;
let app: string;
let server: Server;
let url: string;
const requests: { path: string; status: number }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sc-app-'));
  // The package as npm installs it: its published files, copied (not linked).
  mkdirSync(join(dir, 'node_modules/symptom-check'), { recursive: true });
  for (const path of ['package.json', 'dist', 'rules']) cpSync(join(root, path), join(dir, 'node_modules/symptom-check', path), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title><script type="module" src="/main.js"></script></head><body><symptom-check></symptom-check></body></html>');
  writeFileSync(join(dir, 'main.js'), "import 'symptom-check';\n");
  app = join(dir, 'dist');
  await build({ configFile: false, root: dir, logLevel: 'silent', build: { outDir: app } });
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = normalize(join(app, path === '/' ? 'index.html' : path));
    let body: Buffer | undefined;
    try {
      if (file.startsWith(app)) body = readFileSync(file);
    } catch {
      // not there: 404 below
    }
    requests.push({ path, status: body ? 200 : 404 });
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': extname(file) === '.js' ? 'text/javascript' : 'text/html', 'Content-Security-Policy': STRICT_CSP }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 60_000);
afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

describe('bundled into an app by its own bundler', () => {
  it('runs past the first questions, fetching nothing that is not there', async () => {
    // The widget is bundled into the app's files, not copied beside them as a file of its own.
    expect(readdirSync(join(app, 'assets')).filter((file) => file.startsWith('symptom-check'))).toEqual([]);
    const browser = await launch();
    try {
      const page = await open(browser, url);
      const widget = page.locator('symptom-check');
      await widget.getByRole('button', { name: 'Start' }).click();
      await widget.locator('input[value="none"]').check();
      await widget.getByRole('button', { name: 'Next' }).click();
      await expect.poll(() => widget.getByRole('heading', { level: 2 }).textContent()).toBe('How old are you?');
      expect(requests.filter((r) => r.status !== 200 && r.path !== '/favicon.ico')).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it.each([
    ['pre-bundled by Vite', { include: ['symptom-check'] }],
    ['served as installed', { exclude: ['symptom-check'] }],
  ])('runs past the first questions on Vite\'s dev server, %s', async (_name, optimizeDeps) => {
    const dev = await createViteServer({ configFile: false, root: dir, logLevel: 'silent', optimizeDeps, server: { host: '127.0.0.1', port: 0 } });
    await dev.listen();
    const browser = await launch();
    try {
      const page = await open(browser, dev.resolvedUrls!.local[0]!);
      const widget = page.locator('symptom-check');
      await widget.getByRole('button', { name: 'Start' }).click();
      await widget.locator('input[value="none"]').check();
      await widget.getByRole('button', { name: 'Next' }).click();
      await expect.poll(() => widget.getByRole('heading', { level: 2 }).textContent()).toBe('How old are you?');
    } finally {
      await browser.close();
      await dev.close();
    }
  });
});
