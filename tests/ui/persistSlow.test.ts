// @vitest-environment happy-dom
/**
 * persist="session" on a first visit shows the intro at once, while the code that keeps runs is
 * still loading. The run must be a settled run from the start: a language switch or a move meanwhile
 * keeps it, and the code's arrival later neither resets it nor puts back the first screens' texts.
 */
import { beforeAll, expect, it, vi } from 'vitest';

const code = vi.hoisted(() => ({ release: () => {} }));
vi.mock('../../src/ui/persistence', async (importOriginal) => {
  await new Promise<void>((resolve) => (code.release = resolve));
  return importOriginal();
});

beforeAll(async () => {
  await import('../../src/index');
});

const shadow = (el: Element) => el.shadowRoot!;
const heading = (el: Element) => shadow(el).querySelector('h2')?.textContent;
const none = (el: Element) => shadow(el).querySelector<HTMLInputElement>('input[value="none"]');
function click(el: Element, text: string) {
  const button = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent === text);
  if (!button) throw new Error(`no button "${text}" in: ${shadow(el).textContent}`);
  button.click();
}

it('keeps the run through a language switch, a move and the late arrival of persist\'s code', async () => {
  const el = document.createElement('symptom-check');
  el.setAttribute('persist', 'session');
  const events: string[] = [];
  for (const type of ['sc-ready', 'sc-step', 'sc-error']) el.addEventListener(type, () => events.push(type));
  document.body.append(el);
  click(el, 'Start');
  await vi.waitFor(() => expect(none(el)).not.toBeNull());
  none(el)!.click();
  const question = heading(el);

  click(el, 'हिन्दी'); // while persist's code is still loading
  await vi.waitFor(() => expect(shadow(el).querySelector('[part="container"]')!.getAttribute('lang')).toBe('hi'));
  expect(none(el)!.checked).toBe(true);
  click(el, 'English');
  await vi.waitFor(() => expect(heading(el)).toBe(question));
  el.remove(); // moved on the page, as frameworks do
  document.body.append(el);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(heading(el)).toBe(question);
  expect(none(el)!.checked).toBe(true);

  click(el, 'Next');
  await vi.waitFor(() => expect(heading(el)).toBe('How old are you?'));
  code.release();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(heading(el)).toBe('How old are you?'); // not "Loading the questions…"
  expect(events[0]).toBe('sc-ready');
  expect(events.filter((type) => type === 'sc-ready')).toHaveLength(1);
  expect(events).not.toContain('sc-error');
});
