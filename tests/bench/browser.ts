/**
 * Real-browser measurements for the bench: Debian's Chromium (never a downloaded browser),
 * launched as the browser tests launch it, plus a host rule that makes every host but
 * 127.0.0.1 fail at once (SurveyJS's default CSS asks Google Fonts for Open Sans; there is no
 * network here, and a failing lookup must not stall a load).
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (never download a browser)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export interface FirstControl {
  /** performance.now() when the first control was seen laid out: ms since navigation start. */
  t: number;
  /** What it was, e.g. `BUTTON "Start"`, to show what was measured. */
  what: string;
  /** Whether it was inside a shadow root. */
  inShadow: boolean;
  /** Files fetched by then (Resource Timing): path, request start and response end, ms. */
  resources: { path: string; start: number; end: number }[];
}

/**
 * Runs in every page before its own scripts. It keeps every shadow root the page creates (open
 * or closed) and checks, on each animation frame from the start, for the first input, button,
 * select or textarea with a non-empty box (in the document or in a shadow root); it records
 * performance.now() then, reports it through the __benchReport binding, and stops. (A binding,
 * not Playwright's waitForFunction: that injects a 330 KB script into the page while it loads,
 * which kept the main thread busy for 40-170 ms at 4x throttling at a random point of the load.)
 */
const probe = `(() => {
  const roots = [document];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); roots.push(root); return root; };
  const controls = 'input, button, select, textarea';
  const describe = (el) => el.tagName + (el.type && el.tagName === 'INPUT' ? '[' + el.type + ']' : '') + ' "' + ((el.textContent || el.value || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 30)) + '"';
  const frame = () => {
    for (const root of roots) {
      for (const el of root.querySelectorAll(controls)) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) {
          const t = performance.now();
          const resources = performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
          window.__benchReport({ t, what: describe(el), inShadow: root !== document, resources });
          return;
        }
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** Installs the probe; `reported` settles when the page reports its first control, or fails after 30 s. */
async function probeFirstControl(page: Page): Promise<{ reported: Promise<FirstControl> }> {
  let report!: (result: FirstControl) => void;
  const reported = new Promise<FirstControl>((resolve) => (report = resolve));
  await page.exposeBinding('__benchReport', (_source, result: FirstControl) => report(result));
  await page.addInitScript(probe);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${page.url()}: no control laid out within 30 s`)), 30_000)));
  // Wrapped: an async function would wait for a promise it returns.
  return { reported: Promise.race([reported, timeout]).finally(() => clearTimeout(timer)) };
}

/** One cold load of `url` (a new browser context: empty cache) with the CPU slowed `throttle` times. */
export async function firstControl(browser: Browser, url: string, throttle: number): Promise<FirstControl> {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const { reported } = await probeFirstControl(page);
    await page.goto(url, { waitUntil: 'commit' });
    const result = await reported;
    if (errors.length) throw new Error(`${url}: uncaught error in the page: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

export interface LoadedFiles {
  files: { path: string; gzip: number }[];
  totalGzip: number;
}

/**
 * Every file (not the page itself) a page fetches until its first control is laid out, each
 * gzipped at level 9 from the bytes the server holds. `body` is the server's lookup.
 */
export async function filesBeforeFirstControl(browser: Browser, url: string, body: (path: string) => Buffer | undefined): Promise<LoadedFiles> {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const pagePath = new URL(url).pathname;
  const fetched = new Set<string>();
  const external = new Set<string>();
  page.on('request', (request) => {
    const u = new URL(request.url());
    if (u.origin !== origin) external.add(u.origin);
    else if (u.pathname !== pagePath) fetched.add(u.pathname);
  });
  try {
    const { reported } = await probeFirstControl(page);
    await page.goto(url);
    await reported;
  } finally {
    await context.close();
  }
  const files = [...fetched].sort().map((path) => {
    const bytes = body(path);
    if (!bytes) throw new Error(`${url} fetched ${path}, which the bench server does not have`);
    return { path, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  if (external.size) files.push(...[...external].map((o) => ({ path: `${o} (not reachable here, not counted)`, gzip: 0 })));
  return { files, totalGzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}
