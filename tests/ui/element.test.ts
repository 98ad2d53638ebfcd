// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SymptomCheckElement } from '../../src/element';
import { smallQuestionnaire } from '../fixtures';

beforeAll(async () => {
  await import('../../src/index');
});
afterEach(async () => {
  document.body.innerHTML = '';
  // A removed widget keeps its run (a move must lose nothing) and finishes what it had
  // scheduled, such as starting its state machine: let that happen before the next test.
  await new Promise((resolve) => setTimeout(resolve, 100));
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

/** Adds an element and waits for its first sc-ready or sc-error. */
async function mount(attributes: Record<string, string> = {}, configure?: (el: SymptomCheckElement) => void) {
  const el = document.createElement('symptom-check');
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  configure?.(el);
  const settled = nextEvent(el);
  document.body.append(el);
  return { el, event: await settled };
}
function nextEvent(el: Element): Promise<CustomEvent> {
  return new Promise((resolve) => {
    const done = (e: Event) => {
      el.removeEventListener('sc-ready', done);
      el.removeEventListener('sc-error', done);
      resolve(e as CustomEvent);
    };
    el.addEventListener('sc-ready', done);
    el.addEventListener('sc-error', done);
  });
}
/** Sets `rules` to the small questionnaire under another title, and waits for it to load. */
async function giveRetitledRules(el: SymptomCheckElement, title: string) {
  const next = nextEvent(el);
  const rules = smallQuestionnaire();
  rules.title.en = title;
  el.rules = rules;
  await next;
}
/** Adds an element inside a part of the page in `lang` (no lang of its own), and waits for it to settle. */
async function mountInPage(lang: string) {
  const page = document.createElement('div');
  page.lang = lang;
  document.body.append(page);
  const el = document.createElement('symptom-check');
  const ready = nextEvent(el);
  page.append(el);
  await ready;
  return { page, el };
}
const shadow = (el: Element) => el.shadowRoot!;
const headingText = (el: Element) => shadow(el).querySelector('h2')?.textContent;
const clickButton = (el: Element, text: string) => {
  const button = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent === text);
  if (!button) throw new Error(`no button "${text}" in: ${shadow(el).textContent}`);
  button.click();
};
const flush = () => new Promise((r) => setTimeout(r, 0));
const respond = (body: string, init: ResponseInit = {}) => vi.fn(async () => new Response(body, init));

describe('<symptom-check> with the built-in lupus rules', () => {
  it('renders into an open shadow root and fires sc-ready', async () => {
    const { el, event } = await mount();
    expect(event.type).toBe('sc-ready');
    expect(event.detail).toEqual({ questionnaire: { id: 'lupus', version: expect.any(String) }, lang: 'en' });
    expect(shadow(el).querySelector('[part="container"]')).not.toBeNull();
    expect(el.children).toHaveLength(0); // nothing in the light DOM
  });

  it('asks the red flags first, and stops at an emergency with sc-step and sc-complete', async () => {
    const { el } = await mount({ 'emergency-number': '108' });
    const steps: unknown[] = [];
    const completes: CustomEvent[] = [];
    document.addEventListener('sc-step', (e) => steps.push(e.detail));
    document.addEventListener('sc-complete', (e) => completes.push(e));
    clickButton(el, 'Start');
    await flush();
    // Preact runs effects after paint, so events arrive a frame later.
    await vi.waitFor(() => expect(steps.at(-1)).toEqual({ step: 'question', index: 1, total: expect.any(Number) }));
    const chest = shadow(el).querySelector<HTMLInputElement>('input[value="chest_pain"]')!;
    chest.click();
    await flush();
    clickButton(el, 'Next');
    await vi.waitFor(() => expect(shadow(el).querySelector('.emergency')?.textContent).toContain('Call 108 now'));
    await vi.waitFor(() => expect(completes).toHaveLength(1));
    expect(completes[0]!.bubbles && completes[0]!.composed).toBe(true);
    const detail = completes[0]!.detail;
    expect(JSON.parse(JSON.stringify(detail))).toEqual(detail); // plain JSON
    expect(detail).toMatchObject({ answers: { red_flags: ['chest_pain'] }, questionnaire: { id: 'lupus' }, stoppedEarly: true });
    expect(detail.guidance[0].level).toBe('emergency');
    // The answers as FHIR, for the clinic's EHR.
    expect(detail.fhir).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: expect.stringMatching(/^urn:symptom-check:lupus\|/) });
    expect(JSON.stringify(detail.fhir)).toContain('chest_pain');
    // The patient reads the advice in Hindi: the page hears it again, in the words now shown.
    shadow(el).querySelector<HTMLButtonElement>('[part="languages"] button')!.click();
    await vi.waitFor(() => expect(completes).toHaveLength(2));
    const inHindi = completes[1]!.detail;
    expect(inHindi).toMatchObject({ lang: 'hi', answers: { red_flags: ['chest_pain'] }, stoppedEarly: true, fhir: { language: 'hi' } });
    expect(shadow(el).textContent).toContain(inHindi.guidance[0].title);
    expect(inHindi.guidance[0].title).not.toBe(detail.guidance[0].title);
    await flush();
    expect(completes).toHaveLength(2);
  });

  it.each([['blank', '   '], ['empty', '']])('keeps the questionnaire\'s number when emergency-number is %s (a CMS field left empty)', async (_name, value) => {
    const { el } = await mount({ 'emergency-number': value });
    clickButton(el, 'Start');
    await vi.waitFor(() => expect(shadow(el).querySelector('input[value="chest_pain"]')).not.toBeNull());
    shadow(el).querySelector<HTMLInputElement>('input[value="chest_pain"]')!.click();
    await flush();
    clickButton(el, 'Next');
    await vi.waitFor(() => expect(shadow(el).querySelector('.emergency')?.textContent).toContain('Call 112 now'));
    expect(shadow(el).querySelector('.emergency a[href="tel:112"]')).not.toBeNull();
  });

  it('taken off the page on the advice and put back, tells the page nothing again and keeps the page\'s language', async () => {
    const { page, el } = await mountInPage('hi');
    const completes: CustomEvent[] = [];
    el.addEventListener('sc-complete', (e) => completes.push(e as CustomEvent));
    shadow(el).querySelector<HTMLButtonElement>('.button.primary')!.click(); // Start, in Hindi
    await vi.waitFor(() => expect(shadow(el).querySelector('input[value="chest_pain"]')).not.toBeNull());
    shadow(el).querySelector<HTMLInputElement>('input[value="chest_pain"]')!.click();
    await flush();
    shadow(el).querySelector<HTMLButtonElement>('.button.primary')!.click(); // Next
    await vi.waitFor(() => expect(completes).toHaveLength(1));
    expect(completes[0]!.detail.lang).toBe('hi');
    el.remove();
    await flush();
    await new Promise((r) => setTimeout(r, 100));
    expect(shadow(el).querySelector('[part="container"]')!.getAttribute('lang')).toBe('hi');
    page.append(el);
    await flush();
    await new Promise((r) => setTimeout(r, 100));
    expect(completes).toHaveLength(1);
    page.remove();
  });

  it('dials a number the page wrote in Hindi digits (१०८, India\'s 108)', async () => {
    const { el } = await mount({ lang: 'hi', 'emergency-number': '१०८' });
    shadow(el).querySelector<HTMLButtonElement>('.button.primary')!.click(); // Start
    await vi.waitFor(() => expect(shadow(el).querySelector('input[value="chest_pain"]')).not.toBeNull());
    shadow(el).querySelector<HTMLInputElement>('input[value="chest_pain"]')!.click();
    await flush();
    shadow(el).querySelector<HTMLButtonElement>('.button.primary')!.click(); // Next
    await vi.waitFor(() => expect(shadow(el).querySelector('.emergency a[href="tel:108"]')).not.toBeNull());
    expect(shadow(el).querySelector('.emergency a[href="tel:108"]')!.textContent).toContain('१०८');
  });

  it('switches language when lang changes, keeping the screen', async () => {
    const { el } = await mount();
    clickButton(el, 'Start');
    await flush();
    el.setAttribute('lang', 'hi');
    await vi.waitFor(() => expect(shadow(el).querySelector('[part="container"]')!.getAttribute('lang')).toBe('hi'));
    await vi.waitFor(() => expect(shadow(el).textContent).toContain('आगे'));
  });

  it('tells the page with sc-language when the patient switches language in the widget, once the screen speaks it, and not when the page sets lang', async () => {
    const { el } = await mount({ lang: 'en' });
    const heard: { lang: string; shown: string | null }[] = [];
    el.addEventListener('sc-language', (e) => heard.push({ ...e.detail, shown: shadow(el).querySelector('[part="container"]')!.getAttribute('lang') }));
    shadow(el).querySelector<HTMLButtonElement>('[part="languages"] button')!.click();
    await vi.waitFor(() => expect(heard).toEqual([{ lang: 'hi', shown: 'hi' }]));
    expect(headingText(el)).toBe('ल्यूपस लक्षण जाँच');
    // The page's own choices: the page knows them.
    el.setAttribute('lang', 'hi');
    el.setAttribute('lang', 'en');
    await vi.waitFor(() => expect(headingText(el)).toBe('Lupus symptom check'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toHaveLength(1);
    shadow(el).querySelector<HTMLButtonElement>('[part="languages"] button')!.click();
    await vi.waitFor(() => expect(heard.map((h) => h.lang)).toEqual(['hi', 'hi']));
  });

  it('lets the patient switch language in the widget mid-run, answers kept, until the page sets lang', async () => {
    const { el } = await mount({ lang: 'en' });
    const languageButton = () => shadow(el).querySelector<HTMLButtonElement>('[part="languages"] button')!;
    // Named at once; its Devanagari label is drawn after the intro's first frame (loading a
    // Devanagari font for it would hold the English intro back).
    expect(languageButton().getAttribute('aria-label')).toBe('हिन्दी');
    expect(languageButton().textContent).toBe('');
    await vi.waitFor(() => expect(languageButton().textContent).toBe('हिन्दी'));
    expect(languageButton().lang).toBe('hi');
    expect(shadow(el).querySelector('[part="languages"]')!.getAttribute('aria-label')).toBe('Language');
    clickButton(el, 'Start');
    const none = () => shadow(el).querySelector<HTMLInputElement>('input[value="none"]');
    await vi.waitFor(() => expect(none()).not.toBeNull());
    none()!.click();
    await flush();
    const said = shadow(el).querySelector('[part="languages"] [role="status"]')!;
    expect(said.textContent).toBe('English');
    languageButton().click();
    await vi.waitFor(() => expect(shadow(el).querySelector('[part="container"]')!.getAttribute('lang')).toBe('hi'));
    await vi.waitFor(() => expect(languageButton().textContent).toBe('English'));
    // The button now names the other language: a status says the one now shown.
    expect(said.textContent).toBe('हिन्दी');
    expect(said.getAttribute('lang')).toBe('hi');
    expect(none()!.checked).toBe(true); // same question, answer kept
    expect(el.getAttribute('lang')).toBe('en'); // the page's attribute is the page's
    el.setAttribute('lang', 'hi');
    el.setAttribute('lang', 'en');
    await vi.waitFor(() => expect(shadow(el).querySelector('[part="container"]')!.getAttribute('lang')).toBe('en'));
    expect(none()!.checked).toBe(true);
  });


  describe('with persist="session", after a reload', () => {
    const languageButton = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('[part="languages"] button')!;
    const shownLanguage = (el: Element) => shadow(el).querySelector('[part="container"]')!.getAttribute('lang');
    /** A patient who agreed to keep their answers, ticked "None of these", and maybe switched language. */
    async function answerFirstQuestion(lang: string, switchTo?: string) {
      const { el } = await mount({ persist: 'session', lang });
      shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      await flush();
      clickButton(el, lang === 'hi' ? 'शुरू करें' : 'Start');
      await vi.waitFor(() => expect(shadow(el).querySelector('input[value="none"]')).not.toBeNull());
      shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.click();
      if (switchTo) {
        languageButton(el).click();
        await vi.waitFor(() => expect(shownLanguage(el)).toBe(switchTo));
      }
      await vi.waitFor(() => expect(sessionStorage.length).toBe(1));
      el.remove();
    }
    const reload = async (lang: string) => {
      const { el } = await mount({ persist: 'session', lang });
      await vi.waitFor(() => expect(shadow(el).querySelector<HTMLInputElement>('input[value="none"]')?.checked).toBe(true));
      return el;
    };

    it('comes back in the language the patient picked in the widget', async () => {
      await answerFirstQuestion('en', 'hi');
      const el = await reload('en');
      await vi.waitFor(() => expect(shownLanguage(el)).toBe('hi'));
      expect(languageButton(el).textContent).toBe('English');
    });

    it("follows the page's language when the patient picked none", async () => {
      await answerFirstQuestion('hi');
      const el = await reload('en');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(shownLanguage(el)).toBe('en');
    });
  });
  it('offers no language switch for a questionnaire in one language', async () => {
    const only = smallQuestionnaire();
    only.languages = ['en'];
    const { el } = await mount({}, (e) => (e.rules = JSON.parse(JSON.stringify(only, (key, value) => (key === 'hi' ? undefined : value)))));
    expect(headingText(el)).toBe('Small check');
    expect(shadow(el).querySelector('[part="languages"]')).toBeNull();
  });

  it('words the answers in Hindi on a Hindi page: yes, no and not sure', async () => {
    const { el } = await mount({ lang: 'hi' }, (e) => (e.rules = smallQuestionnaire()));
    clickButton(el, 'शुरू करें');
    await vi.waitFor(() => expect(shadow(el).querySelector('input[value="none"]')).not.toBeNull());
    shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.click();
    await flush();
    clickButton(el, 'आगे');
    await vi.waitFor(() => expect(headingText(el)).toBe('Do your joints hurt? (hi)'));
    const choices = [...shadow(el).querySelectorAll('[part~="option"]')].map((o) => o.textContent?.trim());
    expect(choices).toEqual(['हाँ', 'नहीं', 'पक्का नहीं पता']);
  });

  it('keeps a refused number\'s message through a language switch, in the new language', async () => {
    const { el } = await mount({ lang: 'en' });
    clickButton(el, 'Start');
    await vi.waitFor(() => expect(shadow(el).querySelector('input[value="none"]')).not.toBeNull());
    shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.click();
    await flush();
    clickButton(el, 'Next');
    const box = () => shadow(el).querySelector<HTMLInputElement>('input[type="text"]');
    await vi.waitFor(() => expect(box()).not.toBeNull());
    box()!.value = '200';
    box()!.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    expect(shadow(el).querySelector('[role="alert"]')).toBeNull(); // not while typing
    clickButton(el, 'Next');
    await vi.waitFor(() => expect(shadow(el).querySelector('[role="alert"]')?.textContent).toMatch(/Enter a number from 0 to 120/));
    shadow(el).querySelector<HTMLButtonElement>('[part="languages"] button')!.click();
    await vi.waitFor(() => expect(shadow(el).querySelector('[role="alert"]')?.textContent).toMatch(/[\u0900-\u097F]/));
  });

  it("speaks the questionnaire's language throughout when it lacks the one asked for", async () => {
    const englishOnly = JSON.parse(JSON.stringify({ ...smallQuestionnaire(), languages: ['en'] }, (key, value) => (key === 'hi' ? undefined : value)));
    const { el, event } = await mount({ lang: 'hi' }, (e) => (e.rules = englishOnly));
    expect(event.detail.lang).toBe('en');
    expect(shadow(el).querySelector('[part="container"]')!.getAttribute('lang')).toBe('en');
    clickButton(el, 'Start'); // the widget's own words in English too, not Hindi around English questions
    await vi.waitFor(() => expect(headingText(el)).toBe('Do you have any of these now?'));
  });

  it('keeps the run when the page turns persist on or off mid-run, and forgets what it kept when off', async () => {
    const { el } = await mount({ persist: 'session' });
    shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await flush();
    clickButton(el, 'Start');
    const none = () => shadow(el).querySelector<HTMLInputElement>('input[value="none"]');
    await vi.waitFor(() => expect(none()).not.toBeNull());
    none()!.click();
    await vi.waitFor(() => expect(sessionStorage.length).toBe(1));
    el.removeAttribute('persist');
    await vi.waitFor(() => expect(sessionStorage.length).toBe(0));
    expect(none()!.checked).toBe(true);
    el.setAttribute('persist', 'session');
    await flush();
    expect(none()!.checked).toBe(true);
    expect(sessionStorage.length).toBe(0); // nothing kept again without a new yes from the patient
    const first = headingText(el);
    clickButton(el, 'Next'); // a new screen: still nothing kept
    await vi.waitFor(() => expect(headingText(el)).not.toBe(first));
    await flush();
    expect(sessionStorage.length).toBe(0);
  });

  it('applies persist set while the element was out of the page, when it is back', async () => {
    const { el } = await mount();
    const offer = () => shadow(el).querySelector('input[type="checkbox"]');
    expect(offer()).toBeNull();
    el.remove();
    el.setAttribute('persist', 'session');
    document.body.append(el);
    await vi.waitFor(() => expect(offer()).not.toBeNull());
  });

  it('resumes a kept run when persist is set while the rules are still loading', async () => {
    // A run kept on an earlier visit: the small questionnaire, its first question answered.
    const first = await mount({ persist: 'session', id: 'w' }, (el) => (el.rules = smallQuestionnaire()));
    shadow(first.el).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await flush();
    clickButton(first.el, 'Start');
    await vi.waitFor(() => expect(shadow(first.el).querySelector('input[value="none"]')).not.toBeNull());
    shadow(first.el).querySelector<HTMLInputElement>('input[value="none"]')!.click();
    const firstQuestion = headingText(first.el);
    clickButton(first.el, 'Next');
    await vi.waitFor(() => expect([undefined, firstQuestion]).not.toContain(headingText(first.el)));
    const kept = headingText(first.el);
    first.el.remove();
    await flush();

    // The next visit: the page sets persist only after the element has started loading its rules.
    const el = document.createElement('symptom-check');
    el.id = 'w';
    el.rules = smallQuestionnaire();
    const ready = nextEvent(el);
    document.body.append(el);
    el.setAttribute('persist', 'session');
    await ready;
    await vi.waitFor(() => expect(headingText(el)).toBe(kept));
  });

  describe('resumes a kept run when the page sets persist after adding the element, before the patient starts', () => {
    /** A run kept on an earlier visit: its first question answered, the patient on the next. Returns that screen's heading. */
    async function keepRun(configure?: (el: SymptomCheckElement) => void) {
      const { el } = await mount({ persist: 'session', id: 'w' }, configure);
      shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      await flush();
      clickButton(el, 'Start');
      await vi.waitFor(() => expect(shadow(el).querySelector('input[value="none"]')).not.toBeNull());
      shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.click();
      const firstQuestion = headingText(el);
      clickButton(el, 'Next');
      // The next question (it may show "Loading" first: no heading yet).
      await vi.waitFor(() => expect([undefined, firstQuestion]).not.toContain(headingText(el)));
      const kept = headingText(el);
      el.remove();
      await flush();
      return kept;
    }

    it('with the built-in rules, whose intro shows at once', async () => {
      const kept = await keepRun();
      const el = document.createElement('symptom-check');
      el.id = 'w';
      document.body.append(el);
      expect(headingText(el)).not.toBe(kept); // the intro, drawn before the page set persist
      el.setAttribute('persist', 'session');
      await vi.waitFor(() => expect(headingText(el)).toBe(kept));
      expect([...shadow(el).querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Start'); // no intro left behind
      expect(JSON.parse(sessionStorage.getItem(sessionStorage.key(0)!)!).answers).toEqual({ red_flags: ['none'] });
    });

    it('when it was set while the element was out of the page', async () => {
      const kept = await keepRun();
      const el = document.createElement('symptom-check');
      el.id = 'w';
      const ready = nextEvent(el);
      document.body.append(el);
      await ready; // loaded: taken out and put back, it keeps its run
      el.remove();
      el.setAttribute('persist', 'session');
      document.body.append(el);
      await vi.waitFor(() => expect(headingText(el)).toBe(kept));
      expect(sessionStorage.length).toBe(1);
    });

    it('with rules already loaded', async () => {
      const kept = await keepRun((el) => (el.rules = smallQuestionnaire()));
      const { el } = await mount({ id: 'w' }, (e) => (e.rules = smallQuestionnaire()));
      await flush();
      el.setAttribute('persist', 'session');
      await vi.waitFor(() => expect(headingText(el)).toBe(kept));
    });
  });

  it('keeps the run when the page turns persist on mid-run, before its code has ever loaded', async () => {
    const { el } = await mount();
    clickButton(el, 'Start');
    const none = () => shadow(el).querySelector<HTMLInputElement>('input[value="none"]');
    await vi.waitFor(() => expect(none()).not.toBeNull());
    none()!.click();
    el.setAttribute('persist', 'session');
    await new Promise((resolve) => setTimeout(resolve, 50)); // persist's code loads
    expect(none()!.checked).toBe(true);
    expect(sessionStorage.length).toBe(0); // nothing kept without the patient's yes
    const first = headingText(el);
    clickButton(el, 'Next');
    await vi.waitFor(() => expect(headingText(el)).not.toBe(first));
    expect(shadow(el).querySelector('[part="question"]')).not.toBeNull(); // the next question, not an error
  });

  describe('with persist="session" and nothing kept (a first visit)', () => {
    const offer = (el: Element) => shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]');

    it('shows the intro and its offer at once, and keeps what the patient did before persist\'s code came', async () => {
      const el = document.createElement('symptom-check');
      el.setAttribute('persist', 'session');
      document.body.append(el);
      // Drawn as the element is added: no "Loading" while persist's code loads.
      expect(headingText(el)).toBe('Lupus symptom check');
      expect(offer(el)).not.toBeNull();
      offer(el)!.click(); // the patient agrees and starts before that code is here
      clickButton(el, 'Start');
      await vi.waitFor(() => expect(shadow(el).querySelector('input[value="none"]')).not.toBeNull());
      shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.click();
      await vi.waitFor(() => expect(sessionStorage.length).toBe(1));
      expect(JSON.parse(sessionStorage.getItem(sessionStorage.key(0)!)!).answers).toEqual({ red_flags: ['none'] });
    });

    it('keeps the patient\'s yes when the page sets persist just after adding the element', async () => {
      const { el } = await mount();
      el.setAttribute('persist', 'session');
      expect(offer(el)).not.toBeNull();
      offer(el)!.click();
      await new Promise((resolve) => setTimeout(resolve, 50)); // persist's code loads: no fresh intro
      expect(offer(el)!.checked).toBe(true);
    });
  });

  it('changes language while still loading without getting stuck', async () => {
    const el = document.createElement('symptom-check');
    const settled = nextEvent(el);
    document.body.append(el);
    el.setAttribute('lang', 'hi');
    expect((await settled).detail.lang).toBe('hi');
    await vi.waitFor(() => expect(shadow(el).textContent).toContain('शुरू करें'));
  });

  it('falls back to English for an unknown language, and says so in its events', async () => {
    const { el, event } = await mount({ lang: 'xx' });
    expect(event.detail.lang).toBe('en');
    expect(shadow(el).querySelector('[part="container"]')!.getAttribute('lang')).toBe('en');
    expect(shadow(el).textContent).toContain('Start');
  });

  it('uses the page language when the element has none', async () => {
    document.body.setAttribute('lang', 'hi-IN');
    const { event } = await mount();
    document.body.removeAttribute('lang');
    expect(event.detail.lang).toBe('hi');
  });

  it('follows the page as it switches its own language mid-run, answers kept, until the patient picks one in the widget', async () => {
    const { page, el } = await mountInPage('en');
    clickButton(el, 'Start');
    await vi.waitFor(() => expect(shadow(el).querySelector('input[value="none"]')).not.toBeNull());
    shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.click();
    document.documentElement.lang = 'hi'; // not the nearest lang: nothing changes
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadow(el).querySelector('[part="container"]')!.getAttribute('lang')).toBe('en');
    page.lang = 'hi'; // the page's own language menu
    await vi.waitFor(() => expect(shadow(el).querySelector('[part="container"]')!.getAttribute('lang')).toBe('hi'));
    expect(shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.checked).toBe(true);
    // The patient's own choice in the widget wins over the page's next switch.
    shadow(el).querySelector<HTMLButtonElement>('[part="languages"] button')!.click();
    await vi.waitFor(() => expect(shadow(el).querySelector('[part="container"]')!.getAttribute('lang')).toBe('en'));
    page.lang = 'en';
    page.lang = 'hi';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadow(el).querySelector('[part="container"]')!.getAttribute('lang')).toBe('en');
    document.documentElement.removeAttribute('lang');
  });

  it('keeps the run, answers and all, when moved to another place on the page', async () => {
    const { el } = await mount();
    const events: string[] = [];
    el.addEventListener('sc-ready', (e) => events.push(e.type));
    el.addEventListener('sc-error', (e) => events.push(e.type));
    clickButton(el, 'Start');
    await vi.waitFor(() => expect(shadow(el).querySelector('fieldset')).not.toBeNull());
    const firstOption = shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    firstOption.click();
    const question = headingText(el);
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(el); // out and in again, as a move is
    el.remove();
    await flush();
    document.body.prepend(el);
    await flush();
    expect(headingText(el)).toBe(question);
    expect(shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(true);
    expect(events).toEqual([]); // nothing loaded again
  });

  it('loads again when put back after its rules changed while it was out', async () => {
    const { el } = await mount();
    clickButton(el, 'Start');
    el.remove();
    el.rules = smallQuestionnaire();
    const again = nextEvent(el);
    document.body.append(el);
    expect((await again).detail.questionnaire.id).toBe('small');
    expect(headingText(el)).toBe('Small check');
  });

  it('follows a language change made while it was out', async () => {
    const { el } = await mount();
    clickButton(el, 'Start');
    await vi.waitFor(() => expect(shadow(el).querySelector('fieldset')).not.toBeNull());
    el.remove();
    el.setAttribute('lang', 'hi');
    document.body.append(el);
    await vi.waitFor(() => expect(headingText(el)).toMatch(/[\u0900-\u097F]/));
    expect(shadow(el).querySelector('fieldset')).not.toBeNull(); // still on the question, not back at the start
  });

  it('drops a load under way when removed, and loads afresh when put back', async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    const el = document.createElement('symptom-check');
    el.setAttribute('rules-src', '/rules.json');
    const events: string[] = [];
    el.addEventListener('sc-ready', () => events.push('ready'));
    el.addEventListener('sc-error', () => events.push('error'));
    document.body.append(el);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    el.remove();
    document.body.append(el);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    answer(new Response(JSON.stringify(smallQuestionnaire()), { headers: { 'Content-Type': 'application/json' } }));
    await vi.waitFor(() => expect(events).toEqual(['ready']));
    expect(headingText(el)).toBe('Small check');
  });

  it('runs several independent instances', async () => {
    const a = await mount();
    const b = await mount({ lang: 'hi' });
    clickButton(a.el, 'Start');
    await vi.waitFor(() => expect(shadow(a.el).querySelector('[part="progress"]')).not.toBeNull());
    expect(shadow(b.el).querySelector('[part="progress"]')).toBeNull();
  });

  it('is harmless to define twice', async () => {
    const { defineSymptomCheck } = await import('../../src/index');
    expect(() => defineSymptomCheck()).not.toThrow();
  });
});

