import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAndServer, open, settled } from './browser';

const env = chromiumAndServer();

/** Everything the page shows but the widget (tests/browser/pages/slotted.js lists it), that is drawn now. */
const chromeShown = (p: Page) => p.evaluate(() => (window as unknown as { __chrome: Element[] }).__chrome.filter((e) => e.checkVisibility()).map((e) => e.textContent));
/** The print marks and the adopted sheets in the document and in every shadow root. */
const traces = (p: Page) =>
  p.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) for (const e of roots[i]!.querySelectorAll('*')) if (e.shadowRoot) roots.push(e.shadowRoot);
    return {
      sheets: roots.map((r) => r.adoptedStyleSheets.length),
      marked: roots.flatMap((r) => [...r.querySelectorAll('[data-sc-print-path], [data-sc-printing]')].map((e) => e.tagName)),
    };
  });
const pdfPages = async (p: Page) => ((await p.pdf({ format: 'A4' })).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('the printed summary of a widget slotted into another component', () => {
  it.each([
    ['its default slot', 'default'],
    ['a named slot', 'named'],
    ['a slot inside a slot, in a component inside a component', 'nested'],
  ])('is the widget alone, at the top of page one, full width, from %s, and leaves no trace after', async (_, slot) => {
    const p = await open(env.browser, `${env.server.url}/pages/slotted.html?slot=${slot}`);
    await settled(p);
    const widget = p.locator('symptom-check');
    await widget.getByRole('button', { name: 'Start' }).click();
    await widget.getByRole('checkbox', { name: /chest/i }).check();
    await widget.getByRole('button', { name: 'Next' }).click();
    const before = await traces(p);
    expect(await chromeShown(p)).toContain('Card header');

    // Headless Chromium has no print dialog: print media and a PDF of the page are the print.
    await p.evaluate(() => {
      window.print = () => {};
    });
    await widget.getByRole('button', { name: 'Print or save summary' }).click();
    await expect.poll(() => widget.getAttribute('data-sc-printing')).toBe('');
    await p.emulateMedia({ media: 'print' });
    expect(await chromeShown(p)).toEqual([]);
    expect(await widget.locator('[part="summary"]').isVisible()).toBe(true);
    const box = await widget.boundingBox();
    expect(box!.y).toBeLessThan(50);
    expect(box!.width).toBeGreaterThan(0.9 * (await p.evaluate(() => document.documentElement.clientWidth)));
    expect(await pdfPages(p)).toBe(1);

    // The print is over: the page is as it was.
    await p.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await p.emulateMedia({ media: 'screen' });
    expect(await traces(p)).toEqual(before);
    expect(before.marked).toEqual([]);
    expect(await chromeShown(p)).toContain('Card footer');
    await p.context().close();
  });
});
