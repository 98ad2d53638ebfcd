import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addPageCss, answerNo, chromiumAndServer, contrast, events, expectAccessible, focusedText, heading, open, readmeThemeCss, settled, violations } from './browser';

const env = chromiumAndServer();
/** The built-in rules' version, as the events must report it. */
const LUPUS_VERSION: string = JSON.parse(readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8')).version;

const page = (query = '', options = {}) => open(env.browser, `${env.server.url}/pages/widget.html${query}`, options);
/** sc-complete arrives once the FHIR code has loaded: wait for it. */
async function completion(p: Page) {
  await expect.poll(async () => (await events(p)).some((e) => e.type === 'sc-complete')).toBe(true);
  return (await events(p)).find((e) => e.type === 'sc-complete')!;
}
const button = (p: Page, name: string | RegExp) => p.locator('symptom-check').getByRole('button', { name, exact: typeof name === 'string' });

const ready = (p: Page) => settled(p);

/** From the intro to the 0 to 10 tiredness scale: "No" to everything before, "Yes" to being very tired. */
async function toTirednessScale(p: Page) {
  await button(p, 'Start').click();
  for (let i = 0; i < 30 && !/very tired/.test((await heading(p).textContent()) ?? ''); i++) {
    const text = await heading(p).textContent();
    await answerNo(p);
    await button(p, 'Next').click();
    await expect.poll(() => heading(p).textContent()).not.toBe(text);
  }
  await p.locator('symptom-check').getByRole('radio', { name: 'Yes' }).check();
  await button(p, 'Next').click();
}

/** Answers every question "No" (or the equivalent) and returns the headings seen. */
async function answerEverythingNo(p: Page): Promise<string[]> {
  const seen: string[] = [];
  await button(p, 'Start').click();
  for (let i = 0; i < 60; i++) {
    const text = await heading(p).textContent();
    if (text === 'Check your answers') return seen;
    seen.push(text!);
    await answerNo(p);
    await button(p, 'Next').click();
    await expect.poll(() => heading(p).textContent()).not.toBe(text);
  }
  throw new Error('never reached the review');
}

describe('a full run answering "No"', () => {
  it('goes question by question to the review and a calm result, under a strict CSP', async () => {
    const p = await page();
    await ready(p);
    const headings = await answerEverythingNo(p);
    expect(headings[0]).toMatch(/Do you have any of these right now|any of these/i);
    expect(headings.length).toBeGreaterThan(15);
    await button(p, 'See my advice').click();
    await expect(heading(p).textContent()).resolves.toBe('What to do next');
    const complete = await completion(p);
    expect(complete.detail.guidance.map((g: any) => g.id)).toEqual(['no_specific_concerns']);
    expect(complete.detail.questionnaire).toEqual({ id: 'lupus', version: LUPUS_VERSION });
    expect(complete.detail.answers.red_flags).toEqual(['none']);
    expect(complete.detail.fhir).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'completed', language: 'en' });
    expect(await violations(p)).toEqual([]);
  });
});

/**
 * Presses "Print or save summary" and waits until the page is set up for printing, then shows it
 * as print media. Headless Chromium has no print dialog: a PDF of the page is the print.
 */
