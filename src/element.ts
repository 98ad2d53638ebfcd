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
import { baseLanguage, hasStrings, loadStrings, stringsFor } from './i18n/index';
import type { Problem } from './questionnaire/problem';
import type { Questionnaire } from './questionnaire/schema';
import { builtinFirst, builtinRules } from './builtinRules';
import { App } from './ui/App';
import { storageKey } from './ui/persistence';
import { LoadError, Loading } from './ui/StatusViews';
import css from './ui/styles.css?inline';

/** `complete` is false while only the first screens' part of the built-in rules is loaded. */
type LoadState = { kind: 'loading' } | { kind: 'ready'; questionnaire: Questionnaire; complete: boolean } | { kind: 'error'; problems: Problem[] };

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
  /** Bumped by every load, language change and removal: a slower, older one must not win. */
  #generation = 0;
  /** Bumped when the questionnaire's source changes: a new run. A language change keeps the run. */
  #source = 0;
  #abort: AbortController | undefined;

  constructor() {
    super();
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    this.#mount = document.createElement('div');
    this.#mount.className = 'container';
    this.#mount.setAttribute('part', 'container');
    this.#mount.setAttribute('role', 'region');
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
    this.#generation++;
    render(null, this.#mount);
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null) {
    if (previous === value || !this.isConnected) return;
    if (name === 'rules-src') void this.#load();
    else if (name === 'lang') void this.#changeLanguage();
    else this.#render();
  }

  /** The language asked for: the attribute, else the page's nearest `lang`, else English. */
  #requestedLanguage(): string {
    return this.getAttribute('lang') || this.parentElement?.closest('[lang]')?.getAttribute('lang') || 'en';
  }

  #usesBuiltinRules(): boolean {
    return this.#rules === undefined && !this.getAttribute('rules-src');
  }

  async #load() {
    const generation = ++this.#generation;
    this.#source++;
    this.#abort?.abort();
    this.#abort = new AbortController();
    this.#state = { kind: 'loading' };
    this.#render();
    const state = await this.#loadRules(this.#abort.signal).catch(
      (error: unknown): LoadState => ({ kind: 'error', problems: [{ file: this.#sourceName(), path: '$', message: String((error as Error)?.message ?? error) }] }),
    );
    await loadStrings(this.#language(state.kind === 'ready' ? state.questionnaire : undefined));
    if (generation !== this.#generation) return; // a newer load, language change or removal took over
    this.#state = state;
    this.#render();
    if (state.kind === 'ready') emit(this, 'sc-ready', { questionnaire: { id: state.questionnaire.id, version: state.questionnaire.version }, lang: this.#language(state.questionnaire) });
    else if (state.kind === 'error') emit(this, 'sc-error', { problems: state.problems });
  }

  /** A new language keeps the run: only the texts change (the built-in rules load per language). */
  async #changeLanguage() {
    const generation = ++this.#generation;
    const state = this.#state;
    const [next] = await Promise.all([
      state.kind === 'ready' && this.#usesBuiltinRules() ? this.#builtin(state.complete) : Promise.resolve(state),
      loadStrings(this.#language(state.kind === 'ready' ? state.questionnaire : undefined)),
    ]);
    if (generation !== this.#generation) return;
    this.#state = next;
    this.#render();
  }

  /** Once past the intro, the rest of the built-in texts load while the patient reads. */
  async #completeRules() {
    const state = this.#state;
    if (state.kind !== 'ready' || state.complete) return;
    const generation = this.#generation;
    const next = await this.#builtin(true).catch((): LoadState => state);
    if (generation !== this.#generation || next === state) return;
    this.#state = next;
    this.#render();
  }

  #sourceName(): string {
    return this.#rules !== undefined ? 'rules' : (this.getAttribute('rules-src') ?? 'built-in rules');
  }

  async #builtin(complete: boolean): Promise<LoadState> {
    const lang = this.#requestedLanguage();
    return { kind: 'ready', questionnaire: await (complete ? builtinRules(lang) : builtinFirst(lang)), complete };
  }

  async #loadRules(signal: AbortSignal): Promise<LoadState> {
    if (this.#usesBuiltinRules()) return this.#builtin(false);
    const remote = await import('./remoteRules');
    const result = this.#rules !== undefined ? remote.checkRulesObject(this.#rules) : await remote.fetchRules(this.getAttribute('rules-src')!, this.fetchTimeout, signal);
    return result.ok ? { kind: 'ready', questionnaire: result.questionnaire, complete: true } : { kind: 'error', problems: result.problems };
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
    const t = stringsFor(lang);
    this.#mount.lang = hasStrings(lang) ? baseLanguage(lang) : 'en';
    this.#mount.dir = t.dir;
    this.#mount.setAttribute('aria-label', t.widgetLabel);
    if (state.kind === 'loading') return render(h(Loading, { t }), this.#mount);
    if (state.kind === 'error') return render(h(LoadError, { t, problems: state.problems }), this.#mount);
    const persist = this.getAttribute('persist') === 'session';
    const questionnaire = state.questionnaire;
    render(
      h(App, {
        key: `${this.#source}:${persist}`,
        questionnaire,
        complete: state.complete,
        lang,
        emergencyNumber: this.getAttribute('emergency-number') ?? undefined,
        persistKey: persist ? storageKey(questionnaire, this.id) : undefined,
        onStep: (progress) => {
          if (progress.step !== 'intro') void this.#completeRules();
          emit(this, 'sc-step', { ...progress });
        },
        onComplete: (detail) => emit(this, 'sc-complete', detail),
        onPrint: () => this.#print(),
      }),
      this.#mount,
    );
  }

  #print() {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PRINT_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    this.setAttribute('data-sc-printing', '');
    const done = () => {
      this.removeAttribute('data-sc-printing');
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
    window.addEventListener('afterprint', done, { once: true });
    window.print();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'symptom-check': SymptomCheckElement;
  }
}
