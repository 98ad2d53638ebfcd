/** The `<symptom-check>` custom element: see the class's documentation below. */
import { h, render } from 'preact';
import { emit, type CompleteDetail } from './events';
import type { CompleteDetail as RunDetail } from './ui/App';
import { baseLanguage, hasStrings, languageNames, loadStrings, stringsFor, stringsReady } from './i18n/index';
import type { Problem } from './questionnaire/problem';
import type { Questionnaire } from './questionnaire/schema';
import { builtinFirst, builtinFirstNow, builtinLanguages, builtinRules } from './builtinRules';
import { App } from './ui/App';
import { RenderGuard } from './ui/RenderGuard';
import { drawIntroNow } from './ui/introNow';
import { hasKeptRun, storageKey } from './ui/storageKey';
import { LoadError, Loading } from './ui/StatusViews';
import css from './ui/styles.css?inline';

/** `complete` is false while only the first screens' part of the built-in rules is loaded. */
type Ready = { kind: 'ready'; questionnaire: Questionnaire; complete: boolean };
type LoadState =
  | { kind: 'loading' }
  | Ready
  /** `midRun`: the run had started and had to stop; `emergencyNumber` is its questionnaire's. */
  | { kind: 'error'; problems: Problem[]; midRun?: boolean; emergencyNumber?: string };

const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();
/**
 * Constructed stylesheets, one per text and document, shared by every instance there: no inline
 * styles, so strict CSP holds. A sheet serves only the document it was made for (an element
 * moved into an iframe needs the iframe's own).
 */