async function printSummary(p: Page, widget = p.locator('symptom-check')) {
  await p.evaluate(() => {
    window.print = () => {};
  });
  await widget.getByRole('button', { name: 'Print or save summary' }).click();
  await expect.poll(() => widget.getAttribute('data-sc-printing')).toBe('');
  await p.emulateMedia({ media: 'print' });
}
const pdfPages = async (p: Page) => ((await p.pdf({ format: 'A4' })).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('the printed summary', () => {
  it('is one page with the answers, the advice, the date and the questionnaire id and version, and nothing of the page around it', async () => {
    const p = await page();
    await ready(p);
    await answerEverythingNo(p);
    await button(p, 'See my advice').click();
    await expect.poll(() => heading(p).textContent()).toBe('What to do next');
    await printSummary(p);
    const summary = p.locator('symptom-check').locator('[part="summary"]');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toContain(` · Questionnaire: Lupus symptom check (lupus ${LUPUS_VERSION})`);
    expect(await summary.textContent()).toMatch(/Date: .+ · Questionnaire: /);
    expect(await summary.textContent()).toContain('Urgent warning signs');
    expect(await button(p, 'Copy summary').isVisible()).toBe(false);
    expect(await p.locator('#page-button').isVisible()).toBe(false);
    expect(await pdfPages(p)).toBe(1);
  });

  it('starts on the first page, full width, when the widget sits in a positioned card below a tall header', async () => {
    const p = await page('?card=1');
    await ready(p);
    await answerEverythingNo(p);
    await button(p, 'See my advice').click();
    await expect.poll(() => heading(p).textContent()).toBe('What to do next');
    await printSummary(p);
    const box = await p.locator('symptom-check').boundingBox();
    expect(box!.y).toBeLessThan(50);
    expect(box!.width).toBeGreaterThan(0.9 * (await p.evaluate(() => document.documentElement.clientWidth)));
    expect(await p.getByText('A tall page header').isVisible()).toBe(false);
    expect(await p.getByText('A side column').isVisible()).toBe(false);
    expect(await pdfPages(p)).toBe(1);
  });

  it('prints the widget alone from inside another component\'s shadow root, and leaves no trace after', async () => {
    const p = await page('?card=shadow');
    await ready(p);
    await button(p, 'Start').click();
    await p.locator('symptom-check').getByRole('checkbox', { name: /chest/i }).check();
    await button(p, 'Next').click();
    await printSummary(p);
    expect(await p.getByText('Inside another component').isVisible()).toBe(false);
    expect(await p.locator('#page-button').isVisible()).toBe(false);
    expect(await p.locator('symptom-check').locator('[part="summary"]').isVisible()).toBe(true);
    // The print is over: the page is as it was.
    await p.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await p.emulateMedia({ media: 'screen' });
    expect(await p.getByText('Inside another component').isVisible()).toBe(true);
    expect(await p.locator('[data-sc-print-path], [data-sc-printing]').count()).toBe(0);
  });

  it('prints the widget alone under a tag name of the clinic\'s choosing too', async () => {
    const p = await page('?tag=clinic-check&emergency=108');
    await ready(p);
    const widget = p.locator('clinic-check');
    await widget.getByRole('button', { name: 'Start' }).click();
    await widget.locator('input[value="chest_pain"]').check();
    await widget.getByRole('button', { name: 'Next' }).click();
    await printSummary(p, widget);
    expect(await widget.locator('[part="summary"]').textContent()).toContain('Chest pain');
    expect(await p.locator('#page-button').isVisible()).toBe(false);
    expect(await widget.locator('[part="summary"]').isVisible()).toBe(true);
    // The number to call is on the emergency printout; the language buttons are not.
    expect(await widget.getByText('Call 108 now').isVisible()).toBe(true);
    expect(await widget.locator('[part="languages"]').isVisible()).toBe(false);
  });
});

describe('red flags', () => {
  it('stop the questionnaire at once with emergency advice, its heading first and the number in large type right under it', async () => {
    const p = await page('?emergency=108');
    await ready(p);
    await button(p, 'Start').click();
    await p.locator('symptom-check').getByRole('checkbox', { name: /chest/i }).check();
    await button(p, 'Next').click();
    const call = p.locator('symptom-check').getByRole('link', { name: 'Call 108 now' });
    await expect.poll(() => call.count()).toBe(1);
    expect(await call.getAttribute('href')).toBe('tel:108');
    // The heading, which takes focus and says why, then the number: read in that order by a screen reader too.
    const [callBox, headingBox] = await Promise.all([call.boundingBox(), heading(p).boundingBox()]);
    expect(headingBox!.y).toBeLessThan(callBox!.y);
    expect(callBox!.y - (headingBox!.y + headingBox!.height)).toBeLessThan(40);
    await expect.poll(() => focusedText(p)).toBe('H2:Get emergency care now');
    const fontSize = await call.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(30);
    // In forced colours (high contrast) the red block's background is dropped: a border still frames it.
    await p.emulateMedia({ forcedColors: 'active' });
    const frame = await p.locator('symptom-check').locator('[part="emergency"]').evaluate((el) => {
      const style = getComputedStyle(el);
      return { width: style.borderTopWidth, color: style.borderTopColor };
    });
    expect(frame.width).toBe('2px');
    expect(frame.color).not.toBe('rgba(0, 0, 0, 0)');
    await p.emulateMedia({ forcedColors: 'none' });
    // Said once on screen, as the heading: not again in the banner or as the group's title.
    const shown = await p.locator('symptom-check').evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('*')].filter((e) => e.textContent === 'Get emergency care now' && (e as HTMLElement).offsetWidth > 1).map((e) => e.tagName),
    );
    expect(shown).toEqual(['H2']);
    const complete = await completion(p);
    expect(complete.detail).toMatchObject({ stoppedEarly: true, answers: { red_flags: ['chest_pain'] } });
    expect(complete.detail.guidance[0].level).toBe('emergency');
  });
});

