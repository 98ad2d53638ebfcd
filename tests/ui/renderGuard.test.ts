// @vitest-environment happy-dom
/**
 * A fault while drawing a screen (a bug, which no questionnaire should reach) must leave a plain
 * "stopped" message with the number to call and one sc-error, not a frozen widget and an uncaught
 * exception. The question screen, or the machine's emergency check, is made to throw on demand.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SymptomCheckElement } from '../../src/element';
import { en } from '../../src/i18n/en';
import { smallQuestionnaire } from '../fixtures';

// The question screen's "Question 1 of 4" line throws while the fault is on.
const fault = vi.hoisted(() => ({ on: false, inMachine: false }));
const progress = en.progress;
vi.spyOn(en, 'progress').mockImplementation((n, total) => {
  if (fault.on) throw new Error('a bug in the question screen');
  return progress(n, total);
});

// The machine's check for emergency answers (a guard on "Next") throws while inMachine is on.
vi.mock('../../src/engine/answersInEffect', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/answersInEffect')>();
  return {
    ...real,
    hasEmergency: (...args: Parameters<typeof real.hasEmergency>) => {
      if (fault.inMachine) throw new Error('a bug in the emergency check');
      return real.hasEmergency(...args);
    },
  };
});

beforeAll(async () => {
  await import('../../src/index');
});
afterEach(() => {
  fault.on = false;
  fault.inMachine = false;
  document.body.innerHTML = '';
  sessionStorage.clear();
});

function nextEvent(el: Element, type: string): Promise<CustomEvent> {
  return new Promise((resolve) => el.addEventListener(type, (e) => resolve(e as CustomEvent), { once: true }));
}
const shadow = (el: Element) => el.shadowRoot!;
const heading = (el: Element) => shadow(el).querySelector('h2')?.textContent;
/** Clicks the button as a patient would: focus goes to it first. */
function click(el: Element, text: string) {
  const button = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent === text);
  if (!button) throw new Error(`no button "${text}" in: ${shadow(el).textContent}`);
  button.focus();
  button.click();
}
async function until(check: () => boolean) {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

async function widgetWithSmallRules(attributes: Record<string, string> = {}): Promise<SymptomCheckElement> {
  const el = document.createElement('symptom-check');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
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
    // The message says to call: the number is there, as on an emergency result.
    expect(alert.querySelector('a[href="tel:112"]')?.textContent).toBe('Call 112 now');
    expect(alert.querySelector('details')!.textContent).toContain('could not show the screen: a bug in the question screen');
    // The screen the patient was on is gone: the message takes its place, and focus.
    expect(shadow(el).activeElement).toBe(shadow(el).querySelector('h2'));
  });

  it('takes focus once: a later change by the page does not pull it back', async () => {
    const el = await widgetWithSmallRules();
    fault.on = true;
    const failed = nextEvent(el, 'sc-error');
    click(el, 'Start');
    await failed;
    expect(shadow(el).activeElement).toBe(shadow(el).querySelector('h2'));
    (shadow(el).activeElement as HTMLElement).blur(); // the patient taps the page around it
    expect(document.activeElement).toBe(document.body);
    el.setAttribute('lang', 'hi');
    await until(() => heading(el) === 'यह लक्षण जाँच रुक गई'); // drawn again, in Hindi
    expect(document.activeElement).toBe(document.body);
  });

  it('leaves focus where the patient put it elsewhere on the page', async () => {
    const el = await widgetWithSmallRules();
    const search = document.body.appendChild(document.createElement('input'));
    click(el, 'Start');
    await until(() => heading(el) === 'Do you have any of these now?');
    // The question's heading takes focus after the screen is painted: the patient moves on from there.
    await until(() => shadow(el).activeElement?.tagName === 'H2');
    search.focus();
    fault.on = true;
    const failed = nextEvent(el, 'sc-error');
    shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.click(); // a re-render of the question screen
    await failed;
    expect(heading(el)).toBe('This symptom check stopped');
    expect(document.activeElement).toBe(search);
    // Later, with focus on the page itself, a change by the page does not pull it in either.
    search.blur();
    el.setAttribute('lang', 'hi');
    await until(() => heading(el) === 'यह लक्षण जाँच रुक गई');
    expect(document.activeElement).toBe(document.body);
  });

  it('shows the number the page set with emergency-number', async () => {
    const el = await widgetWithSmallRules({ 'emergency-number': '999' });
    fault.on = true;
    const failed = nextEvent(el, 'sc-error');
    click(el, 'Start');
    await failed;
    expect(shadow(el).querySelector('[role="alert"] a[href="tel:999"]')?.textContent).toBe('Call 999 now');
  });

  it('shows the number the page sets after the run stopped, and the questionnaire\'s again when the page removes it', async () => {
    const el = await widgetWithSmallRules({ 'emergency-number': '999' });
    fault.on = true;
    const failed = nextEvent(el, 'sc-error');
    click(el, 'Start');
    await failed;
    const call = () => shadow(el).querySelector('[role="alert"] a[href^="tel:"]')?.textContent;
    el.setAttribute('emergency-number', '108');
    expect(call()).toBe('Call 108 now');
    el.removeAttribute('emergency-number');
    expect(call()).toBe(`Call ${smallQuestionnaire().emergencyNumber} now`);
  });

  it('reports a fault inside the state machine the same way, once, instead of an uncaught exception', async () => {
    const el = await widgetWithSmallRules();
    const errors: CustomEvent[] = [];
    el.addEventListener('sc-error', (e) => errors.push(e as CustomEvent));
    click(el, 'Start');
    await until(() => heading(el) === 'Do you have any of these now?');
    shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.click();
    fault.inMachine = true;
    click(el, 'Next');
    await until(() => errors.length > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(errors.map((e) => e.detail.problems[0].message)).toEqual([expect.stringContaining('a bug in the emergency check')]);
    expect(heading(el)).toBe('This symptom check stopped');
  });

  it('forgets a kept run that would fail again after the reload the message asks for', async () => {
    const el = await widgetWithSmallRules({ persist: 'session', id: 'w' });
    shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click(); // "Keep my answers"
    click(el, 'Start');
    await until(() => heading(el) === 'Do you have any of these now?');
    shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.click();
    await until(() => sessionStorage.length > 0);
    expect(sessionStorage.length).toBe(1);
    fault.on = true;
    const failed = nextEvent(el, 'sc-error');
    click(el, 'Next');
    await failed;
    expect(sessionStorage.length).toBe(0);

    // The reload: the same widget again starts at the intro, not at the screen that failed.
    fault.on = false;
    el.remove();
    const again = await widgetWithSmallRules({ persist: 'session', id: 'w' });
    expect(heading(again)).toBe('Small check');
  });

  it('does not stop a new run for a fault of the run it replaced', async () => {
    const el = await widgetWithSmallRules();
    await nextEvent(el, 'sc-step'); // the machine has started behind the intro
    const errors: Event[] = [];
    el.addEventListener('sc-error', (e) => errors.push(e));
    fault.on = true;
    click(el, 'Start');
    // The fault is caught within microtasks; its report waits for a timer. New rules come first.
    for (let i = 0; i < 100 && shadow(el).querySelector('h2'); i++) await Promise.resolve();
    expect(shadow(el).querySelector('h2')).toBeNull();
    fault.on = false;
    const ready = nextEvent(el, 'sc-ready');
    el.rules = smallQuestionnaire();
    await ready;
    await new Promise((r) => setTimeout(r, 50));
    expect(errors).toEqual([]);
    expect(heading(el)).toBe('Small check');
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
