// @vitest-environment happy-dom
import { h, render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStrings, stringsFor } from '../../src/i18n/index';
import type { Questionnaire } from '../../src/questionnaire/schema';
import { App } from '../../src/ui/App';
import { drawIntroNow } from '../../src/ui/introNow';
import { smallQuestionnaire } from '../fixtures';

beforeAll(async () => {
  await loadStrings('hi');
});

/** The markup, each element's attributes sorted (the order they were set in does not matter to a page). */
function markup(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll('*')) {
    const attributes = el.getAttributeNames().map((name) => [name, el.getAttribute(name)!] as const);
    for (const [name] of attributes) el.removeAttribute(name);
    for (const [name, value] of attributes.sort(([a], [b]) => a.localeCompare(b))) el.setAttribute(name, value);
  }
  return copy.innerHTML;
}

/** The intro as App first draws it (with the element's props), and as drawIntroNow draws it. */
function bothIntros(questionnaire: Questionnaire, lang: string, otherLanguages: string[]) {
  const byPreact = document.createElement('div');
  render(<App questionnaire={questionnaire} lang={lang} otherLanguages={otherLanguages} onLanguage={() => undefined} />, byPreact);
  const now = document.createElement('div');
  drawIntroNow(now, { questionnaire, lang, t: stringsFor(lang), otherLanguages });
  return { byPreact, now };
}

function bilingual(): Questionnaire {
  const q = smallQuestionnaire();
  q.languages = ['en', 'hi'];
  q.title = { en: 'Small check', hi: 'छोटी जाँच' };
  q.intro = { en: 'A few questions.', hi: 'कुछ सवाल।' };
  return q;
}

describe('the intro drawn without Preact for the first frame', () => {
  it('is the markup App draws first: language button, heading, intro, disclaimer, privacy slot, Start', () => {
    const { byPreact, now } = bothIntros(bilingual(), 'en', ['hi']);
    expect(markup(now)).toBe(markup(byPreact));
    // What the patient sees, so that an empty pair of drawings cannot pass.
    expect(now.querySelector('h2')?.textContent).toBe('Small check');
    expect(now.querySelector('[part="privacy"] slot')?.textContent).toMatch(/Nothing is sent anywhere/);
    expect([...now.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual(['हिन्दी', 'Start']);
  });

  it('is the same in Hindi, with the English button', () => {
    const { byPreact, now } = bothIntros(bilingual(), 'hi', ['en']);
    expect(markup(now)).toBe(markup(byPreact));
    expect(now.querySelector('h2')?.textContent).toBe('छोटी जाँच');
  });

  it('is the same without an intro text or other languages', () => {
    const q = smallQuestionnaire();
    delete q.intro;
    const { byPreact, now } = bothIntros(q, 'en', []);
    expect(markup(now)).toBe(markup(byPreact));
    expect(now.querySelector('.languages')).toBeNull();
  });

  it('falls back to the questionnaire’s first language for a text it lacks, as App does', () => {
    const q = bilingual();
    q.intro = { en: 'Only in English.' };
    const { byPreact, now } = bothIntros(q, 'hi', ['en']);
    expect(markup(now)).toBe(markup(byPreact));
    expect(now.textContent).toContain('Only in English.');
  });
});