describe('back and edit', () => {
  it('keeps answers going back, and returns to the review after a change', async () => {
    const p = await page();
    await ready(p);
    await answerEverythingNo(p);
    await button(p, /Change your answer: .*joint/i).first().click();
    const joints = await heading(p).textContent();
    await p.locator('symptom-check').getByRole('radio', { name: 'Yes' }).check();
    await button(p, 'Next').click();
    // New follow-ups appear, then the review again.
    for (let i = 0; i < 6 && (await heading(p).textContent()) !== 'Check your answers'; i++) {
      await answerNo(p);
      await button(p, 'Next').click();
    }
    await expect(heading(p).textContent()).resolves.toBe('Check your answers');
    await button(p, 'Back').click();
    expect(await heading(p).textContent()).not.toBe('Check your answers');
    await button(p, 'Back').click();
    await button(p, 'Back').click();
    expect(joints).toBeTruthy();
    const checked = await p.locator('symptom-check').locator('input:checked').count();
    expect(checked).toBeGreaterThan(0); // the answer is still there
  });
});

describe('keyboard only', () => {
  it('leaves focus and scrolling to the page while widgets load and get ready', async () => {
    // Three widgets, the second in Hindi (its texts load later), the page short enough to scroll.
    const p = await open(env.browser, `${env.server.url}/pages/widget.html?count=3&lang=en&lang=hi&lang=en`, { viewport: { width: 800, height: 400 } });
    await settled(p, 3);
    // Each widget reports its intro step once its state machine exists, after the intro is painted.
    await expect.poll(async () => (await events(p)).filter((e) => e.type === 'sc-step').length).toBe(3);
    await p.waitForTimeout(100);
    expect(await p.evaluate(() => ({ focused: document.activeElement?.tagName, scrollY: window.scrollY }))).toEqual({ focused: 'BODY', scrollY: 0 });
  });

  it('completes with focus on each new heading', async () => {
    const p = await page();
    await ready(p);
    await p.locator('symptom-check').getByRole('button', { name: 'Start' }).focus();
    await p.keyboard.press('Enter');
    for (let i = 0; i < 60; i++) {
      const text = await heading(p).textContent();
      await expect.poll(() => focusedText(p)).toBe(`H2:${text}`);
      if (text === 'Check your answers') break;
      await p.keyboard.press('Tab'); // into the first choice
      const type = await p.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return `${(el as HTMLInputElement).type}:${(el as HTMLInputElement).value}`;
      });
      if (type.startsWith('checkbox')) {
        // Tab to "None of these", the last choice, and tick it with the space bar.
        for (let j = 0; j < 12 && !(await focusedIs(p, 'none')); j++) await p.keyboard.press('Tab');
        await p.keyboard.press('Space');
      } else if (type.startsWith('text')) {
        await p.keyboard.type('40');
      } else {
        // Radios: arrow keys move and select; "No" is the second choice of a yes/no question.
        await p.keyboard.press('ArrowDown');
      }
      await p.keyboard.press('Enter'); // submits the form: "Next"
      await expect.poll(() => heading(p).textContent()).not.toBe(text);
    }
    expect(await heading(p).textContent()).toBe('Check your answers');
  });
});

/** What the page's first animation frame saw, noted by an init script. */
type FirstFrameSeen = { firstFrame?: { startLaidOut: boolean; belowTop: number } };

