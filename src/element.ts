/**
 * `<symptom-check>`: a private, plain-language symptom self-assessment.
 *
 * @attr rules-src - URL of a questionnaire JSON file; without it, the built-in lupus questionnaire.
 * @attr lang - "en" or "hi" (else the nearest `lang` on the page; unknown languages fall back to English).
 * @attr persist - "session" keeps answers in sessionStorage across reloads, with a "Clear my answers" button. Off by default.
 * @attr emergency-number - the number to call in an emergency; overrides the questionnaire's.
 * @prop rules - a questionnaire object (takes precedence over rules-src).
 * @prop fetchTimeout - milliseconds to wait for rules-src before giving up (default 15000).
 * @event sc-ready - the questionnaire loaded; detail `{ questionnaire: {id, version}, lang }`.
 * @event sc-step - a new screen; detail `{ step, index, total }`.
 * @event sc-complete - the result is shown; detail `{ answers, guidance, questionnaire: {id, version}, stoppedEarly, lang }`.
 * @event sc-error - the questionnaire could not be loaded; detail `{ problems }`.
 * @csspart container - the widget's box. @csspart heading - each screen's heading. @csspart progress - "Question 4 of 17".
 * @csspart question - a question screen. @csspart option - one answer choice. @csspart input - a native input.
 * @csspart button - every button. @csspart button-primary - the main action. @csspart error - an error message or the load error.
 * @csspart intro - the first screen. @csspart review - the review screen. @csspart result - the advice screen.
 * @csspart emergency - the emergency banner with the number. @csspart level - a group of advice of one urgency.
 * @csspart guidance - one piece of advice. @csspart disclaimer - the "not a diagnosis" notice. @csspart summary - the printed summary.
 * @cssprop --sc-color-text, --sc-color-muted, --sc-color-background, --sc-color-surface, --sc-color-border,
 *   --sc-color-accent, --sc-color-accent-text, --sc-color-focus, --sc-color-error, --sc-color-emergency,
 *   --sc-color-emergency-text, --sc-color-urgent, --sc-color-soon, --sc-color-routine, --sc-color-info,
 *   --sc-font-family, --sc-font-size, --sc-radius, --sc-space, --sc-max-width
 */
import { h, render } from 'preact';
import { emit } from './events';
import { baseLanguage, hasStrings, stringsFor } from './i18n/index';
import type { Problem } from './questionnaire/problem';
import type { Questionnaire } from './questionnaire/schema';
import { App } from './ui/App';
import { storageKey } from './ui/persistence';
import { LoadError, Loading } from './ui/StatusViews';
import css from './ui/styles.css?inline';

type LoadState = { kind: 'loading' } | { kind: 'ready'; questionnaire: Questionnaire } | { kind: 'error'; problems: Problem[] };

