import type { Strings } from '../i18n/en';
import { languageNames } from '../i18n/index';
import { localize } from '../i18n/localize';
import type { Questionnaire } from '../questionnaire/schema';

export interface IntroNowProps {
  questionnaire: Questionnaire;
  lang: string;
  t: Strings;
  /** As App's otherLanguages: a language button each. */
  otherLanguages: string[];
}

type Child = Node | string | false | undefined;

/**
 * The intro as App first draws it (its language buttons, then Intro, without persist's
 * checkbox), made with plain DOM calls for the page's first frame. Preact, running cold, takes
 * much longer to draw the same nodes; it takes these over in a later task, since its render()
 * reuses the children a mount already has and corrects any that differ. A test holds this
 * markup to App's.
 */
export function drawIntroNow(mount: HTMLElement, { questionnaire, lang, t, otherLanguages }: IntroNowProps): void {
  const page = mount.ownerDocument;
  const el = (tag: string, attributes: Record<string, string>, ...children: Child[]) => {
    const node = page.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    for (const child of children) if (child) node.append(child);
    return node;
  };
  const text = (value: Questionnaire['title'] | undefined) => localize(value, lang, questionnaire.languages[0] ?? 'en');
  mount.append(
    ...(otherLanguages.length > 0
      ? [
          el(
            'p',
            { class: 'languages', part: 'languages', role: 'group', 'aria-label': t.language },
            // Unlabelled at first, as in App (the label is drawn once the intro is painted).
            ...otherLanguages.map((code) => el('button', { type: 'button', class: 'language-button', part: 'language', lang: code, 'aria-label': languageNames[code]! })),
            el('span', { class: 'visually-hidden', role: 'status', lang }, languageNames[lang]),
          ),
        ]
      : []),
    el(
      'section',
      { class: 'screen', part: 'intro', 'aria-labelledby': 'sc-intro-heading' },
      el('h2', { id: 'sc-intro-heading', class: 'heading', part: 'heading', tabindex: '-1' }, text(questionnaire.title)),
      questionnaire.intro && el('p', {}, text(questionnaire.intro)),
      el('aside', { class: 'disclaimer', part: 'disclaimer', 'aria-label': t.disclaimerHeading }, el('strong', {}, t.disclaimerHeading), el('p', {}, t.disclaimer)),
      el('p', { class: 'privacy', part: 'privacy' }, el('slot', { name: 'privacy' }, t.privacy)),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'button primary', part: 'button button-primary' }, t.start)),
    ),
  );
}