describe('the intro on the first frame (drawn without Preact, which takes it over after)', () => {
  it("is in the page's first frame with README's tag (blocking=\"render\"), so nothing below it moves as it appears", async () => {
    // The page's tag is README's, served from this server.
    const readmeTag = /## Embed it[\s\S]*?(<script [^\n]*<\/script>)/.exec(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'))![1]!;
    const pageHtml = readFileSync(new URL('./pages/first-frame.html', import.meta.url), 'utf8');
    expect(pageHtml).toContain(readmeTag.replace('https://your-cdn.example/symptom-check/dist/', '/dist/'));
    const context = await env.browser.newContext({ viewport: { width: 800, height: 900 } });
    const p = await context.newPage();
    // Before the page's own scripts: at the first animation frame (the first frame the page
    // draws), where the text below the widget is, and whether the intro's Start button is laid out.
    await p.addInitScript(() => {
      requestAnimationFrame(() => {
        const start = [...(document.querySelector('symptom-check')?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Start');
        (window as unknown as FirstFrameSeen).firstFrame = { startLaidOut: (start?.getBoundingClientRect().height ?? 0) > 0, belowTop: document.getElementById('below')!.getBoundingClientRect().top };
      });
    });
    await p.goto(`${env.server.url}/pages/first-frame.html`);
    await expect.poll(() => p.evaluate(() => (window as unknown as FirstFrameSeen).firstFrame)).toBeTruthy();
    const first = (await p.evaluate(() => (window as unknown as FirstFrameSeen).firstFrame))!;
    expect(first.startLaidOut).toBe(true);
    await p.waitForTimeout(300); // Preact has taken the intro over, and drawn the language button's label
    expect(await p.evaluate(() => document.getElementById('below')!.getBoundingClientRect().top)).toBe(first.belowTop);
    expect(await violations(p)).toEqual([]);
    await context.close();
  });

  it('starts on a click that comes before Preact has taken it over, under the strict CSP', async () => {
    const p = await page('?count=0');
    const drawn = await p.evaluate(async () => {
      await customElements.whenDefined('symptom-check');
      const el = document.createElement('symptom-check');
      document.querySelector('main')!.append(el);
      const root = el.shadowRoot!;
      const start = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Start')!;
      // Drawn, not yet Preact's: App draws the language button's label just after the intro is painted.
      const shown = { heading: root.querySelector('h2')?.textContent, languageLabel: root.querySelector('[part="language"]')?.textContent };
      start.click();
      return shown;
    });
    expect(drawn).toEqual({ heading: 'Lupus symptom check', languageLabel: '' });
    await expect.poll(() => heading(p).textContent()).toMatch(/any of these/i);
    expect(await violations(p)).toEqual([]);
  });
});

async function focusedIs(p: Page, value: string) {
  return p.evaluate((v) => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return (el as HTMLInputElement)?.value === v;
  }, value);
}

describe('Hindi', () => {
  it('asks and advises in Devanagari', async () => {
    const p = await page('?lang=hi');
    await ready(p);
    await button(p, 'शुरू करें').click();
    expect(await heading(p).textContent()).toMatch(/[\u0900-\u097F]/);
    expect(await p.locator('symptom-check').locator('[part~="progress"]').textContent()).toMatch(/^सवाल 1 \/ \d+$/);
    await p.locator('symptom-check').getByRole('checkbox').first().check();
    await button(p, 'आगे').click();
    await expect.poll(() => p.locator('symptom-check').locator('.emergency').textContent()).toMatch(/अभी 112 पर कॉल करें/);
  });

  it('is one button away for a patient on an English page, answers and focus kept', async () => {
    const p = await page();
    await ready(p);
    await button(p, 'Start').click();
    await answerNo(p);
    await button(p, 'Next').click();
    await expect.poll(() => heading(p).textContent()).toMatch(/old/i);
    const englishHeading = await heading(p).textContent();
    await answerNo(p);
    await p.locator('symptom-check').getByRole('group', { name: 'Language' }).getByRole('button', { name: 'हिन्दी' }).click();
    await expect.poll(() => heading(p).textContent()).toMatch(/[\u0900-\u097F]/);
    expect(await heading(p).textContent()).not.toBe(englishHeading);
    expect(await focusedText(p)).toBe('BUTTON:English'); // the same button, now offering the way back
    expect(await p.locator('symptom-check').locator('input[type="text"]').inputValue()).toBe('34'); // the age typed in English
    expect(await violations(p)).toEqual([]);
    await expectAccessible(p, 'a question after switching to Hindi');
  });
});

describe('shadow DOM', () => {
  it('keeps page styles out and widget styles in', async () => {
    const p = await page();
    await ready(p);
    const start = button(p, 'Start');
    const widgetButton = await start.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, spacing: getComputedStyle(el).letterSpacing }));
    expect(widgetButton.bg).not.toBe('rgb(255, 105, 180)');
    expect(widgetButton.spacing).toBe('normal');
    const widgetHeading = await heading(p).evaluate((el) => getComputedStyle(el).textTransform);
    expect(widgetHeading).toBe('none');
    const pageButton = await p.locator('#page-button').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(pageButton).toBe('rgb(255, 105, 180)');
    expect(await p.evaluate(() => document.querySelector('symptom-check')!.shadowRoot!.mode)).toBe('open');
  });

  it('fits a 320 px wide phone screen without sideways scrolling', async () => {
    const p = await page('', { viewport: { width: 320, height: 640 } });
    await ready(p);
    await button(p, 'Start').click();
    const scroll = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(320);
  });

  it('keeps each number of the 0 to 10 scale inside its box on a 320 px phone', async () => {
    const p = await page('', { viewport: { width: 320, height: 640 } });
    await ready(p);
    await toTirednessScale(p);
    await expect.poll(() => p.locator('symptom-check').locator('.options.inline .option').count()).toBe(11);
    const outside = await p.locator('symptom-check').evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('.options.inline .option')].flatMap((box) => {
        const outer = box.getBoundingClientRect();
        return [...box.children].filter((child) => {
          const inner = child.getBoundingClientRect();
          return inner.left < outer.left || inner.right > outer.right;
        }).map((child) => `${box.textContent}: ${child.tagName}`);
      }),
    );
    expect(outside).toEqual([]);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it("keeps the scale's end words whole in Hindi on a phone at 200% zoom (180 px wide)", async () => {
    const p = await page('', { viewport: { width: 180, height: 600 } });
    await ready(p);
    await toTirednessScale(p);
    await expect.poll(() => p.locator('symptom-check').locator('.scale-ends').count()).toBe(1);
    await p.locator('symptom-check').getByRole('group', { name: 'Language' }).getByRole('button').click();
    await expect.poll(() => p.locator('symptom-check').locator('.scale-ends').textContent()).toMatch(/[\u0900-\u097F]/);
    // Each word of the end labels on one line: a word broken in two ("बिल्कु / ल") takes two boxes.
    const broken = await p.locator('symptom-check').evaluate((el) => {
      const ends = el.shadowRoot!.querySelector('.scale-ends')!;
      const walker = document.createTreeWalker(ends, NodeFilter.SHOW_TEXT);
      const out: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          if (range.getClientRects().length > 1) out.push(match[0]);
        }
      }
      return out;
    });
    expect(broken).toEqual([]);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(180);
  });

  it('fits the result on a 320 px phone with text made twice as large, long words wrapped', async () => {
    const p = await page('', { viewport: { width: 320, height: 640 } });
    await ready(p);
    await button(p, 'Start').click();
    // "None" to the warning signs, then "Yes" wherever it can be said: advice of every level but emergency, with long source titles.
    for (let i = 0; i < 40 && (await heading(p).textContent()) !== 'Check your answers'; i++) {
      const text = await heading(p).textContent();
      const yes = p.locator('symptom-check').locator('input[type="radio"][value="yes"]');
      if (await yes.count()) await yes.check();
      else await answerNo(p);
      await button(p, 'Next').click();
      await expect.poll(() => heading(p).textContent()).not.toBe(text);
    }
    await button(p, 'See my advice').click();
    await expect.poll(() => heading(p).textContent()).toBe('What to do next');
    expect(await p.locator('symptom-check').locator('.level-routine').count()).toBe(1);
    // The patient's own default text size, 32 px instead of 16 (the page's root size no longer counts).
    const size = () => heading(p).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await (await p.context().newCDPSession(p)).send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await expect.poll(size).toBeCloseTo(before * 2, 0);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('keeps each "Change" button whole beside a long answer on a 320 px phone, also at twice the text size, and prints short answers whole', async () => {
    const p = await page('', { viewport: { width: 320, height: 640 } });
    await ready(p);
    const widget = p.locator('symptom-check');
    await button(p, 'Start').click();
    await widget.locator('input[value="swollen_leg"]').check(); // the longest option text, and same-day advice
    await button(p, 'Next').click();
    await expect.poll(() => heading(p).textContent()).not.toMatch(/any of these/);
    // The number to call in the same-day advice above the questions is a target of 44 by 44 px too.
    const call = await widget.locator('.urgent-so-far a[href^="tel:"]').boundingBox();
    expect(Math.min(call!.width, call!.height)).toBeGreaterThanOrEqual(44);
    for (let i = 0; i < 40 && (await heading(p).textContent()) !== 'Check your answers'; i++) {
      const text = await heading(p).textContent();
      await answerNo(p);
      await button(p, 'Next').click();
      await expect.poll(() => heading(p).textContent()).not.toBe(text);
    }
    const changes = widget.locator('.answer-row .link-button');
    const heights = await changes.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(new Set(heights).size).toBe(1); // the first, beside the long answer, is no taller: its word is not broken
    // Each word fits its button, and nothing pushes the page sideways; at 32 px text too (the patient's setting).
    const whole = () => changes.evaluateAll((els) => els.every((el) => el.scrollWidth <= el.clientWidth));
    const pageWidth = () => p.evaluate(() => document.documentElement.scrollWidth);
    expect(await whole()).toBe(true);
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await expect.poll(() => changes.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(30);
    expect(await whole()).toBe(true);
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
    // On paper, a one-word answer ("No") stays on one line beside its long question.
    await button(p, 'See my advice').click();
    await expect.poll(() => heading(p).textContent()).toBe('What to do next');
    await p.emulateMedia({ media: 'print' });
    const lines = await widget.locator('.answers.compact dd').evaluateAll((els) =>
      els.filter((el) => /^\S+$/.test(el.textContent!.trim())).map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return `${el.textContent}: ${new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size}`;
      }),
    );
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((line) => !line.endsWith(': 1'))).toEqual([]);
  });

  it('gives the short controls a target of at least 44 by 44 px on a phone: the language button, each "Change" in Hindi, the reasons fold, the number to call', async () => {
    const p = await page('', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await ready(p);
    const widget = p.locator('symptom-check');
    const size = async (locator: ReturnType<Page['locator']>) => {
      const boxes = await locator.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map(({ width, height }) => ({ width, height })));
      expect(boxes.length).toBeGreaterThan(0);
      return { width: Math.min(...boxes.map((b) => b.width)), height: Math.min(...boxes.map((b) => b.height)) };
    };
    const language = widget.getByRole('group', { name: 'Language' }).getByRole('button');
    await expect.poll(() => language.textContent()).toBe('हिन्दी');
    const atLeast44 = ({ width, height }: { width: number; height: number }) => expect(Math.min(width, height)).toBeGreaterThanOrEqual(44);
    atLeast44(await size(language));
    await answerEverythingNo(p);
    await language.click(); // the review in Hindi: its "Change" is one short word
    await expect.poll(() => heading(p).textContent()).toMatch(/[\u0900-\u097F]/);
    atLeast44(await size(widget.locator('.answer-row .link-button')));
    await widget.locator('[part~="button-primary"]').click();
    const fold = widget.locator('.because summary');
    await expect.poll(() => fold.count()).toBeGreaterThan(0);
    expect((await size(fold)).height).toBeGreaterThanOrEqual(44);

    const q = await page('', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await ready(q);
    await button(q, 'Start').click();
    await q.locator('symptom-check').getByRole('checkbox', { name: /chest/i }).check();
    await button(q, 'Next').click();
    const call = q.locator('symptom-check').getByRole('link', { name: /^Call 112 now$/ });
    await expect.poll(() => call.count()).toBe(1);
    expect((await size(call)).height).toBeGreaterThanOrEqual(44);
  });

  it('rings the whole answer box in a colour of at least 3:1 on keyboard focus', async () => {
    const p = await page();
    await ready(p);
    await button(p, 'Start').click();
    await expect.poll(() => focusedText(p)).toMatch(/^H2:/);
    await p.keyboard.press('Tab');
    const ring = await p.locator('symptom-check').locator('.option').first().evaluate((el) => {
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    });
    expect(ring).toBe('solid 3px rgb(180, 83, 9)'); // 5:1 on white, 4.6:1 on the answer boxes
  });

  it('rings the number to call in the banner\'s text colour on keyboard focus (amber barely shows on red)', async () => {
    const p = await page('?emergency=999');
    await ready(p);
    await button(p, 'Start').click();
    await p.locator('symptom-check').locator('input[value="chest_pain"]').check();
    await button(p, 'Next').click();
    const call = p.locator('symptom-check').locator('a.emergency-number');
    await call.waitFor();
    await call.focus();
    await p.keyboard.press('Shift+Tab');
    await p.keyboard.press('Tab'); // focus by keyboard, so that :focus-visible applies
    const style = await call.evaluate((el) => {
      const s = getComputedStyle(el);
      return { ring: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, text: s.color, banner: getComputedStyle(el.closest('.emergency')!).backgroundColor };
    });
    expect(style.ring).toBe(`solid 3px ${style.text}`);
    expect(contrast(style.text, style.banner)).toBeGreaterThanOrEqual(3);
  });

  it('works at 200% zoom (a 1280 × 900 window seen at 640 × 450) without sideways scrolling', async () => {
    const p = await page('', { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    await ready(p);
    await button(p, 'Start').click();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    await button(p, 'Next').scrollIntoViewIfNeeded();
    expect(await button(p, 'Next').isVisible()).toBe(true);
  });

  it('moves nothing, so a patient who asks for reduced motion has none (intro and question)', async () => {
    // Every element of the shadow root, and its ::before/::after: no transition, no animation.
    const motion = (p: Page) =>
      p.locator('symptom-check').evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('*')].flatMap((el) =>
          [null, '::before', '::after']
            .map((pseudo) => getComputedStyle(el, pseudo))
            .filter((style) => style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || style.animationName !== 'none')
            .map(() => el.tagName.toLowerCase() + (el.className ? `.${el.className}` : '')),
        ),
      );
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const p = await page('', { reducedMotion });
      await ready(p);
      expect(await motion(p)).toEqual([]);
      await button(p, 'Start').click();
      await p.locator('symptom-check').getByRole('checkbox').first().waitFor();
      expect(await motion(p)).toEqual([]);
    }
  });
});