describe('the built-in intro on the first frame (drawn without Preact, which takes it over after)', () => {
  /** Adds the element and returns at once: its intro is drawn, Preact has not taken it over yet. */
  function addNow() {
    const el = document.createElement('symptom-check');
    document.body.append(el);
    const start = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent === 'Start')!;
    return { el, start };
  }
  const firstQuestion = (el: Element) => shadow(el).querySelector('input[value="chest_pain"]');

  it('shows the intro at once, and the patient can start before Preact has taken it over', async () => {
    const { el, start } = addNow();
    expect(headingText(el)).toBe('Lupus symptom check');
    expect(shadow(el).textContent).toContain('This is not a diagnosis');
    start.click();
    await vi.waitFor(() => expect(firstQuestion(el)).not.toBeNull());
  });

  it('is taken over node for node: the same Start button, the same markup, and focus stays where the patient put it', async () => {
    const { el, start } = addNow();
    const container = shadow(el).querySelector('[part="container"]')!;
    const before = container.innerHTML;
    start.focus(); // a keyboard user who tabbed in at once
    expect(container.innerHTML).toBe(before); // Preact drew what was there
    await new Promise((resolve) => setTimeout(resolve, 100)); // past the first frames: the questionnaire is compiled too
    expect([...shadow(el).querySelectorAll('button')].find((b) => b.textContent === 'Start')).toBe(start);
    expect(shadow(el).activeElement).toBe(start);
    start.click();
    await vi.waitFor(() => expect(firstQuestion(el)).not.toBeNull());
  });

  it('is drawn by Preact once the first frame is past, with no patient action', async () => {
    const { el } = addNow();
    // The language button's label comes with Preact's App, just after the intro is painted.
    expect(shadow(el).querySelector('[part="language"]')?.textContent).toBe('');
    await vi.waitFor(() => expect(shadow(el).querySelector('[part="language"]')?.textContent).toBe('हिन्दी'));
  });
});

