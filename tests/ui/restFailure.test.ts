// @vitest-environment happy-dom
/**
 * The rest of the built-in questions (all but the first screens' texts) loads once the patient
 * starts. If it cannot, the run goes on as far as it can: the red flags are asked, an emergency
 * result keeps its heading, its number and the patient's place; a screen that needs the missing
 * texts shows the stopped message. A language switch while it loads still gets there.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SymptomCheckElement } from '../../src/element';

const rest = vi.hoisted(() => ({ mode: 'real' as 'real' | 'fail' | 'hold-en' }));
vi.mock('../../src/builtinRules', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/builtinRules')>();
  return {
    ...real,
    builtinRules: (lang: string) =>
      rest.mode === 'fail' ? Promise.reject(new Error('offline')) : rest.mode === 'hold-en' && lang === 'en' ? new Promise(() => {}) : real.builtinRules(lang),
  };
});

beforeAll(async () => {
  await import('../../src/index');
});
afterEach(async () => {
  document.body.innerHTML = '';
  rest.mode = 'real';
  await new Promise((resolve) => setTimeout(resolve, 50));
});

const shadow = (el: Element) => el.shadowRoot!;
const heading = (el: Element) => shadow(el).querySelector('h2')?.textContent;
const input = (el: Element, value: string) => shadow(el).querySelector<HTMLInputElement>(`input[value="${value}"]`);
/** Waits for the option on screen (Preact draws a frame later), then ticks it. */
async function tick(el: Element, value: string) {
  await vi.waitFor(() => expect(input(el, value)).not.toBeNull());
  input(el, value)!.click();
}
function click(el: Element, text: string) {
  const button = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent === text);
  if (!button) throw new Error(`no button "${text}" in: ${shadow(el).textContent}`);
  button.focus();
  button.click();
}
async function widget(): Promise<{ el: SymptomCheckElement; errors: CustomEvent[] }> {
  const el = document.createElement('symptom-check');
  const errors: CustomEvent[] = [];
  el.addEventListener('sc-error', (e) => errors.push(e as CustomEvent));
  const ready = new Promise((resolve) => el.addEventListener('sc-ready', resolve, { once: true }));
  document.body.append(el);
  await ready;
  return { el, errors };
}

describe('the rest of the built-in questions failing to load', () => {
  it('still asks the red flags, and stops with the message (and focus) where the missing texts are needed', async () => {
    rest.mode = 'fail';
    const { el, errors } = await widget();
    click(el, 'Start');
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]!.detail.problems[0].message).toBe('could not load the rest of the questions: offline');
    expect(heading(el)).toBe('Do you have any of these problems right now or today?');
    await tick(el, 'none');
    click(el, 'Next');
    await vi.waitFor(() => expect(heading(el)).toBe('This symptom check stopped'));
    await vi.waitFor(() => expect(shadow(el).activeElement).toBe(shadow(el).querySelector('h2')));
    expect(shadow(el).querySelector('a[href="tel:112"]')?.textContent).toBe('Call 112 now');
    expect(errors).toHaveLength(1);
  });

  it('still names same-day advice on the first questions, and lets the patient leave (or call) without asking', async () => {
    rest.mode = 'fail';
    const { el, errors } = await widget();
    click(el, 'Start');
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    await tick(el, 'swollen_leg');
    click(el, 'Next');
    await vi.waitFor(() => expect(heading(el)).toBe('This symptom check stopped'));
    await vi.waitFor(() => expect(shadow(el).querySelector('[part~="urgent-so-far"]')?.textContent).toContain('Swollen, painful leg: see a doctor today'));
    // Above the stopped message, as above a question: read first.
    const notice = shadow(el).querySelector('[part~="urgent-so-far"]')!;
    expect(notice.compareDocumentPosition(shadow(el).querySelector('h2')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Stopped, the answers can go nowhere: "Reload the page" and the number to call do not ask first.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(false);
  });

  it('keeps an emergency result, its number and the patient on it', async () => {
    rest.mode = 'fail';
    const { el, errors } = await widget();
    click(el, 'Start');
    await tick(el, 'chest_pain');
    click(el, 'Next');
    await vi.waitFor(() => expect(heading(el)).toBe('Get emergency care now'));
    const call = shadow(el).querySelector<HTMLAnchorElement>('a[href="tel:112"]')!;
    call.focus();
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(heading(el)).toBe('Get emergency care now');
    expect(shadow(el).activeElement).toBe(call);
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toMatch(/could not be shown/);
  });
});

describe('a language switch while the rest of the questions loads', () => {
  it('gets the next question in the new language', async () => {
    rest.mode = 'hold-en';
    const { el } = await widget();
    click(el, 'Start');
    await tick(el, 'none');
    click(el, 'Next');
    await vi.waitFor(() => expect(shadow(el).textContent).toMatch(/Loading/));
    click(el, 'हिन्दी');
    await vi.waitFor(() => expect(heading(el)).toBe('आपकी उम्र कितनी है?'));
  });
});