describe('leaving the page mid-run', () => {
  /** Closes the tab as a patient would (beforeunload runs); the dialog types it raised, each dismissed (stay). */
  async function leave(p: Page): Promise<string[]> {
    const dialogs: string[] = [];
    p.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await p.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs.length > 0 || p.isClosed()).toBe(true);
    return dialogs;
  }
  /** Whether the page would ask now (a synthetic beforeunload the widget cancels): the warning comes with the later screens' code. */
  const wouldAsk = (p: Page) =>
    p.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      dispatchEvent(event);
      return event.defaultPrevented;
    });

  it('asks first once there are answers, and staying keeps them', async () => {
    const p = await page();
    await ready(p);
    await button(p, 'Start').click();
    const option = p.locator('symptom-check').getByRole('checkbox', { name: 'None of these' });
    await option.check();
    await expect.poll(() => wouldAsk(p)).toBe(true);
    expect(await leave(p)).toEqual(['beforeunload']);
    expect(p.isClosed()).toBe(false);
    expect(await option.isChecked()).toBe(true);
    await p.context().close();
  });

  it('lets the patient call the number in the same-day notice without asking first (Chromium asks before a tel: link)', async () => {
    const p = await page();
    await ready(p);
    await button(p, 'Start').click();
    await p.locator('symptom-check').getByRole('checkbox', { name: /One leg is swollen/ }).check();
    await button(p, 'Next').click();
    const call = p.locator('symptom-check').locator('[part~="urgent-so-far"]').getByRole('link', { name: '112' });
    await expect.poll(() => call.getAttribute('href')).toBe('tel:112');
    await expect.poll(() => wouldAsk(p)).toBe(true);
    const dialogs: string[] = [];
    p.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await call.click();
    await p.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    await p.context().close();
  });

  it('lets go of the window while the element is off the page, and asks again once it is back', async () => {
    const p = await page();
    await ready(p);
    await button(p, 'Start').click();
    await p.locator('symptom-check').getByRole('checkbox', { name: 'None of these' }).check();
    await expect.poll(() => wouldAsk(p)).toBe(true);
    // The window's listeners, as DevTools lists them: the widget's must go with it, or they keep
    // an element taken off for good (a single-page app's page change) alive, and run on every click.
    const cdp = await p.context().newCDPSession(p);
    const windowListeners = async () => {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      return listeners.map((l) => l.type).filter((type) => type === 'beforeunload' || type === 'click').sort();
    };
    expect(await windowListeners()).toEqual(['beforeunload', 'click']);
    await p.evaluate(() => {
      const el = document.querySelector('symptom-check')!;
      (window as unknown as { kept: Element }).kept = el;
      el.remove();
    });
    await expect.poll(windowListeners).toEqual([]);
    expect(await wouldAsk(p)).toBe(false);
    await p.evaluate(() => document.querySelector('main')!.append((window as unknown as { kept: Element }).kept));
    await expect.poll(() => wouldAsk(p)).toBe(true);
    expect(await p.locator('symptom-check').getByRole('checkbox', { name: 'None of these' }).isChecked()).toBe(true);
    await p.context().close();
  });

  it('lets the patient go without asking before any answer', async () => {
    const p = await page();
    await ready(p);
    await button(p, 'Start').click();
    // The later screens' code (which holds the warning) is there: its live region is.
    await expect.poll(() => p.locator('symptom-check').getByRole('status').count()).toBeGreaterThan(0);
    await p.waitForTimeout(100);
    expect(await wouldAsk(p)).toBe(false);
    expect(await leave(p)).toEqual([]);
    expect(p.isClosed()).toBe(true);
  });
});

