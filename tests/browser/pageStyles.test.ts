/**
 * What the page around the widget decides: the widget is light or dark as the page is.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addPageCss, chromiumAndServer, contrast, open, readmeThemeCss, settled } from './browser';

const env = chromiumAndServer();

const LIGHT = { background: 'rgb(255, 255, 255)', color: 'rgb(27, 27, 31)' };
const DARK = { background: 'rgb(23, 23, 28)', color: 'rgb(236, 236, 241)' };

/** A test page (under /pages/, with its query) once its widget is ready. */
async function widgetPage(path: string, options: BrowserContextOptions = {}) {
  const p = await open(env.browser, `${env.server.url}/pages/${path}`, options);
  await settled(p);
  return p;
}
const widget = (p: Page) => p.locator('symptom-check');
const style = (p: Page, selector: string, ...properties: string[]) =>
  widget(p)
    .locator(selector)
    .first()
    .evaluate((el, names) => Object.fromEntries(names.map((name) => [name, getComputedStyle(el).getPropertyValue(name)])), properties);
const colours = async (p: Page) => {
  const { 'background-color': background, color } = await style(p, '.container', 'background-color', 'color');
  return { background, color };
};

describe('light or dark, as the page is', () => {
  it('is light on a page that declares no colour scheme, even where the system is dark, and dark where the page supports dark mode', async () => {
    expect(await colours(await widgetPage('widget.html', { colorScheme: 'dark' }))).toEqual(LIGHT);
    // Dark mode declared by a meta tag, or by CSS on the page's html: light or dark as the system is.
    for (const path of ['scheme.html', 'widget.html?css=scheme-page']) {
      expect(await colours(await widgetPage(path, { colorScheme: 'dark' })), path).toEqual(DARK);
      expect(await colours(await widgetPage(path, { colorScheme: 'light' })), path).toEqual(LIGHT);
    }
  });

  it('is dark where the page sets color-scheme: dark on the element, even on a light system', async () => {
    const p = await widgetPage('widget.html?css=scheme-dark', { colorScheme: 'light' });
    expect(await colours(p)).toEqual(DARK);
    expect(await style(p, '.button.primary', 'background-color', 'color')).toEqual({ 'background-color': 'rgb(147, 180, 255)', color: 'rgb(11, 16, 32)' });
  });

  it('prints in light colours from a dark widget', async () => {
    const p = await widgetPage('scheme.html', { colorScheme: 'dark' });
    await widget(p).getByRole('button', { name: 'Start' }).click();
    await widget(p).getByRole('checkbox').first().waitFor();
    expect(await style(p, '.option', 'border-top-color')).toEqual({ 'border-top-color': 'rgb(154, 154, 168)' });
    await p.emulateMedia({ media: 'print' });
    // The print styles come with the later screens' code, which loads after Start.
    await expect.poll(() => style(p, '.option', 'border-top-color')).toEqual({ 'border-top-color': 'rgb(107, 107, 120)' });
  });
});

describe("README's theming example", () => {
  it('keeps the Start button and the language link readable (4.5:1) for a patient whose system is dark', async () => {
    // On a light page (the audit found 1.58:1 and 1.49:1), and on a page that supports dark mode.
    for (const path of ['widget.html', 'scheme.html']) {
      const p = await widgetPage(path, { colorScheme: 'dark' });
      await addPageCss(p, readmeThemeCss);
      const start = await style(p, '.button.primary', 'background-color', 'color');
      expect(start['background-color'], path).not.toBe('rgb(29, 78, 216)'); // the example's accent applies
      expect(contrast(start.color!, start['background-color']!), `${path}: Start`).toBeGreaterThanOrEqual(4.5);
      const { color: link } = await style(p, '.language-button', 'color');
      const { 'background-color': background } = await style(p, '.container', 'background-color');
      expect(contrast(link!, background!), `${path}: the language link`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