let sharedSheet: CSSStyleSheet | undefined;
/** One constructed stylesheet shared by every instance: no inline styles, so strict CSP holds. */
function adoptStyles(root: ShadowRoot) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    sharedSheet ??= new CSSStyleSheet();
    if (sharedSheet.cssRules.length === 0) sharedSheet.replaceSync(css);
    root.adoptedStyleSheets = [sharedSheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/** While printing the summary, only this element is printed (the page around it is hidden). */
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  symptom-check[data-sc-printing], symptom-check[data-sc-printing] * { visibility: visible !important; }
  symptom-check[data-sc-printing] { position: absolute !important; inset: 0 auto auto 0 !important; width: 100% !important; }
}`;

export class SymptomCheckElement extends HTMLElement {
  static readonly observedAttributes = ['rules-src', 'lang', 'persist', 'emergency-number'];

  /** Milliseconds to wait for `rules-src`. */
  fetchTimeout = 15_000;

  #rules: unknown = undefined;
  #state: LoadState = { kind: 'loading' };
  #mount: HTMLDivElement;
  #loads = 0;
  #abort: AbortController | undefined;

  constructor() {
    super();
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    this.#mount = document.createElement('div');
    this.#mount.className = 'container';
    this.#mount.setAttribute('part', 'container');
    shadow.append(this.#mount);
  }

  get rules(): unknown {
    return this.#rules;
  }
  set rules(value: unknown) {
    this.#rules = value;
    if (this.isConnected) void this.#load();
  }

  connectedCallback() {
    void this.#load();
  }

  disconnectedCallback() {
    this.#abort?.abort();
    this.#loads++;
    render(null, this.#mount);
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null) {
    if (previous === value || !this.isConnected) return;
    if (name === 'rules-src') void this.#load();
    else this.#render();
  }

  /** The language asked for: the attribute, else the page's nearest `lang`, else English. */
  #requestedLanguage(): string {
    return this.getAttribute('lang') || this.parentElement?.closest('[lang]')?.getAttribute('lang') || 'en';
  }

  async #load() {
    const load = ++this.#loads;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#state = { kind: 'loading' };
    this.#render();
    const state = await this.#fetchRules().catch((error: unknown): LoadState => ({ kind: 'error', problems: [{ file: this.#source(), path: '$', message: String((error as Error)?.message ?? error) }] }));
    if (load !== this.#loads) return; // a newer load (or a removal) took over
    this.#state = state;
    this.#render();
    if (state.kind === 'ready') emit(this, 'sc-ready', { questionnaire: { id: state.questionnaire.id, version: state.questionnaire.version }, lang: this.#language(state.questionnaire) });
    else if (state.kind === 'error') emit(this, 'sc-error', { problems: state.problems });
  }

  #source(): string {
    return this.#rules !== undefined ? 'rules' : (this.getAttribute('rules-src') ?? 'built-in rules');
  }

  async #fetchRules(): Promise<LoadState> {
    if (this.#rules !== undefined) {
      const { checkQuestionnaire } = await import('./questionnaire/browserLoader');
      const result = checkQuestionnaire(this.#rules, 'rules');
      return result.ok ? { kind: 'ready', questionnaire: result.questionnaire } : { kind: 'error', problems: result.problems };
    }
    const src = this.getAttribute('rules-src');
    if (!src) {
      const { builtinRules } = await import('./builtinRules');
      return { kind: 'ready', questionnaire: builtinRules };
    }
    const [{ loadQuestionnaire, MAX_FILE_BYTES }, text] = await Promise.all([import('./questionnaire/browserLoader'), this.#fetchText(src)]);
    if (typeof text !== 'string') return text;
    if (text.length > MAX_FILE_BYTES) return fail(src, `the file is too large (${(text.length / 1e6).toFixed(1)} MB); a questionnaire may be at most ${MAX_FILE_BYTES / 1e6} MB`);
    const result = loadQuestionnaire(text, src);
    return result.ok ? { kind: 'ready', questionnaire: result.questionnaire } : { kind: 'error', problems: result.problems };
  }

  async #fetchText(src: string): Promise<string | LoadState> {
    const abort = new AbortController();
    this.#abort = abort;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.fetchTimeout);
    try {
      const response = await fetch(src, { signal: abort.signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) return fail(src, `could not load the questionnaire: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      const length = Number(response.headers.get('content-length'));
      if (length > 2_000_000) return fail(src, `the file is too large (${(length / 1e6).toFixed(1)} MB); a questionnaire may be at most 2 MB`);
      return await response.text();
    } catch (error) {
      if (timedOut) return fail(src, `the questionnaire took too long to load (no answer within ${Math.round(this.fetchTimeout / 1000)} s)`);
      return fail(src, `could not load the questionnaire: ${(error as Error)?.message ?? 'network error'}`);
    } finally {
      clearTimeout(timer);
    }
  }

  #language(questionnaire?: Questionnaire): string {
    const requested = this.#requestedLanguage();
    if (!questionnaire || questionnaire.languages.includes(requested)) return requested;
    const base = baseLanguage(requested);
    return questionnaire.languages.includes(base) ? base : requested;
  }

  #render() {
    const state = this.#state;
    const lang = this.#language(state.kind === 'ready' ? state.questionnaire : undefined);
    const shown = hasStrings(lang) ? baseLanguage(lang) : 'en';
    const t = stringsFor(lang);
    this.#mount.lang = shown;
    this.#mount.dir = t.dir;
    this.#mount.setAttribute('aria-label', t.widgetLabel);
    this.#mount.setAttribute('role', 'region');
    if (state.kind === 'loading') return render(h(Loading, { t }), this.#mount);
    if (state.kind === 'error') return render(h(LoadError, { t, problems: state.problems }), this.#mount);
    const persist = this.getAttribute('persist') === 'session';
    const questionnaire = state.questionnaire;
    render(
      h(App, {
        key: `${this.#loads}:${persist}`,
        questionnaire,
        lang,
        emergencyNumber: this.getAttribute('emergency-number') ?? undefined,
        persistKey: persist ? storageKey(questionnaire, this.id) : undefined,
        onStep: (progress) => emit(this, 'sc-step', { ...progress }),
        onComplete: (detail) => emit(this, 'sc-complete', detail),
        onPrint: () => this.#print(),
      }),
      this.#mount,
    );
  }

  #print() {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PRINT_CSS);
    const before = document.adoptedStyleSheets;
    document.adoptedStyleSheets = [...before, sheet];
    this.setAttribute('data-sc-printing', '');
    const done = () => {
      this.removeAttribute('data-sc-printing');
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
    window.addEventListener('afterprint', done, { once: true });
    window.print();
  }
}

function fail(file: string, message: string): LoadState {
  return { kind: 'error', problems: [{ file, path: '$', message }] };
}

declare global {
  interface HTMLElementTagNameMap {
    'symptom-check': SymptomCheckElement;
  }
}