describe('accessibility (axe-core, zero violations on every screen)', () => {
  it('intro, each question type, the error state, review and result', async () => {
    const p = await page();
    await ready(p);
    await expectAccessible(p, 'intro');
    await button(p, 'Start').click();
    await expectAccessible(p, 'multiple-choice question');
    await button(p, 'Next').click();
    await expect.poll(() => p.locator('symptom-check').getByRole('alert').count()).toBe(1);
    await expectAccessible(p, 'error');
    const seenTypes = new Set<string>();
    await answerNo(p);
    await button(p, 'Next').click();
    for (let i = 0; i < 60; i++) {
      const text = await heading(p).textContent();
      if (text === 'Check your answers') break;
      const type = await p.locator('symptom-check').locator('input').first().getAttribute('type');
      const key = `${type}:${await p.locator('symptom-check').locator('input').count()}`;
      if (!seenTypes.has(key)) {
        seenTypes.add(key);
        await expectAccessible(p, `question "${text}"`);
      }
      await answerNo(p);
      await button(p, 'Next').click();
      await expect.poll(() => heading(p).textContent()).not.toBe(text);
    }
    await expectAccessible(p, 'review');
    await button(p, 'Change your answer: Tiredness').or(button(p, /Change your answer: .*tired/i)).first().click();
    await p.locator('symptom-check').getByRole('radio', { name: 'Yes' }).check();
    await button(p, 'Next').click();
    await expectAccessible(p, 'scale question');
    await p.locator('symptom-check').getByRole('radio', { name: '8', exact: true }).check();
    await button(p, 'Next').click();
    while ((await heading(p).textContent()) !== 'Check your answers') {
      await answerNo(p);
      await button(p, 'Next').click();
    }
    await button(p, 'See my advice').click();
    await expectAccessible(p, 'result');
    await button(p, 'Start again').click();
    await expect.poll(() => focusedText(p)).toBe('BUTTON:No, keep my answers');
    await expectAccessible(p, 'result, asking before starting again');
  });

  it('the emergency result and the load error', async () => {
    const p = await page();
    await ready(p);
    await button(p, 'Start').click();
    await p.locator('symptom-check').getByRole('checkbox', { name: /chest/i }).check();
    await button(p, 'Next').click();
    await expect.poll(() => p.locator('symptom-check').locator('.emergency').count()).toBe(1);
    await expectAccessible(p, 'emergency result');
    const broken = await page('?src=/fault/404');
    await ready(broken);
    await expectAccessible(broken, 'load error');
  });

  it('the same-day advice above the next questions, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const p = await open(env.browser, `${env.server.url}/pages/scheme.html`, { colorScheme });
      await ready(p);
      await button(p, 'Start').click();
      await p.locator('symptom-check').getByRole('checkbox', { name: /One leg is swollen/ }).check();
      await button(p, 'Next').click();
      const notice = p.locator('symptom-check').locator('[part~="urgent-so-far"]');
      await expect.poll(() => notice.textContent()).toContain('Swollen, painful leg: see a doctor today');
      // Above the question, where the patient reads first; the heading keeps focus.
      const [noticeBox, headingBox] = [await notice.boundingBox(), await heading(p).boundingBox()];
      expect(noticeBox!.y + noticeBox!.height).toBeLessThanOrEqual(headingBox!.y);
      expect(await focusedText(p)).toMatch(/^H2:/);
      // What Chromium gives a screen reader for the focused heading: the question, then the
      // progress and the same-day advice as its description (ids inside the shadow root).
      const cdp = await p.context().newCDPSession(p);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; description?: { value: string }; properties?: { name: string; value: { value: unknown } }[] }[] };
      const focused = nodes.find((node) => node.role?.value === 'heading' && node.properties?.some((prop) => prop.name === 'focused' && prop.value.value === true));
      expect(focused?.name?.value).toBe(await heading(p).textContent());
      expect(focused?.description?.value).toMatch(/^Question 2 of \d+ Get medical help today Swollen, painful leg: see a doctor today$/);
      await expectAccessible(p, `same-day advice (${colorScheme})`);
      await p.context().close();
    }
  });

  it('the copy box when the clipboard refuses, and the question before clearing kept answers', async () => {
    const p = await page('?persist=session');
    await ready(p);
    await p.locator('symptom-check').getByRole('checkbox', { name: /Keep my answers/ }).check();
    await button(p, 'Start').click();
    await p.locator('symptom-check').getByRole('checkbox', { name: /chest/i }).check();
    await button(p, 'Next').click();
    await expect.poll(() => heading(p).textContent()).toBe('Get emergency care now');
    await p.evaluate("Object.defineProperty(navigator, 'clipboard', { value: { writeText: function () { return Promise.reject(new Error('denied')); } } })");
    await button(p, 'Copy summary').click();
    await expect.poll(() => p.locator('symptom-check').locator('.copy-box').count()).toBe(1);
    await expectAccessible(p, 'copy box');
    await button(p, 'Clear my answers').click();
    await expect.poll(() => focusedText(p)).toBe('BUTTON:No, keep my answers');
    await expectAccessible(p, 'clear question');
  });

  it('the dark widget, on a page that supports dark mode: intro, a question, the error, review and result', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/scheme.html`, { colorScheme: 'dark' });
    await ready(p);
    expect(await p.locator('symptom-check').locator('.container').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(23, 23, 28)');
    await expectAccessible(p, 'dark intro');
    await button(p, 'Start').click();
    await expectAccessible(p, 'dark multiple-choice question');
    await button(p, 'Next').click();
    await expect.poll(() => p.locator('symptom-check').getByRole('alert').count()).toBe(1);
    await expectAccessible(p, 'dark error');
    for (let i = 0; i < 60 && (await heading(p).textContent()) !== 'Check your answers'; i++) {
      const text = await heading(p).textContent();
      await answerNo(p);
      await button(p, 'Next').click();
      await expect.poll(() => heading(p).textContent()).not.toBe(text);
    }
    await expectAccessible(p, 'dark review');
    await button(p, 'See my advice').click();
    await expect.poll(() => heading(p).textContent()).toBe('What to do next');
    await expectAccessible(p, 'dark result');
  });

  it("README's theme where the system is dark, on a page that supports dark mode and on one that does not", async () => {
    for (const path of ['scheme.html', 'widget.html']) {
      const p = await open(env.browser, `${env.server.url}/pages/${path}`, { colorScheme: 'dark' });
      await ready(p);
      await addPageCss(p, readmeThemeCss);
      await expectAccessible(p, `${path}: themed intro`);
      await button(p, 'Start').click();
      await expectAccessible(p, `${path}: themed question`);
      await p.locator('symptom-check').getByRole('checkbox', { name: /chest/i }).check();
      await button(p, 'Next').click();
      await expect.poll(() => heading(p).textContent()).toBe('Get emergency care now');
      await expectAccessible(p, `${path}: themed emergency result`);
    }
  });

  it('the Hindi screens', async () => {
    const p = await page('?lang=hi');
    await ready(p);
    await expectAccessible(p, 'Hindi intro');
    await button(p, 'शुरू करें').click();
    await expectAccessible(p, 'Hindi question');
  });
});
