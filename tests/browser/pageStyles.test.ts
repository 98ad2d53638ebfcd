/**
 * What the page around the widget decides, and what it must not change: the widget is light or
 * dark as the page is, but the page's root font size and the type on its body stay out.
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
const style = (p: Page, selector: string, ...properties: string[]): Promise<Record<string, string>> =>
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

describe("the page's root font size", () => {
  /** The widget's text, spacing and widths, on the intro and then the first question. */
  async function sizes(p: Page): Promise<Record<string, string>> {
    const intro = {
      ...(await style(p, '.container', 'font-size', 'padding-top')),
      'max-width': await widget(p).evaluate((el) => getComputedStyle(el).maxWidth),
      heading: (await style(p, '.heading', 'font-size'))['font-size']!,
      button: Object.values(await style(p, '.button', 'font-size', 'padding-top', 'padding-left')).join(' '),
    };
    await widget(p).getByRole('button', { name: 'Start' }).click();
    await widget(p).getByRole('checkbox').first().waitFor();
    const option = Object.values(await style(p, '.option', 'padding-top', 'padding-left', 'column-gap')).join(' ');
    const box = Object.values(await style(p, '.option input', 'width', 'height')).join(' ');
    return { ...intro, option, box };
  }
  const px = (value: string) => value.split(' ').map(parseFloat);

  it('leaves the widget as on any page (html { font-size: 62.5% }, a monospace body), and the patient\'s default text size still sets it', async () => {
    const plain = await sizes(await widgetPage('widget.html'));
    expect(plain).toMatchObject({ 'font-size': '18px', 'max-width': '640px', heading: '27px' });
    expect(parseFloat(plain['padding-top']!)).toBeCloseTo(16, 0);
    expect(await sizes(await widgetPage('widget.html?css=root-font'))).toEqual(plain);
    expect(await sizes(await widgetPage('widget.html?css=mono-body'))).toEqual(plain);

    // A patient who set their browser's text size to 24 px (1.5 times the usual 16): all of it 1.5 times as large.
    const context = await env.browser.newContext({ viewport: { width: 800, height: 900 } });
    const p = await context.newPage();
    await (await context.newCDPSession(p)).send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
    await p.goto(`${env.server.url}/pages/widget.html?css=root-font`);
    await settled(p);
    const large = await sizes(p);
    for (const key of Object.keys(plain)) {
      const [want, got] = [px(plain[key]!), px(large[key]!)];
      got.forEach((value, i) => expect(value, key).toBeCloseTo(want[i]! * 1.5, 0));
    }
    await context.close();
  });

  it('also behind a reset that gives every element its parent\'s type (* { font: inherit })', async () => {
    const plain = await sizes(await widgetPage('widget.html'));
    expect(await sizes(await widgetPage('widget.html?css=root-font&css=reset-font'))).toEqual(plain);
  });

  it('keeps its type behind a reset that unsets every element (all: unset), which also takes the element\'s display and width', async () => {
    const { 'max-width': _width, ...plain } = await sizes(await widgetPage('widget.html'));
    const { 'max-width': width, ...reset } = await sizes(await widgetPage('widget.html?css=root-font&css=reset-all'));
    expect(reset).toEqual(plain);
    expect(width).toBe('none'); // README: exempt the element from such a reset, or give it display: block and max-width: 40em
  });
});

describe("text settings on the page's body", () => {
  it('do not reach the widget: word breaks, hyphens, justified lines, a fill colour, emphasis marks', async () => {
    const p = await widgetPage('widget.html?css=body-text');
    const settings = ['word-break', 'hyphens', 'line-break', 'text-align-last', '-webkit-text-fill-color', 'text-emphasis-style', 'text-wrap-style', 'tab-size', 'quotes', 'font-synthesis-weight', 'text-underline-offset'];
    const onPage = await p.locator('h1').evaluate((el, names) => names.map((name) => getComputedStyle(el).getPropertyValue(name)), settings);
    expect(onPage).toEqual(['break-all', 'auto', 'anywhere', 'justify', 'rgb(0, 200, 0)', 'dot', 'balance', '20', '"<<" ">>"', 'none', '10px']);
    for (const selector of ['.container', '.heading', '.button.primary', '.language-button']) {
      const inWidget = await style(p, selector, ...settings);
      expect(inWidget['-webkit-text-fill-color'], selector).toBe((await style(p, selector, 'color')).color);
      expect({ ...inWidget, '-webkit-text-fill-color': 'its own colour' }, selector).toEqual({
        'word-break': 'normal',
        hyphens: 'manual',
        'line-break': 'auto',
        'text-align-last': 'auto',
        '-webkit-text-fill-color': 'its own colour',
        'text-emphasis-style': 'none',
        'text-wrap-style': 'auto',
        'tab-size': '8',
        quotes: 'auto',
        'font-synthesis-weight': 'auto',
        'text-underline-offset': 'auto',
      });
    }
  });

  it('leave the page to hide it (visibility) and to choose its colour scheme', async () => {
    const p = await widgetPage('widget.html?css=scheme-page', { colorScheme: 'dark' });
    expect(await colours(p)).toEqual(DARK);
    await addPageCss(p, 'main { visibility: hidden; }');
    expect(await style(p, '.container', 'visibility')).toEqual({ visibility: 'hidden' });
    await expect.poll(() => widget(p).getByRole('button', { name: 'Start' }).isVisible()).toBe(false);
  });
});

describe("type set on the page's body", () => {
  it('does not reach the widget: small caps, font features, stroke and stretch', async () => {
    const p = await widgetPage('widget.html?css=body-type');
    const type = ['font-variant-caps', 'font-feature-settings', '-webkit-text-stroke-width', 'font-stretch'];
    // The page's own text has them...
    expect(await p.locator('h1').evaluate((el, names) => names.map((name) => getComputedStyle(el).getPropertyValue(name)), type)).toEqual([
      'small-caps',
      '"smcp"',
      '1px',
      '75%',
    ]);
    // ...the widget's text does not.
    const plain = { 'font-variant-caps': 'normal', 'font-feature-settings': 'normal', '-webkit-text-stroke-width': '0px', 'font-stretch': '100%' };
    for (const selector of ['.container', '.heading', '.button.primary', '.language-button']) {
      expect(await style(p, selector, ...type), selector).toEqual(plain);
    }
  });
});
