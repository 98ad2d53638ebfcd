// @vitest-environment happy-dom
/**
 * A fault while drawing a screen (a bug, which no questionnaire should reach) must leave a plain
 * "stopped" message and an sc-error, not a frozen widget and an uncaught exception. The question
 * screen is made to throw on demand.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SymptomCheckElement } from '../../src/element';
import { en } from '../../src/i18n/en';
import { smallQuestionnaire } from '../fixtures';

// The question screen's "Question 1 of 4" line throws while the fault is on.
const fault = { on: false };
const progress = en.progress;
vi.spyOn(en, 'progress').mockImplementation((n, total) => {
  if (fault.on) throw new Error('a bug in the question screen');
  return progress(n, total);
});

beforeAll(async () => {
  await import('../../src/index');
});
afterEach(() => {
  fault.on = false;
  document.body.innerHTML = '';
});

function nextEvent(el: Element, type: string): Promise<CustomEvent> {
  return new Promise((resolve) => el.addEventListener(type, (e) => resolve(e as CustomEvent), { once: true }));
}
const shadow = (el: Element) => el.shadowRoot!;
const heading = (el: Element) => shadow(el).querySelector('h2')?.textContent;
function click(el: Element, text: string) {
  const button = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent === text);
  if (!button) throw new Error(`no button "${text}" in: ${shadow(el).textContent}`);
  button.click();
}
async function until(check: () => boolean) {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

async function widgetWithSmallRules(): Promise<SymptomCheckElement> {
  const el = document.createElement('symptom-check');
  el.rules = smallQuestionnaire();
  const ready = nextEvent(el, 'sc-ready');
  document.body.append(el);
  await ready;
  return el;
}

describe('a fault while drawing a screen', () => {
  it('shows the plain stopped message with the details, and fires sc-error', async () => {
    const el = await widgetWithSmallRules();
    expect(heading(el)).toBe('Small check');
    fault.on = true;
    const failed = nextEvent(el, 'sc-error');
    click(el, 'Start');
    const event = await failed;

    expect(event.detail.problems).toEqual([{ file: 'symptom-check', path: '$', message: 'could not show the screen: a bug in the question screen' }]);
    expect(heading(el)).toBe('This symptom check stopped');
    const alert = shadow(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('If you feel very unwell, call your emergency number now.');
    expect(alert.querySelector('details')!.textContent).toContain('could not show the screen: a bug in the question screen');
  });

  it('speaks the language the patient switches to', async () => {
    const el = await widgetWithSmallRules();
    fault.on = true;
    const failed = nextEvent(el, 'sc-error');
    click(el, 'Start');
    await failed;
    el.setAttribute('lang', 'hi');
    await until(() => heading(el) !== 'This symptom check stopped');
    expect(heading(el)).toBe('यह लक्षण जाँच रुक गई');
  });

  it('gives way to a fresh run when the page sets new rules', async () => {
    const el = await widgetWithSmallRules();
    fault.on = true;
    const failed = nextEvent(el, 'sc-error');
    click(el, 'Start');
    await failed;

    fault.on = false;
    const ready = nextEvent(el, 'sc-ready');
    el.rules = smallQuestionnaire();
    await ready;
    expect(heading(el)).toBe('Small check');
    click(el, 'Start');
    await until(() => heading(el) !== 'Small check');
    expect(heading(el)).toBe('Do you have any of these now?');
  });
});