describe('the rules property', () => {
  it('takes a questionnaire object', async () => {
    const { el, event } = await mount({}, (e) => (e.rules = smallQuestionnaire()));
    expect(event.detail.questionnaire).toEqual({ id: 'small', version: '1.2.3' });
    expect(headingText(el)).toBe('Small check');
  });
  it('takes the questionnaire as JSON text too, naming line and column of a problem in it', async () => {
    const { el, event } = await mount({}, (e) => (e.rules = JSON.stringify(smallQuestionnaire(), null, 2)));
    expect(event.detail.questionnaire).toEqual({ id: 'small', version: '1.2.3' });
    expect(headingText(el)).toBe('Small check');
    const next = nextEvent(el);
    el.rules = '{\n  "id": "small",\n  "version": 1\n}';
    const error = await next;
    expect(error.type).toBe('sc-error');
    expect(error.detail.problems).toContainEqual(expect.objectContaining({ file: 'rules', path: '$.version', line: 3, column: 14 }));
  });
  it('keeps the run when the page sets the same questionnaire again (as on every render)', async () => {
    const rules = smallQuestionnaire();
    const { el } = await mount({}, (e) => (e.rules = rules));
    const events: string[] = [];
    for (const type of ['sc-ready', 'sc-step']) el.addEventListener(type, () => events.push(type));
    clickButton(el, 'Start');
    await vi.waitFor(() => expect(shadow(el).querySelector('input[value="none"]')).not.toBeNull());
    shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.click();
    await flush();
    const question = headingText(el);
    el.rules = rules;
    await flush();
    await flush();
    expect(headingText(el)).toBe(question);
    expect(shadow(el).querySelector<HTMLInputElement>('input[value="none"]')!.checked).toBe(true);
    expect(events).not.toContain('sc-ready');
  });
  it('tries the same value again when it could not load (its code may be there now)', async () => {
    const bad: any = smallQuestionnaire();
    bad.guidance[0].when = { answer: 'nope', equals: 'yes' };
    const { el, event } = await mount({}, (e) => (e.rules = bad));
    expect(event.type).toBe('sc-error');
    const again = nextEvent(el);
    el.rules = bad;
    expect((await again).type).toBe('sc-error');
  });
  it('reloads cleanly when changed', async () => {
    const { el } = await mount({}, (e) => (e.rules = smallQuestionnaire()));
    await giveRetitledRules(el, 'Another check');
    expect(headingText(el)).toBe('Another check');
  });
  it('shows a plain error and fires sc-error for an invalid object', async () => {
    const bad: any = smallQuestionnaire();
    bad.guidance[0].when = { answer: 'nope', equals: 'yes' };
    const { el, event } = await mount({}, (e) => (e.rules = bad));
    expect(event.type).toBe('sc-error');
    expect(event.detail.problems[0]).toMatchObject({ path: '$.guidance[0].when.answer', message: 'unknown question "nope"' });
    expect(headingText(el)).toBe('This symptom check could not start');
    expect(shadow(el).querySelector('[role="alert"]')).not.toBeNull();
  });
  it('tells an unwell patient to call, with the number the page set, when it cannot start', async () => {
    const bad: any = smallQuestionnaire();
    bad.guidance[0].when = { answer: 'nope', equals: 'yes' };
    const { el } = await mount({ 'emergency-number': '999' }, (e) => (e.rules = bad));
    const alert = shadow(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('If you feel very unwell, call your emergency number now.');
    expect(alert.querySelector('a[href="tel:999"]')?.textContent).toBe('Call 999 now');
    // Without a number from the page, the advice to call stays; no number is made up.
    const { el: plain } = await mount({}, (e) => (e.rules = bad));
    expect(shadow(plain).querySelector('[role="alert"]')!.textContent).toContain('call your emergency number now');
    expect(shadow(plain).querySelector('a[href^="tel:"]')).toBeNull();
  });
});

describe('properties a page sets before the script defines the element', () => {
  // A page script may run first (the module loads deferred or async): its values must not be
  // lost or hide the element's own accessors once the element is defined.
  it('keeps rules and fetchTimeout set on the element before it was defined', async () => {
    const tag = 'sc-early-properties';
    const el = document.createElement(tag) as SymptomCheckElement;
    el.rules = smallQuestionnaire();
    el.fetchTimeout = 1234;
    document.body.append(el);
    const settled = nextEvent(el);
    const { defineSymptomCheck } = await import('../../src/index');
    defineSymptomCheck(tag);
    const event = await settled;
    expect(event.detail.questionnaire).toEqual({ id: 'small', version: '1.2.3' });
    expect(headingText(el)).toBe('Small check');
    expect(el.fetchTimeout).toBe(1234);
    expect(Object.hasOwn(el, 'rules')).toBe(false); // the accessor works from now on
    await giveRetitledRules(el, 'Set after the upgrade');
    expect(headingText(el)).toBe('Set after the upgrade');
  });

  it('keeps the default timeout, and still starts, when the early fetchTimeout is unusable', async () => {
    const tag = 'sc-early-bad-timeout';
    const el = document.createElement(tag) as SymptomCheckElement;
    (el as { fetchTimeout: unknown }).fetchTimeout = 'soon';
    document.body.append(el);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const settled = nextEvent(el);
    const { defineSymptomCheck } = await import('../../src/index');
    defineSymptomCheck(tag);
    expect((await settled).type).toBe('sc-ready');
    expect(el.fetchTimeout).toBe(15_000);
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/fetchTimeout must be from 1 to 2147483647 \(milliseconds\), not soon/);
    logged.mockRestore();
  });
  it('still starts, with the built-in rules, when the page defined a rules getter that throws', async () => {
    const tag = 'sc-early-throwing-getter';
    const el = document.createElement(tag) as SymptomCheckElement;
    Object.defineProperty(el, 'rules', { configurable: true, get: () => { throw new Error('not ready yet'); } });
    document.body.append(el);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const settled = nextEvent(el);
    const { defineSymptomCheck } = await import('../../src/index');
    defineSymptomCheck(tag);
    const event = await settled;
    expect(event.type).toBe('sc-ready');
    expect(event.detail.questionnaire.id).toBe('lupus');
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/not ready yet/);
    logged.mockRestore();
    expect(el.rules).toBeUndefined(); // the element's own accessor from now on
  });
});

