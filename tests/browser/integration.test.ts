/** What a clinic's web team relies on: the classic script, theming, faults, privacy, several instances, CSP. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../bench/answerSets';
import { answerNo, chromiumAndServer, events, expectAccessible, focusedText, heading, open, settled, violations } from './browser';

const env = chromiumAndServer();

const widget = (p: Page, id = 'w0') => p.locator(`symptom-check#${id}`);

describe('the classic script', () => {
  it('works loaded twice on one page (defining twice is harmless)', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/iife.html`);
    await settled(p);
    await widget(p, 'w').getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => heading(p, 'symptom-check#w').textContent()).toMatch(/any of these/i);
    expect((await events(p)).filter((e) => e.type === 'sc-ready')).toHaveLength(1);
    expect(await violations(p)).toEqual([]);
  });
});

describe('the module script loaded with a version query', () => {
  // Its later parts import it as symptom-check.js: a second copy would break every screen after Start.
  it('works (as WordPress adds ?ver=), also through defineSymptomCheck imported from that URL', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/versioned.html`);
    await settled(p, 2);
    for (const id of ['w', 'c']) {
      await p.locator(`#${id}`).getByRole('button', { name: 'Start' }).click();
      await expect.poll(() => heading(p, `#${id}`).textContent()).toMatch(/any of these/i);
      await answerNo(p, `#${id}`);
      await p.locator(`#${id}`).getByRole('button', { name: 'Next' }).click();
      await expect.poll(() => heading(p, `#${id}`).textContent()).toMatch(/how old/i);
    }
    expect((await events(p)).filter((e) => e.type === 'sc-error')).toEqual([]);
    expect(await violations(p)).toEqual([]);
  });
});

describe('a page that configures the widget before its script has run', () => {
  it('keeps the rules and timeout its own script set on the element first', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/early.html`);
    await settled(p);
    expect((await events(p)).find((e) => e.type === 'sc-ready')?.detail.questionnaire).toEqual({ id: 'early', version: '1.0.0' });
    expect(await heading(p, 'symptom-check#early').textContent()).toBe('Set before the script ran');
    expect(await widget(p, 'early').evaluate((el) => ({ timeout: (el as HTMLElement & { fetchTimeout: number }).fetchTimeout, own: Object.hasOwn(el, 'rules') }))).toEqual({ timeout: 4321, own: false });
    expect(await violations(p)).toEqual([]);
  });
});

describe('theming', () => {
  it('follows --sc-* custom properties and ::part', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/themed.html`);
    await settled(p);
    const start = widget(p, 'w').getByRole('button', { name: 'Start' });
    expect(await start.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 61, 62)');
    expect(await start.evaluate((el) => getComputedStyle(el).borderRadius)).toBe('0px');
    expect(await heading(p, 'symptom-check#w').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(200, 0, 0)');
  });

  it('lets a page style the language buttons, the privacy promise and the number to call through ::part', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/parts.html`);
    await settled(p);
    const style = (selector: string, property: 'color' | 'fontStyle') => widget(p, 'w').locator(selector).first().evaluate((el, name) => getComputedStyle(el)[name], property);
    expect(await style('.language-button', 'color')).toBe('rgb(0, 90, 0)');
    expect(await style('.privacy', 'fontStyle')).toBe('italic');
    await widget(p, 'w').getByRole('button', { name: 'Start' }).click();
    await widget(p, 'w').locator('input[value="chest_pain"]').check();
    await widget(p, 'w').getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => style('.emergency-number', 'color')).toBe('rgb(0, 0, 120)');
  });

  it("shows the clinic's own privacy words in place of the widget's promise", async () => {
    const words = 'We send your answers to your care team only if you press Send.';
    const p = await open(env.browser, `${env.server.url}/pages/widget.html?privacy=${encodeURIComponent(words)}`);
    await settled(p);
    await expect.poll(() => widget(p).getByText(words).isVisible()).toBe(true);
    // The widget's own promise is the slot's fallback: there, but not shown.
    expect(await widget(p).getByText('Nothing is sent anywhere').count()).toBe(1);
    expect(await widget(p).getByText('Nothing is sent anywhere').isVisible()).toBe(false);
  });
});

describe('rules-src faults show a plain error and fire sc-error', () => {
  const cases: [string, string, RegExp][] = [
    ['404', '/fault/404', /server answered 404/],
    ['500', '/fault/500', /server answered 500/],
    ['a response that never ends', '/fault/hang', /took too long to load/],
    ['not JSON', '/fault/not-json', /JSON syntax error/],
    ['the wrong schema', '/fault/wrong-schema', /unknown property "questions"/],
    ['a 10 MB file', '/fault/huge', /too large/],
    ['a small gzip file that inflates to 50 MB (read no further than 2 MB)', '/fault/gzip-bomb', /too large \(over 2 MB\)/],
  ];
  it.each(cases)('%s', async (_name, src, message) => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html?src=${encodeURIComponent(src)}&timeout=1500`);
    await settled(p);
    const error = (await events(p)).find((e) => e.type === 'sc-error');
    expect(error?.detail.problems.map((x: any) => x.message).join('\n')).toMatch(message);
    // A fault of the file is not put down to the network (the hint about CORS is for fetch failures).
    if (/JSON|schema/.test(_name)) expect(JSON.stringify(error?.detail.problems)).not.toContain('Access-Control');
    expect(await heading(p, 'symptom-check#w0').textContent()).toBe('This symptom check could not start');
    expect(await violations(p)).toEqual([]);
  });
});

describe('the built-in Hindi questions failing to load', () => {
  it('says so in Hindi, with the number to call from the built-in rules', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html?lang=hi`);
    await p.route(/\/dist\/chunks\/first-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await p.reload(); // now with the Hindi questions' first part unreachable
    await settled(p);
    expect(await heading(p, 'symptom-check#w0').textContent()).toBe('यह लक्षण जाँच शुरू नहीं हो सकी');
    expect(await widget(p).getByRole('alert').getByRole('link', { name: 'अभी 112 पर कॉल करें' }).getAttribute('href')).toBe('tel:112');
    expect((await events(p)).filter((e) => e.type === 'sc-error')).toHaveLength(1);
  });
});

describe('a network fault in the middle of a run', () => {
  it('shows a plain error and fires sc-error when the rest of the questions cannot load', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html`);
    await p.route(/\/dist\/chunks\/(en|lateScreens)-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await settled(p);
    await widget(p).getByRole('button', { name: 'Start' }).click();
    // Each missing file is reported (the next screens' code, the rest of the questions).
    const messages = async () => (await events(p)).filter((e) => e.type === 'sc-error').flatMap((e) => e.detail.problems.map((x: any) => x.message));
    await expect.poll(messages, { timeout: 10_000 }).toContainEqual(expect.stringMatching(/^could not load the rest of the questions/));
    // The red flags are still asked; the next question needs what is missing.
    await widget(p).getByRole('checkbox', { name: 'None of these' }).check();
    await widget(p).getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => heading(p, 'symptom-check#w0').textContent()).toBe('This symptom check stopped');
    expect(await widget(p).getByRole('alert').textContent()).toMatch(/Reload the page to try again/);
    // The question screen the patient was on is gone: focus moves to the message, not to the page.
    await expect.poll(() => focusedText(p)).toBe('H2:This symptom check stopped');
  });
});

describe('the next screen\'s code failing to load mid-run', () => {
  it('fires sc-error at once, and shows the plain stopped message where that code is needed', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html`);
    await p.route(/\/dist\/chunks\/lateScreens-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await settled(p);
    await widget(p).getByRole('button', { name: 'Start' }).click();
    // The page hears at once; the questions in this file go on until a screen needs the missing code.
    await expect.poll(async () => (await events(p)).some((e) => e.type === 'sc-error'), { timeout: 10_000 }).toBe(true);
    const error = (await events(p)).find((e) => e.type === 'sc-error')!;
    expect(error.detail.problems).toEqual([{ file: 'symptom-check', path: '$', message: expect.stringMatching(/^could not load the next screen: /) }]);
    await widget(p).getByRole('checkbox', { name: 'None of these' }).check();
    await widget(p).getByRole('button', { name: 'Next' }).click();
    // The next question asks for a number (age), whose box comes with that code.
    await expect.poll(() => heading(p, 'symptom-check#w0').textContent()).toBe('This symptom check stopped');
    // In place of the question, its heading takes focus, as every screen's does.
    await expect.poll(() => focusedText(p)).toBe('H2:This symptom check stopped');
    expect(await widget(p).getByRole('alert').textContent()).toMatch(/call your emergency number now/);
    expect(await widget(p).getByRole('alert').getByRole('link', { name: 'Call 112 now' }).getAttribute('href')).toBe('tel:112');
    // Told once: moving on did not try (and report) the missing file again.
    expect((await events(p)).filter((e) => e.type === 'sc-error')).toHaveLength(1);
    expect(await violations(p)).toEqual([]);
  });

  it('still asks the red flags, and an emergency answer still gets its heading and the number to call', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html`);
    await p.route(/\/dist\/chunks\/lateScreens-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await settled(p);
    await widget(p).getByRole('button', { name: 'Start' }).click();
    await expect.poll(async () => (await events(p)).some((e) => e.type === 'sc-error'), { timeout: 10_000 }).toBe(true);
    await widget(p).getByRole('checkbox', { name: /^Chest pain/ }).check();
    await widget(p).getByRole('button', { name: 'Next' }).click();
    await widget(p).getByRole('heading', { name: 'Get emergency care now' }).waitFor();
    expect(await widget(p).getByRole('link', { name: 'Call 112 now' }).getAttribute('href')).toBe('tel:112');
    expect(await widget(p).getByRole('alert').textContent()).toMatch(/could not be shown/);
  });
});

describe('the FHIR code failing to load at the result', () => {
  it('still fires sc-complete with the answers and advice, then sc-error saying why fhir is missing', async () => {
    // open() fails the test on any uncaught error in the page, an unhandled rejection included.
    const p = await open(env.browser, `${env.server.url}/pages/widget.html`);
    await p.route(/\/dist\/chunks\/response-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await settled(p);
    await widget(p).getByRole('button', { name: 'Start' }).click();
    await widget(p).getByRole('checkbox', { name: /^Chest pain/ }).check();
    await widget(p).getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => heading(p, 'symptom-check#w0').textContent()).toBe('Get emergency care now');
    await expect.poll(async () => (await events(p)).filter((e) => e.type === 'sc-complete' || e.type === 'sc-error').map((e) => e.type), { timeout: 10_000 }).toEqual(['sc-complete', 'sc-error']);
    const all = await events(p);
    const complete = all.find((e) => e.type === 'sc-complete')!;
    expect(complete.detail).toMatchObject({ answers: { red_flags: ['chest_pain'] }, stoppedEarly: true, guidance: [expect.objectContaining({ level: 'emergency' })] });
    expect(complete.detail).not.toHaveProperty('fhir');
    expect(all.find((e) => e.type === 'sc-error')!.detail.problems).toEqual([{ file: 'symptom-check', path: '$', message: expect.stringMatching(/^could not write the answers as FHIR: /) }]);
  });
});

describe('framed in a sandbox without allow-forms', () => {
  it('goes on from the red flags with Next, and from a typed answer with Enter', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/sandboxed.html`);
    const blocked: string[] = [];
    p.on('console', (message) => /Blocked form submission/.test(message.text()) && blocked.push(message.text()));
    const w = p.frameLocator('iframe').locator('symptom-check');
    const screen = () => w.getByRole('heading', { level: 2 }).textContent();
    await w.getByRole('button', { name: 'Start' }).click();
    await w.getByRole('checkbox', { name: 'None of these' }).check();
    await w.getByRole('button', { name: 'Next' }).click();
    await expect.poll(screen).toBe('How old are you?');
    await w.locator('input').first().fill('34');
    await w.locator('input').first().press('Enter');
    await expect.poll(screen).not.toBe('How old are you?');
    expect(blocked).toEqual([]);
  });
});

describe('hostile rule texts', () => {
  it('render as text and execute nothing', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html?src=/fault/xss`);
    await settled(p);
    await widget(p).getByRole('button', { name: 'Start' }).click();
    await widget(p).getByRole('radio', { name: 'Yes' }).check();
    await widget(p).getByRole('button', { name: 'Next' }).click();
    await widget(p).getByRole('button', { name: 'See my advice' }).click();
    await expect.poll(() => heading(p, 'symptom-check#w0').textContent()).toBe('What to do next');
    const text = await widget(p).locator('.guidance').first().textContent();
    expect(text).toContain('<img src=x onerror=');
    expect(await p.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await widget(p).locator('img, script, a[href^="javascript"]').count()).toBe(0);
  });

  it('wrap a long unbroken word (a pasted link, a payload) on a 320 px phone, in the question, review and advice', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html?src=/fault/xss`, { viewport: { width: 320, height: 640 } });
    await settled(p);
    const width = () => p.evaluate(() => document.documentElement.scrollWidth);
    await widget(p).getByRole('button', { name: 'Start' }).click();
    expect(await width()).toBeLessThanOrEqual(320);
    await widget(p).getByRole('radio', { name: 'Yes' }).check();
    await widget(p).getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => heading(p, 'symptom-check#w0').textContent()).toBe('Check your answers');
    expect(await width()).toBeLessThanOrEqual(320);
    await widget(p).getByRole('button', { name: 'See my advice' }).click();
    await expect.poll(() => heading(p, 'symptom-check#w0').textContent()).toBe('What to do next');
    expect(await width()).toBeLessThanOrEqual(320);
  });
});

describe('privacy', () => {
  it('requests nothing but the page, the bundle and rules-src, and stores nothing without persist', async () => {
    env.server.requests.length = 0;
    const p = await open(env.browser, `${env.server.url}/pages/widget.html?src=/rules/lupus.json`);
    await settled(p);
    await widget(p).getByRole('button', { name: 'Start' }).click();
    await widget(p).getByRole('checkbox', { name: /none of these/i }).check();
    await widget(p).getByRole('button', { name: 'Next' }).click();
    // Chromium asks for /favicon.ico itself on the first page a browser opens (this test, when run alone).
    const others = env.server.requests.filter((r) => !r.startsWith('/pages/') && !r.startsWith('/dist/') && r !== '/favicon.ico');
    expect(others).toEqual(['/rules/lupus.json']);
    const stored = await p.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
    expect(stored).toEqual({ local: 0, session: 0, cookie: '' });
  });

  it('with persist="session" and the patient\'s yes, keeps answers across a reload', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html?persist=session`);
    await settled(p);
    await expectAccessible(p, 'intro with the offer to keep answers');
    await widget(p).getByRole('checkbox', { name: /keep my answers/i }).check();
    await widget(p).getByRole('button', { name: 'Start' }).click();
    await widget(p).getByRole('checkbox', { name: /none of these/i }).check();
    await widget(p).getByRole('button', { name: 'Next' }).click();
    const second = await heading(p, 'symptom-check#w0').textContent();
    await p.reload();
    await settled(p);
    expect(await heading(p, 'symptom-check#w0').textContent()).toBe(second);
    await widget(p).getByRole('button', { name: 'Back' }).click();
    expect(await widget(p).getByRole('checkbox', { name: /none of these/i }).isChecked()).toBe(true);
  });
});

describe('persist="session" when the code that keeps runs cannot load', () => {
  // Hindi: the rules load from a chunk of their own, so the failure comes while the load waits.
  it.each([['en', 'Start'], ['hi', 'शुरू करें']])('runs as without persist (%s): no offer to keep answers, nothing stored, no uncaught error', async (lang, start) => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html?persist=session&lang=${lang}`);
    await p.route(/\/dist\/chunks\/persistence-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    const unhandled: string[] = [];
    p.on('pageerror', (error) => unhandled.push(error.message));
    await p.reload();
    await settled(p);
    expect(await widget(p).locator('input[type="checkbox"]').count()).toBe(0);
    await widget(p).getByRole('button', { name: start }).click();
    await widget(p).locator('input[value="none"]').check();
    await widget(p).locator('button[type="submit"]').click();
    expect(await p.evaluate(() => sessionStorage.length)).toBe(0);
    expect((await events(p)).filter((e) => e.type === 'sc-error')).toEqual([]);
    expect(unhandled).toEqual([]);
  });
});

describe('several instances and changes mid-run', () => {
  it('runs three instances with different rules and languages independently', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html?count=3&lang=en&lang=hi&lang=en&src=&src=&src=/fault/xss`);
    await settled(p, 3);
    await widget(p, 'w0').getByRole('button', { name: 'Start' }).click();
    expect(await heading(p, 'symptom-check#w1').textContent()).toMatch(/[\u0900-\u097F]/);
    expect(await heading(p, 'symptom-check#w2').textContent()).toMatch(/^Title /);
    expect(await widget(p, 'w1').locator('[part~="progress"]').count()).toBe(0);
    expect(await widget(p, 'w0').locator('[part~="progress"]').count()).toBe(1);
    const ready = (await events(p)).filter((e) => e.type === 'sc-ready').map((e) => `${e.target}:${e.detail.questionnaire.id}:${e.detail.lang}`);
    expect(ready.sort()).toEqual(['w0:lupus:en', 'w1:lupus:hi', 'w2:xss:en']);
  });

  it('survives a language change mid-run, a move on the page and a new rules-src', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html`);
    await settled(p);
    await widget(p).getByRole('button', { name: 'Start' }).click();
    await widget(p).evaluate((el) => el.setAttribute('lang', 'hi'));
    await expect.poll(() => widget(p).getByRole('button', { name: 'आगे' }).count()).toBe(1);
    await widget(p).getByRole('checkbox').first().check();
    const question = await heading(p, 'symptom-check#w0').textContent();
    // Moved to the top of the page: the run goes on where it was, answer kept, nothing reloaded.
    await widget(p).evaluate((el) => {
      el.remove();
      document.body.prepend(el);
    });
    expect(await heading(p, 'symptom-check#w0').textContent()).toBe(question);
    expect(await widget(p).getByRole('checkbox').first().isChecked()).toBe(true);
    expect((await events(p)).filter((e) => e.type === 'sc-ready')).toHaveLength(1);
    await widget(p).evaluate((el) => el.setAttribute('rules-src', '/fault/404'));
    await expect.poll(() => heading(p, 'symptom-check#w0').textContent()).toBe('यह लक्षण जाँच शुरू नहीं हो सकी');
    expect(await violations(p)).toEqual([]);
  });
});

describe('moved into an iframe of the page', () => {
  it('shows the plain stopped message there, styled, with the number to call; moved back, it starts afresh', async () => {
    const p = await open(env.browser, `${env.server.url}/pages/widget.html`);
    await settled(p);
    await widget(p).getByRole('button', { name: 'Start' }).click();
    const errors = await p.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width: 700px; height: 900px';
      document.body.append(frame); // about:blank: its document is there at once
      const el = document.querySelector('symptom-check')!;
      const heard: string[] = [];
      el.addEventListener('sc-error', (e) => heard.push((e as CustomEvent).detail.problems[0].message));
      frame.contentDocument!.body.append(el);
      return heard;
    });
    expect(errors).toEqual([expect.stringMatching(/^moved into another document \(an iframe\)/)]);
    const moved = p.frameLocator('iframe').locator('symptom-check');
    await expect.poll(() => moved.getByRole('heading', { level: 2 }).textContent()).toBe('This symptom check stopped');
    const call = moved.getByRole('link', { name: /Call 112 now/ });
    expect(await call.getAttribute('href')).toBe('tel:112');
    // The widget's own styles, made for the frame's document: the number in large type.
    expect(parseFloat(await call.evaluate((link) => getComputedStyle(link).fontSize))).toBeGreaterThan(24);
    // Back in the page: a new run, which goes past the first question.
    await p.evaluate(() => document.body.prepend(document.querySelector('iframe')!.contentDocument!.querySelector('symptom-check')!));
    await widget(p).getByRole('button', { name: 'Start' }).click();
    await widget(p).getByRole('checkbox', { name: /None of these/ }).check();
    await widget(p).getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => widget(p).locator('[part~="progress"]').textContent()).toMatch(/^Question 2 of/);
  });
});

describe('a patient pressing anything, in any order', () => {
  it('never meets an uncaught error, through language changes, moves and a new rules-src mid-run', async () => {
    // Seeded, so a failure replays the same way; the last steps are printed with it.
    const random = seededRandom(20261124);
    const p = await open(env.browser, `${env.server.url}/pages/widget.html?count=2&lang=en&lang=hi&persist=session`);
    const pageErrors: string[] = [];
    // Ahead of open()'s own listener (which throws), so that the failure lists the last steps.
    p.prependListener('pageerror', (error) => pageErrors.push(error.message));
    await settled(p, 2);
    const steps: string[] = [];
    for (let i = 0; i < 150; i++) {
      const target = `symptom-check#w${Math.floor(random() * 2)}`;
      const roll = random();
      if (roll < 0.06) {
        const lang = random() < 0.5 ? 'hi' : 'en';
        steps.push(`${target} lang=${lang}`);
        await p.locator(target).evaluate((el, l) => el.setAttribute('lang', l), lang);
      } else if (roll < 0.1) {
        steps.push(`${target} moved`);
        await p.locator(target).evaluate((el) => document.body.prepend(el));
      } else if (roll < 0.11) {
        steps.push(`${target} rules-src`);
        await p.locator(target).evaluate((el) => el.setAttribute('rules-src', '/rules/lupus.json'));
      } else {
        const controls = p.locator(target).locator('button:visible, input:visible');
        const count = await controls.count();
        if (count === 0) continue;
        const control = controls.nth(Math.floor(random() * count));
        const isText = (await control.getAttribute('type')) === 'text';
        steps.push(`${target} ${isText ? 'type' : 'click'} ${i}`);
        // A control can go away as the screen changes under the click: that is not an error.
        await (isText ? control.fill(String(Math.floor(random() * 200) - 20), { timeout: 1000 }) : control.click({ timeout: 1000 })).catch(() => undefined);
      }
    }
    expect(pageErrors, steps.slice(-10).join('\n')).toEqual([]);
    // Both widgets still show a screen with a heading: never a blank box.
    for (const id of ['w0', 'w1']) expect(await heading(p, `symptom-check#${id}`).count()).toBeGreaterThan(0);
  });
});