function adoptStyles(root: ShadowRoot, text: string) {
  // Every browser with adoptedStyleSheets constructs sheets (replaceSync) too.
  if ('adoptedStyleSheets' in root) {
    const page = root.ownerDocument;
    const Sheet = page.defaultView?.CSSStyleSheet;
    if (!Sheet) return; // a document without a window (one made by a script) shows nothing anyway
    const made = sheets.get(page) ?? new Map<string, CSSStyleSheet>();
    sheets.set(page, made);
    let sheet = made.get(text);
    if (!sheet) {
      sheet = new Sheet();
      sheet.replaceSync(text);
      made.set(text, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    // Older browsers (Safari before 16.4): a <style> element.
    const style = document.createElement('style');
    style.textContent = text;
    (root as ShadowRoot).append(style);
  }
}

const MAX_TIMEOUT = 2 ** 31 - 1;

/** Removes `object`'s own property `name`, returning what it held (undefined when it had none). */
function takeOwnProperty(object: object, name: string): { value: unknown } | undefined {
  if (!Object.hasOwn(object, name)) return undefined;
  const own = object as Record<string, unknown>;
  try {
    return { value: own[name] };
  } catch (error) {
    // A page's getter that throws: thrown here, it would break the element (the default stays).
    console.error(error);
    return undefined;
  } finally {
    delete own[name];
  }
}

/**
 * A server rendering the page (Next.js, Nuxt, Astro…) imports this module where there is no
 * HTMLElement: the import must not throw there. The element is defined only in a browser. The
 * global's name is kept so that tools reading the source (the custom-elements manifest) see it.
 */
const HTMLElement: typeof globalThis.HTMLElement = globalThis.HTMLElement ?? (class {} as typeof globalThis.HTMLElement);

/**
 * `<symptom-check>`: a private, plain-language symptom self-assessment.
 *
 * @tag symptom-check
 * @summary Asks one question a screen and tells the patient what to discuss with a doctor, and how soon.
 * Moving the element on the page keeps the run where it was.
 *
 * @attr {string} rules-src - URL of a questionnaire JSON file; without it, the built-in lupus questionnaire.
 * @attr {string} lang - "en" or "hi" (else the nearest `lang` on the page); a language the questionnaire lacks falls back to its first.
 * @attr {"session"} persist - "session" offers the patient to keep their answers in sessionStorage across reloads (unticked until they agree), with a "Clear my answers" button. Off by default.
 * @attr {string} emergency-number - The number to call in an emergency; overrides the questionnaire's.
 *
 * @prop {unknown} rules - A questionnaire object, or its JSON text; takes precedence over rules-src.
 * @prop {number} fetchTimeout - Milliseconds to wait for rules-src before giving up (default 15000; 1 to 2147483647, else a RangeError).
 * Both properties may be set before the element is defined: it takes them over.
 *
 * @fires {CustomEvent<ReadyDetail>} sc-ready - The questionnaire loaded; detail `{ questionnaire: {id, version}, lang }`.
 * @fires {CustomEvent<StepDetail>} sc-step - A new screen; detail `{ step, index, total }`.
 * @fires {CustomEvent<CompleteDetail>} sc-complete - The advice is shown (again if the patient switches language there); detail `{ answers, guidance, questionnaire: {id, version}, stoppedEarly, lang, fhir }`.
 * @fires {CustomEvent<ErrorDetail>} sc-error - The questionnaire could not be loaded, or the run had to stop (the rest of the questions or the next screens' code failed to load, a screen failed to show); detail `{ problems }`.
 * @fires {CustomEvent<LanguageDetail>} sc-language - The patient switched the widget's language with its language buttons (not when the page sets `lang`), once the screen speaks it; detail `{ lang }`.
 *
 * @csspart container - The widget's box.
 * @csspart intro - The first screen.
 * @csspart question - A question screen.
 * @csspart review - The review screen.
 * @csspart result - The advice screen.
 * @csspart heading - Each screen's heading.
 * @csspart progress - "Question 4 of 17".
 * @csspart option - One answer choice.
 * @csspart input - A native input.
 * @csspart button - Every button.
 * @csspart button-primary - The main action of a screen.
 * @csspart error - An input error, or the load error.
 * @csspart emergency - The emergency banner with the number to call.
 * @csspart emergency-number - The number to call (a link where a phone can dial it).
 * @csspart level - A group of advice of one urgency.
 * @csspart level-emergency - The group of emergency advice.
 * @csspart level-urgent - The group of same-day advice.
 * @csspart level-soon - The group of within-days advice.
 * @csspart level-routine - The group of appointment advice.
 * @csspart level-info - The group of information.
 * @csspart urgent-so-far - Same-day advice shown above the questions once an answer calls for it.
 * @csspart guidance - One piece of advice.
 * @csspart disclaimer - The "not a diagnosis" notice.
 * @csspart privacy - The intro's promise that nothing is sent (replace it through the privacy slot).
 * @csspart summary - The printed summary.
 * @csspart loading - The loading message.
 * @csspart languages - The buttons that switch to the questionnaire's other languages (hide it to offer one language only).
 * @csspart language - Each of those buttons.
 * @slot privacy - Your words in place of the intro's "Nothing is sent anywhere", for a page that sends the answers on (ask the patient first).
 *
 * @cssprop --sc-color-text - Body text. Colours default to light or dark as the page's color-scheme is; on a page that supports dark mode, give light-dark(light, dark).
 * @cssprop --sc-color-muted - Secondary text.
 * @cssprop --sc-color-background - The widget's background.
 * @cssprop --sc-color-surface - Answer boxes and notices.
 * @cssprop --sc-color-border - Borders.
 * @cssprop --sc-color-accent - Buttons, selected answers, links.
 * @cssprop --sc-color-accent-text - Text on accent-coloured buttons.
 * @cssprop --sc-color-focus - The focus ring.
 * @cssprop --sc-color-error - Input errors.
 * @cssprop --sc-color-emergency - The emergency banner.
 * @cssprop --sc-color-emergency-text - Text on the emergency banner.
 * @cssprop --sc-color-urgent - The bar beside same-day advice.
 * @cssprop --sc-color-soon - The bar beside within-days advice.
 * @cssprop --sc-color-routine - The bar beside appointment advice.
 * @cssprop --sc-color-info - The bar beside information.
 * @cssprop --sc-font-family - The typeface.
 * @cssprop --sc-font-size - The base text size (default 1.125em of the patient's default text size, not the page's root size).
 * @cssprop --sc-radius - Corner radius.
 * @cssprop --sc-space - The spacing unit (default 0.89em of the text).
 * @cssprop --sc-max-width - The widest the widget grows (default 40em of the text).
 */
export class SymptomCheckElement extends HTMLElement {
  static readonly observedAttributes = ['rules-src', 'lang', 'persist', 'emergency-number'];

  #rules: unknown;
  #fetchTimeout = 15_000;
  #state: LoadState = { kind: 'loading' };
  #mount: HTMLDivElement;
  /** Bumped by every load, language change and removal mid-load: a slower, older one must not win. */
  #generation = 0;
  /** Bumped when the questionnaire's source changes: a new run. A language change keeps the run. */
  #source = 0;
  #abort: AbortController | undefined;
  /** connectedCallback has run (an upgrade reports the attributes before it). */
  #connected = false;
  /** The latest load has finished (sc-ready or sc-error sent). */
  #settled = false;
  /** What the latest load read: a re-added element with the same source keeps its run. */
  #loadedFrom: { rules: unknown; src: string | null } | undefined;
  /** The language the patient chose in the widget; a new `lang` from the page replaces it. */
  #chosenLanguage: string | undefined;
  /** The language last shown. */
  #shownLanguage = '';
  /** persist="session"'s code, loaded only for a page that sets it; and its load under way. */
  #store: typeof import('./ui/persistence') | undefined;
  #storeLoading: Promise<void> | undefined;
  /** The patient has left the intro of this run. */
  #begun = false;
  /** The rest of the built-in questions could not load for this run. */
  #restFailed: Problem[] | undefined;
  /** Watches the page's `lang` attributes while connected (a page that switches its language). */
  #pageLanguage = new MutationObserver(() => {
    const state = this.#state;
    if (this.#settled && state.kind === 'ready' && this.#language(state.questionnaire) !== this.#shownLanguage) void this.#changeLanguage();
  });
  /** The stopped state whose message was first drawn (and took focus, if the patient had no other place). */
  #focused: LoadState | undefined;
  /** Something was drawn into the mount: the intro drawn without Preact is for the very first draw only. */
  #drawn = false;
  /** While that intro shows: stops its wait for Preact to take it over. */
  #stopWaitingForPreact: (() => void) | undefined;

  constructor() {
    super();
    // A page script may set properties before this script defines the element (it loads
    // deferred or async): those became the element's own and would hide the accessors below.
    const early = { rules: takeOwnProperty(this, 'rules'), fetchTimeout: takeOwnProperty(this, 'fetchTimeout') };
    if (early.rules) this.#rules = early.rules.value;
    if (early.fetchTimeout) {
      try {
        this.fetchTimeout = early.fetchTimeout.value as number;
      } catch (error) {
        console.error(error); // thrown here, it would break the element: the default stays
      }
    }
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    adoptStyles(shadow, css);
    this.#mount = createMount();
    shadow.append(this.#mount);
  }

  /** Milliseconds to wait for `rules-src`. */
  get fetchTimeout(): number {
    return this.#fetchTimeout;
  }
  set fetchTimeout(ms: number) {
    const value = Number(ms);
    // setTimeout treats anything above 2^31 - 1 ms (about 24 days) as 1 ms.
    if (!(value > 0 && value <= MAX_TIMEOUT)) throw new RangeError(`symptom-check: fetchTimeout must be from 1 to ${MAX_TIMEOUT} (milliseconds), not ${String(ms)}`);
    this.#fetchTimeout = value;
  }

  get rules(): unknown {
    return this.#rules;
  }
  set rules(value: unknown) {
    // The same questionnaire again (a page that sets its options on every render) keeps the run,
    // as an attribute set to the value it has does; a new object is a new questionnaire. One that
    // could not load is tried again (its code may not have loaded).
    if (value === this.#rules && this.#state.kind !== 'error') return;
    this.#rules = value;
    if (this.isConnected) void this.#load();
  }

  connectedCallback() {
    this.#connected = true;
    // The page's own language counts when neither the element's lang nor the patient's choice is
    // set (#requestedLanguage): followed as the page switches it, as an SPA's language menu does.
    this.#pageLanguage.observe(this.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    // Added again (moved, or taken out and put back): the run goes on, answers and all, unless
    // its source changed meanwhile (attribute changes wait while the element is out).
    const from = this.#loadedFrom;
    if (this.#settled && this.#state.kind === 'ready' && from && from.rules === this.#rules && from.src === this.getAttribute('rules-src')) {
      const { questionnaire } = this.#state;
      if (this.#language(questionnaire) !== this.#shownLanguage) void this.#changeLanguage();
      else this.#render();
      this.#applyPersist(); // set while the element was out
      return;
    }
    void this.#load();
  }

  /**
   * Moved into another document (an iframe's): its stylesheets, made for this one, are gone, and
   * Preact would make the screens' elements with this document's registry, which the other one
   * refuses (Chromium); it had gone blank and thrown at the first tap. There it shows the plain
   * stopped message, with the number to call, and tells the page why; moved back, it starts afresh.
   */
  adoptedCallback() {
    render(null, this.#mount);
    const shadow = this.shadowRoot!;
    if ('adoptedStyleSheets' in shadow) {
      shadow.adoptedStyleSheets = [];
      adoptStyles(shadow, css);
    }
    this.#source++;
    if (this.ownerDocument === document) return; // connectedCallback loads it again
    const state = this.#state;
    this.#fail(
      [{ file: 'symptom-check', path: '$', message: 'moved into another document (an iframe): it cannot run there; load its script in that document and add the element there' }],
      state.kind === 'ready' ? state.questionnaire : undefined,
    );
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#pageLanguage.disconnect();
    // A load under way stops (a new one starts if the element comes back); a finished load and
    // the run are kept, so that a move loses nothing, but let go of the window (the leave
    // warning's listeners), which would keep an element taken off for good alive.
    if (!this.#settled) {
      this.#abort?.abort();
      this.#generation++;
    } else this.#render();
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null) {
    if (previous === value || !this.#connected) return;
    if (name === 'rules-src') void this.#load();
    else if (name === 'lang') {
      this.#chosenLanguage = undefined;
      void this.#changeLanguage();
    } else {
      this.#applyPersist();
      this.#render();
    }
  }

  /**
   * persist set mid-run: the run goes on, and is kept once its code is here (if it cannot load,
   * nothing is kept). Set before the patient started (as by a page that sets it just after
   * adding the element, whose built-in intro shows at once): a kept run resumes (in a fresh App,
   * which reads it); with nothing kept, the intro stays as the patient left it.
   */
  #applyPersist() {
    void this.#loadStore()?.then(() => {
      const state = this.#state;
      if (!this.#begun && state.kind === 'ready' && hasKeptRun(storageKey(state.questionnaire, this.id))) this.#source++;
      this.#render();
    });
  }

  /** The language asked for: the patient's choice, the attribute, else the page's nearest `lang`, else English. */
  #requestedLanguage(): string {
    // Off the page there is no page language: the one shown stays (drawn again there, the advice
    // must not switch language, nor be told to the page again).
    return this.#chosenLanguage || this.getAttribute('lang') || (this.#connected ? this.parentElement?.closest('[lang]')?.getAttribute('lang') : this.#shownLanguage) || 'en';
  }

  #usesBuiltinRules(): boolean {
    return this.#rules === undefined && !this.getAttribute('rules-src');
  }

  async #load() {
    if (this.ownerDocument !== document) return; // moved into another document: stopped (adoptedCallback)
    const generation = ++this.#generation;
    this.#source++;
    this.#loadedFrom = { rules: this.#rules, src: this.getAttribute('rules-src') };
    this.#abort?.abort();
    this.#abort = new AbortController();
    this.#settled = false;
    this.#begun = false;
    this.#restFailed = undefined;
    // The default language's first screens and strings are in this file: the intro shows at once.
    // persist="session" must read a kept run before the run starts: if one is kept, its code
    // comes first; if not (a first visit), the intro shows at once and the code follows.
    const store = this.#loadStore();
    const ready = this.#readyNow();
    const now = store && ready && hasKeptRun(storageKey(ready.questionnaire, this.id)) ? undefined : ready;
    this.#state = now ?? { kind: 'loading' };
    this.#render();
    const state =
      now ??
      (await this.#loadRules(this.#abort.signal).catch(
        (error: unknown): LoadState => ({ kind: 'error', problems: [{ file: this.#sourceName(), path: '$', message: errorText(error) }] }),
      ));
    // If the strings cannot load (a network fault), the widget speaks English rather than failing.
    await loadStrings(this.#language(state.kind === 'ready' ? state.questionnaire : undefined)).catch(() => undefined);
    // persist's code (started above, or by the page setting persist meanwhile): a kept run is
    // read only when the run starts, so a run not shown yet waits for it. One shown at once
    // (nothing kept) is settled now, as without persist: the code joins the run when it comes.
    if (!now) for (let loading; (loading = this.#storeLoading); ) await loading;
    if (generation !== this.#generation) return; // a newer load, language change or removal took over
    this.#settled = true;
    if (state !== now) {
      this.#state = state;
      this.#render();
    } else if (store) void store.then(() => this.#render());
    if (state.kind === 'ready') emit(this, 'sc-ready', { questionnaire: { id: state.questionnaire.id, version: state.questionnaire.version }, lang: this.#language(state.questionnaire) });
    else if (state.kind === 'error') emit(this, 'sc-error', { problems: state.problems });
  }

  /**
   * A new language keeps the run: only the texts change (the built-in rules load per language).
   * True once the screen speaks it; false if a newer load or change took over meanwhile.
   */
  async #changeLanguage(): Promise<boolean> {
    const state = this.#state;
    // Still loading: start again in the new language (the load under way would be dropped).
    if (!this.#settled) {
      await this.#load();
      return false;
    }
    const generation = ++this.#generation;
    const [next] = await Promise.all([
      // Past the intro, the whole questionnaire in the new language (the load of the rest under
      // way is dropped with this change).
      state.kind === 'ready' && this.#usesBuiltinRules() ? this.#builtin(state.complete || this.#begun).catch((): LoadState => state) : Promise.resolve(state),
      loadStrings(this.#language(state.kind === 'ready' ? state.questionnaire : undefined)).catch(() => undefined),
    ]);
    if (generation !== this.#generation) return false;
    this.#state = next;
    this.#render();
    return true;
  }

  /** Once past the intro, the rest of the built-in texts load while the patient reads. */
  async #completeRules() {
    const state = this.#state;
    if (state.kind !== 'ready' || state.complete || this.#restFailed) return; // once a run: sc-error has told the page
    const generation = this.#generation;
    try {
      const next = await this.#builtin(true);
      if (generation !== this.#generation) return;
      this.#state = next;
      this.#render();
    } catch (error) {
      if (generation !== this.#generation) return;
      // The run goes on as far as it can (the red flags, an emergency result's heading and
      // number); the screens that need the rest show the stopped message (App).
      const problems = [{ file: 'built-in rules', path: '$', message: `could not load the rest of the questions: ${errorText(error)}` }];
      this.#restFailed = problems;
      this.#render();
      emit(this, 'sc-error', { problems });
    }
  }

  /** Loads persist="session"'s code when the page asks for it and it is not here yet. */
  #loadStore(): Promise<void> | undefined {
    if (this.getAttribute('persist') !== 'session' || this.#store) return undefined;
    // Never rejects: without the code, nothing is kept (and a later load tries again).
    return (this.#storeLoading ??= import('./ui/persistence').then(
      (store) => {
        this.#store = store;
      },
      () => undefined,
    ).finally(() => (this.#storeLoading = undefined)));
  }

  /** Mid-run, the run cannot go on: the plain "stopped" screen with the number to call, and sc-error for the page. */
  #fail(problems: Problem[], questionnaire: Questionnaire | undefined) {
    this.#generation++; // nothing under way may bring the run back
    this.#state = { kind: 'error', problems, midRun: true, emergencyNumber: questionnaire?.emergencyNumber };
    this.#render();
    emit(this, 'sc-error', { problems });
  }

  /** The page's number; blank (a CMS field left empty, only spaces) leaves the questionnaire's. */
  #emergencyNumber(): string | undefined {
    return this.getAttribute('emergency-number')?.trim() || undefined;
  }

  #sourceName(): string {
    return this.#rules !== undefined ? 'rules' : (this.getAttribute('rules-src') ?? 'built-in rules');
  }

  async #builtin(complete: boolean): Promise<LoadState> {
    const lang = this.#requestedLanguage();
    return { kind: 'ready', questionnaire: await (complete ? builtinRules(lang) : builtinFirst(lang)), complete };
  }

  /** The first screens' state when nothing needs loading: the built-in rules and strings are at hand. */
  #readyNow(): Ready | undefined {
    const questionnaire = this.#usesBuiltinRules() ? builtinFirstNow(this.#requestedLanguage()) : undefined;
    if (questionnaire && stringsReady(this.#language(questionnaire))) return { kind: 'ready', questionnaire, complete: false };
  }

  async #loadRules(signal: AbortSignal): Promise<LoadState> {
    if (this.#usesBuiltinRules()) return this.#builtin(false);
    const remote = await import('./remoteRules');
    const result = this.#rules !== undefined ? remote.checkRulesObject(this.#rules) : await remote.fetchRules(this.getAttribute('rules-src')!, this.fetchTimeout, signal);
    return result.ok ? { kind: 'ready', questionnaire: result.questionnaire, complete: true } : { kind: 'error', problems: result.problems };
  }

  /**
   * The language shown, and reported in events: the one asked for, else its base language, if
   * the questionnaire has it; else the questionnaire's first (so the buttons never speak Hindi
   * around English questions, and a date is never written in a language not shown).
   */
  #language(questionnaire?: Questionnaire): string {
    const requested = this.#requestedLanguage();
    if (!questionnaire) return requested;
    // The built-in rules load one language a part.
    const languages = this.#usesBuiltinRules() ? builtinLanguages : questionnaire.languages;
    const base = baseLanguage(requested);
    return languages.includes(requested) ? requested : languages.includes(base) ? base : (languages[0] ?? 'en');
  }

  #render() {
    if (this.ownerDocument === document) return this.#draw();
    // In another document only the stopped message shows, drawn into a mount of that document
    // before it enters the shadow root (where Preact could not make its elements).
    if (this.#state.kind !== 'error') return;
    const shown = this.#mount;
    this.#mount = createMount(this.ownerDocument);
    this.#draw();
    shown.replaceWith(this.#mount);
  }

  #draw() {
    const state = this.#state;
    const lang = this.#language(state.kind === 'ready' ? state.questionnaire : undefined);
    const t = stringsFor(lang);
    this.#shownLanguage = lang;
    this.#mount.lang = hasStrings(lang) ? baseLanguage(lang) : 'en';
    this.#mount.dir = t.dir;
    this.#mount.setAttribute('aria-label', t.widgetLabel);
    const firstDraw = !this.#drawn;
    this.#drawn = true;
    this.#stopWaitingForPreact?.();
    if (state.kind === 'loading') return render(h(Loading, { t }), this.#mount);
    if (state.kind === 'error') {
      return render(
        h(LoadError, {
          t,
          ...state,
          // The page's number, if set (read now: the page may change it after the run stopped);
          // else the questionnaire's; a questionnaire that could not load has none: for the
          // built-in rules (a language's part failed to load), the one in this file.
          emergencyNumber:
            this.#emergencyNumber() || state.emergencyNumber || (this.#usesBuiltinRules() ? builtinFirstNow(builtinLanguages[0]!)!.emergencyNumber : undefined),
          // A run that stopped replaced the screen the patient was on: their place is now the
          // message (unless they were elsewhere on the page). Once: a later render (the page
          // setting an attribute) must not pull focus back.
          headingRef: (heading) => {
            if (heading && state.midRun && this.#focused !== state) {
              this.#focused = state;
              if (document.activeElement === document.body) heading.focus();
            }
          },
        }),
        this.#mount,
      );
    }
    const questionnaire = state.questionnaire;
    // The built-in rules come one language a part; other languages than the texts' (the one
    // asked for if the questionnaire has it, else its first).
    const otherLanguages = (this.#usesBuiltinRules() ? builtinLanguages : questionnaire.languages).filter(
      (code) => code !== (questionnaire.languages.includes(lang) ? lang : questionnaire.languages[0]) && code in languageNames,
    );
    // The built-in intro on the page's first frame: drawn with plain DOM calls, which Preact takes
    // over after that frame (at 4x CPU, Preact's first, cold render takes 10 to 30 ms more).
    // Not with persist: its intro has a checkbox, and may resume a kept run instead.
    if (firstDraw && this.getAttribute('persist') !== 'session') {
      drawIntroNow(this.#mount, { questionnaire, lang, t, otherLanguages });
      this.#stopWaitingForPreact = this.#preactTakesOverSoon();
      return;
    }
    // Offered while its code loads (nothing was kept: see #load); not if it cannot load.
    const persist =
      this.getAttribute('persist') === 'session' && (this.#store || this.#storeLoading) ? { key: storageKey(questionnaire, this.id), store: this.#store } : undefined;
    render(
      h(
        RenderGuard,
        // A new source is a new run (and a fresh guard); a change of persist is not (App handles it).
        {
          key: this.#source,
          onError: (error) => {
            // A saved run would fail the same way after the reload the message asks for.
            persist?.store?.clearResume(persist.key);
            this.#fail([{ file: 'symptom-check', path: '$', message: `could not show the screen: ${errorText(error)}` }], questionnaire);
          },
        },
        h(App, {
          questionnaire,
          complete: state.complete,
          restFailed: this.#restFailed,
          lang,
          emergencyNumber: this.#emergencyNumber(),
          persist,
          onPage: this.#connected,
          onStep: (progress) => {
            if (progress.step !== 'intro') {
              this.#begun = true;
              void this.#completeRules();
            }
            emit(this, 'sc-step', progress); // made afresh for each screen: the page may keep it
          },
          onComplete: (detail) => void this.#reportComplete(questionnaire, detail),
          // The result screen's code, which prints, is loaded by the time the patient can print.
          onPrint: () => void import('./ui/lateScreens').then((late) => late.printWidget(this), () => window.print()),
          otherLanguages,
          onLanguage: (code) => {
            this.#chosenLanguage = code;
            // The page hears of it once the screen speaks it (a page's own language menu can follow).
            void this.#changeLanguage().then((shown) => shown && emit(this, 'sc-language', { lang: this.#shownLanguage }));
          },
          adoptStyles: (text) => adoptStyles(this.shadowRoot!, text),
          onError: (problems) => emit(this, 'sc-error', { problems }),
        }),
      ),
      this.#mount,
    );
  }

  /**
   * Preact draws the intro drawn without it just after the first frame, or at once when the
   * patient (or a script) reaches for it first: a tap, a key, focus or a click is handled by
   * Preact's own listeners, added to the very nodes the event is on its way to.
   */
  #preactTakesOverSoon(): () => void {
    const mount = this.#mount;
    const takeOver = () => this.#render();
    const reaches = ['pointerdown', 'keydown', 'focusin', 'click'];
    for (const kind of reaches) mount.addEventListener(kind, takeOver, true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(takeOver)));
    return () => {
      this.#stopWaitingForPreact = undefined;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      for (const kind of reaches) mount.removeEventListener(kind, takeOver, true);
    };
  }

  /** sc-complete, with the answers as a FHIR QuestionnaireResponse (its code loads only now). */
  async #reportComplete(questionnaire: Questionnaire, detail: RunDetail) {
    const generation = this.#generation;
    let fhir: CompleteDetail['fhir'];
    let failure: unknown;
    try {
      const { toFhirQuestionnaireResponse } = await import('./fhir/response');
      // "completed": the patient reached the advice, also when an emergency stopped the questions early.
      fhir = toFhirQuestionnaireResponse(questionnaire, detail.answers, { authored: new Date().toISOString(), lang: detail.lang, status: 'completed' });
    } catch (error) {
      failure = error;
    }
    if (generation !== this.#generation) return;
    // Without that code (a network fault, a redeploy that removed the old chunks) the page still
    // gets the answers and advice, and sc-error says why the FHIR record is missing.
    emit(this, 'sc-complete', fhir ? { ...detail, fhir } : detail);
    if (!fhir) emit(this, 'sc-error', { problems: [{ file: 'symptom-check', path: '$', message: `could not write the answers as FHIR: ${errorText(failure)}` }] });
  }
}

function errorText(error: unknown): string {
  return String((error as Error)?.message ?? error);
}

/** The box the widget renders into, inside the shadow root. */
function createMount(page = document): HTMLDivElement {
  const mount = page.createElement('div');
  mount.className = 'container';
  mount.setAttribute('part', 'container');
  mount.setAttribute('role', 'region');
  return mount;
}

declare global {
  interface HTMLElementTagNameMap {
    'symptom-check': SymptomCheckElement;
  }
}