describe('fetchTimeout', () => {
  it.each([0, -5, Number.NaN, Infinity, 2 ** 31, 'soon'])('refuses %s with a RangeError and keeps the value it had', async (bad) => {
    const { el } = await mount();
    el.fetchTimeout = 500;
    expect(() => ((el as { fetchTimeout: unknown }).fetchTimeout = bad)).toThrow(RangeError);
    expect(el.fetchTimeout).toBe(500);
  });
  it('takes a number given as text, as an attribute-minded page might', async () => {
    const { el } = await mount();
    (el as { fetchTimeout: unknown }).fetchTimeout = '2500';
    expect(el.fetchTimeout).toBe(2500);
  });
});

describe('rules-src', () => {
  it('loads a questionnaire from a URL', async () => {
    vi.stubGlobal('fetch', respond(JSON.stringify(smallQuestionnaire()), { status: 200 }));
    const { el, event } = await mount({ 'rules-src': '/rules/small.json' });
    expect(event.type).toBe('sc-ready');
    expect(headingText(el)).toBe('Small check');
  });

  const faults: [string, () => ReturnType<typeof vi.fn>, RegExp][] = [
    ['a 404', () => respond('not here', { status: 404, statusText: 'Not Found' }), /server answered 404/],
    ['a 500', () => respond('oops', { status: 500 }), /server answered 500/],
    ['a network failure', () => vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))), /could not load the questionnaire: Failed to fetch/],
    ['not JSON', () => respond('<html>hello</html>'), /JSON syntax error/],
    ['the wrong schema', () => respond('{"questions": []}'), /"id" is missing|unknown property "questions"/],
    // No content-length here: the body is counted as it arrives, and reading stops past 2 MB.
    ['a 10 MB file', () => respond(`{"id": "${'x'.repeat(10_000_000)}"}`), /too large \(over 2 MB\)/],
  ];
  it.each(faults)('%s shows a plain error and fires sc-error', async (_name, fetchMock, message) => {
    vi.stubGlobal('fetch', fetchMock());
    const { el, event } = await mount({ 'rules-src': '/rules/x.json' });
    expect(event.type).toBe('sc-error');
    expect(event.detail.problems.map((p: { message: string }) => p.message).join('\n')).toMatch(message);
    expect(event.detail.problems[0].file).toBe('/rules/x.json');
    expect(headingText(el)).toBe('This symptom check could not start');
    expect(shadow(el).textContent).toMatch(message);
  });

  it('names what to check when the browser says only "Failed to fetch" (address, CORS, CSP)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const { el, event } = await mount({ 'rules-src': 'https://other.example/rules.json' });
    expect(event.detail.problems[0].hint).toMatch(/Access-Control-Allow-Origin.*connect-src/);
    expect(shadow(el).querySelector('.problems')!.textContent).toContain('Access-Control-Allow-Origin');
  });

  it('gives up on a response that never ends, with a clear message', async () => {
    vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) => new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))));
    const { event } = await mount({ 'rules-src': '/slow.json' }, (e) => (e.fetchTimeout = 30));
    expect(event.detail.problems[0].message).toBe('the questionnaire took too long to load (no answer within 0.03 s)');
  });

  it('reloads when rules-src changes', async () => {
    const other = smallQuestionnaire();
    other.title.en = 'From the second URL';
    vi.stubGlobal('fetch', vi.fn(async (url: string) => new Response(JSON.stringify(url.includes('second') ? other : smallQuestionnaire()))));
    const { el } = await mount({ 'rules-src': '/first.json' });
    const next = nextEvent(el);
    el.setAttribute('rules-src', '/second.json');
    await next;
    expect(headingText(el)).toBe('From the second URL');
  });
});
