/** Launches Debian's Chromium (never a downloaded browser) and opens test pages on the local server. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startServer, type TestServer } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(new URL('../../dist/symptom-check.js', import.meta.url))) throw new Error('dist/ is missing: run `npm run build` first');
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Chromium and the test server for one test file: started before its tests, closed after. */
export function chromiumAndServer(): { readonly browser: Browser; readonly server: TestServer } {
  const env = {} as { browser: Browser; server: TestServer };
  beforeAll(async () => {
    [env.browser, env.server] = await Promise.all([launch(), startServer()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export async function open(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw new Error(`uncaught error in the page: ${error.message}`);
  });
  await page.goto(url);
  return page;
}

/** What tests/browser/pages/record.js noted in the page: the widget's events and CSP violations. */
export interface RecordedEvent {
  type: string;
  detail: any;
  /** The id (or tag name) of the element that fired it. */
  target: string;
}
type Recorder = { __events: RecordedEvent[]; __violations: string[] };
export const events = (page: Page) => page.evaluate(() => (window as unknown as Recorder).__events);
export const violations = (page: Page) => page.evaluate(() => (window as unknown as Recorder).__violations);

/** Waits until `count` widgets have said sc-ready or sc-error. */
export async function settled(page: Page, count = 1) {
  await expect
    .poll(async () => (await events(page)).filter((e) => e.type === 'sc-ready' || e.type === 'sc-error').length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(count);
}

/** The visible level-2 heading of a widget, i.e. the screen it shows. */
export function heading(page: Page, widget = 'symptom-check') {
  return page.locator(widget).getByRole('heading', { level: 2 });
}

export async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return `${el?.tagName}:${el?.textContent?.trim()}`;
  });
}

/** The CSS example of README's Theming section, as a clinic would copy it into its page. */
export const readmeThemeCss = (() => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const example = /```css\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('### Theming')));
  if (!example) throw new Error('README: no css example under "### Theming"');
  return example[1]!;
})();

/** Adds CSS to the page's own styles: a constructed sheet, as the strict CSP allows no inline style. */
export async function addPageCss(page: Page, css: string) {
  await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}

/** WCAG 2 contrast ratio of two computed colours (`rgb(r, g, b)`, opaque). */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color.match(/[\d.]+/g)!.slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.2 A/AA rules) over the page, shadow DOM included, and expects no violations. */
export async function expectAccessible(page: Page, screen: string) {
  // Evaluated through the DevTools protocol, so the page's CSP (if any) does not apply to axe itself.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
  expect(violations, `axe on the ${screen} screen`).toEqual([]);
}

/** Answers the question on screen the way a patient with no symptoms would. */
export async function answerNo(page: Page, widget = 'symptom-check') {
  const root = page.locator(widget);
  const none = root.locator('input[type="checkbox"][value="none"]');
  if (await none.count()) return none.check();
  const no = root.locator('input[type="radio"][value="no"]');
  if (await no.count()) return no.check();
  const text = root.locator('input[type="text"]');
  if (await text.count()) return text.fill('34');
  const notSaid = root.locator('input[type="radio"][value="not_said"]');
  if (await notSaid.count()) return notSaid.check();
  return root.locator('input[type="radio"]').first().check();
}
