/**
 * The rule playground: edit a questionnaire on the left, see the widget on the right, updated
 * as you type, with every problem (and every lint warning) listed by line and column (click one
 * to go there), and run the vignettes. Everything happens in this page; nothing is sent anywhere.
 * The lint settings beside the editor are the file's lint config, as `symptom-check lint --config`
 * reads one; the language select offers the languages of the questionnaire previewed.
 */
import { json } from '@codemirror/lang-json';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import type { ViewUpdate } from '@codemirror/view';
import { basicSetup, EditorView } from 'codemirror';
import '../src/index';
import { casesSummary, formatCaseProblem, runCasesText, type CaseProblem } from '../src/cases/load';
import { parseLintConfig, type LoadedConfig } from '../src/lint/config';
import { lintLoaded } from '../src/lint/lint';
import { formatLintProblem, type LintProblem } from '../src/lint/problem';
import { loadQuestionnaire } from '../src/questionnaire/load';
import { formatProblem, type Problem } from '../src/questionnaire/problem';
import type { Questionnaire } from '../src/questionnaire/schema';
import lupusCases from '../rules/lupus.cases.json?raw';
import lupusText from '../rules/lupus.json?raw';
import lupusLintConfig from '../rules/lupus.lint.json?raw';
import { offsetOf, readShareHash, shareHash } from './shareLink';

const FILE = 'questionnaire.json';
const CASES_FILE = 'cases.json';
/** The lint settings, as problems in them name them: the lint config `symptom-check lint` looks for beside questionnaire.json. */
const SETTINGS_FILE = 'questionnaire.lint.json';
/** Where lint's hints tell the author to put a question kept for the summary only ("add … under "summaryOnly" in …"). */
const SETTINGS_PLACE = 'the "Lint settings (JSON)" box below the list of problems';
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
type Preview = HTMLElement & { rules: unknown };
/** The widget showing the author's questionnaire; none until the file has loaded once without problems. */
let preview: Preview | undefined;
const previewSlot = $('#preview-slot');
const langSelect = $<HTMLSelectElement>('#lang');
const problemsList = $<HTMLUListElement>('#problems');
const problemsSummary = $('#problems-summary');
const status = $('#tool-status');
const settingsBox = $<HTMLTextAreaElement>('#lint-settings');
/** The last version of the file in the editor without problems (never a questionnaire the author did not write, nor another file's). */
let lastValid: Questionnaire | undefined;
/** The file in the editor replaced the one the preview showed, and has had no version without problems since. */
let replacedPreviewed = false;
let problems: Problem[] = [];
/** The file in the editor when it has no problems: what lint checks. */
let loaded: { questionnaire: Questionnaire; text: string } | undefined;
/** `symptom-check lint`'s warnings in a file without problems. */
let warnings: LintProblem[] = [];
/** What lint found in the lint settings: their mistakes (errors), and decisions in them that do not hold. */
let settingsProblems: LintProblem[] = [];
/** The language the author last picked: chosen again once the questionnaire previewed has it again. */
let chosenLanguage: string | undefined;

/** Problems and lint warnings as editor diagnostics (squiggles and gutter marks), from the same loader and lint as the CLI. */
const diagnostics = linter((view) => {
  const text = view.state.doc.toString();
  const diagnostic = (p: Problem, severity: 'error' | 'warning'): Diagnostic => {
    const from = p.line ? offsetOf(text, p.line, p.column ?? 1) : 0;
    return { from, to: Math.min(from + 1, text.length), severity, message: `${p.path}  ${p.message}${p.hint ? `  (${p.hint})` : ''}` };
  };
  return [...problems.map((p) => diagnostic(p, 'error')), ...warnings.map((w) => diagnostic(w, 'warning'))];
});

const shared = readShareHash(location.hash);

let timer: ReturnType<typeof setTimeout> | undefined;
const editor = new EditorView({
  parent: $('#editor'),
  doc: shared.kind === 'file' ? shared.text : lupusText,
  extensions: [
    basicSetup,
    json(),
    lintGutter(),
    diagnostics,
    EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      if (isAnotherFile(update)) forgetLastValid();
      clearTimeout(timer);
      timer = setTimeout(check, 300);
    }),
  ],
});

// Reachable from the console (and the browser tests) to script edits.
Object.assign(window, { playgroundEditor: editor });

/**
 * Says that the link in the address bar is damaged, and what the editor holds instead of its file:
 * lupus.json (a page opened from the link: there was nothing else to show), or the file that was
 * there when the link arrived (kept: a damaged link never replaces it). Undefined: nothing to say.
 */
function showLinkProblem(kind: 'damaged' | undefined, editorHolds: 'lupus' | 'kept' = 'lupus') {
  const note = $('#link-problem');
  note.hidden = kind === undefined;
  const damaged = 'This share link is damaged: it was cut short or changed on the way, so the file in it cannot be opened.';
  const askAgain = 'Ask whoever sent it for the link again, and copy the whole address.';
  note.textContent =
    kind !== 'damaged'
      ? ''
      : editorHolds === 'lupus'
        ? `${damaged} ${askAgain} The editor shows lupus.json, not the shared file.`
        : `${damaged} ${editor.state.doc.toString() === lupusText ? 'The editor still shows lupus.json, not the shared file.' : 'Your file is still in the editor, unchanged.'} ${askAgain}`;
}

// A link pasted into the address bar of an open playground changes only the hash. A file in it
// replaces the one in the editor (undo brings that back); a damaged one replaces nothing.
window.addEventListener('hashchange', () => {
  const file = readShareHash(location.hash);
  if (file.kind === 'none') return;
  if (file.kind === 'damaged') {
    showLinkProblem('damaged', 'kept');
    return;
  }
  showLinkProblem(undefined);
  settingsBox.value = settingsOf(file);
  replaceFile(file.text);
});

/**
 * Puts another file in the editor: the last good version of the one it replaces is not one of it.
 * One step of its own in the undo history (never joined to the typing before it), so undo brings
 * back the file it replaced.
 */
function replaceFile(text: string) {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text }, userEvent: 'replace-file' });
  forgetLastValid(); // the update listener has done so already: the whole file changed
  check();
}

/**
 * Whether an edit puts another file in the editor, rather than changing the one there: one change
 * (a paste over most of the file, select all and delete or type, a file dropped in) that removes
 * or inserts at least half of the text. Typing, and pasting or deleting a part, are edits of the
 * same file, however many. A file opened from a share link or reset replaces the whole text.
 */
function isAnotherFile(update: ViewUpdate): boolean {
  let removed = 0;
  let inserted = 0;
  update.changes.iterChanges((fromA, toA, _fromB, _toB, text) => {
    removed += toA - fromA;
    inserted += text.length;
  });
  return 2 * Math.max(removed, inserted) >= Math.max(update.startState.doc.length, update.state.doc.length);
}

/** Another file is in the editor: until it has no problems, the preview of the one before is not shown as if it were this one. */
function forgetLastValid() {
  if (lastValid) replacedPreviewed = true;
  lastValid = undefined;
}

const NOTE = {
  live: 'Updates as you type. Nothing you type leaves this page.',
  kept: 'The file has problems: the preview shows the last version without problems.',
  none: 'Your file has problems (see the list under the editor), so there is nothing to preview yet: the preview shows your questionnaire once the file has no problems.',
  replaced:
    'No preview: this file has problems (see the list under the editor). The preview of the file it replaced is not shown, as it is not this questionnaire. Fix the problems and the preview shows this one.',
};

/** The note above the preview, a status region: it is announced when it changes, not on every check. */
function showPreviewNote(text: string) {
  const note = $('#preview-note');
  if (note.textContent !== text) note.textContent = text;
}

/**
 * Previews `questionnaire`, or (undefined) nothing. The widget is made only for a questionnaire
 * of the author's: a `<symptom-check>` without rules would show the built-in lupus one.
 */
function showPreview(questionnaire: Questionnaire | undefined) {
  if (!questionnaire) {
    preview?.remove();
    preview = undefined;
    return;
  }
  offerLanguages(questionnaire.languages);
  if (preview) {
    if (preview.getAttribute('lang') !== langSelect.value) preview.setAttribute('lang', langSelect.value);
    preview.rules = structuredClone(questionnaire);
    return;
  }
  preview = document.createElement('symptom-check') as Preview;
  preview.id = 'preview';
  // The patient's language buttons in the preview: the select follows, and the file is tried in
  // that language from then on (the attribute too: the widget's choice lasts only until it changes).
  preview.addEventListener('sc-language', (event) => {
    chosenLanguage = langSelect.value = event.detail.lang;
    preview?.setAttribute('lang', event.detail.lang);
  });
  preview.setAttribute('lang', langSelect.value);
  preview.rules = structuredClone(questionnaire); // before it is on the page, so it never loads the built-in rules
  previewSlot.append(preview);
}

/**
 * Offers the questionnaire's languages, each by its name in itself. The language shown stays when
 * the questionnaire still has it (or the one the author last picked, when it has that again); else
 * its first, the one the widget falls back to. Only a questionnaire previewed changes the list: a
 * file with problems keeps the list of its last version without them, which the preview shows.
 */
function offerLanguages(languages: readonly string[]) {
  if ([...langSelect.options].map((o) => o.value).join() !== languages.join()) {
    langSelect.replaceChildren(
      ...languages.map((code) => {
        const { label, own } = languageLabel(code);
        const option = Object.assign(document.createElement('option'), { value: code, textContent: label });
        if (own) option.lang = code; // read out in its own language
        return option;
      }),
    );
  }
  langSelect.value = [chosenLanguage, langSelect.value].find((lang) => lang !== undefined && languages.includes(lang)) ?? languages[0]!;
}

/**
 * A language's name in itself, with its English name when that differs ("தமிழ் (Tamil)"); its
 * English name when the browser has no name for it in itself; else its code. `own`: the label
 * starts with the name in the language itself.
 */
function languageLabel(code: string): { label: string; own: boolean } {
  const nameIn = (locale: string) => {
    try {
      const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
      // A browser without the language's own data names it in another: that is no name in itself.
      if (names.resolvedOptions().locale.split('-')[0] !== locale.toLowerCase().split('-')[0]) return undefined;
      return names.of(code);
    } catch {
      return undefined; // not a code Intl accepts
    }
  };
  const own = nameIn(code);
  const english = nameIn('en');
  if (own) return { label: english && english !== own ? `${own} (${english})` : own, own: true };
  return { label: english ?? code, own: false };
}

function check() {
  const text = editor.state.doc.toString();
  const result = loadQuestionnaire(text, FILE);
  problems = result.ok ? [] : result.problems;
  loaded = result.ok ? { questionnaire: result.questionnaire, text } : undefined;
  checkLint();
  if (result.ok) {
    lastValid = result.questionnaire;
    replacedPreviewed = false;
    showPreview(lastValid);
    showPreviewNote(NOTE.live);
  } else if (lastValid) {
    showPreviewNote(NOTE.kept);
  } else {
    showPreview(undefined);
    showPreviewNote(replacedPreviewed ? NOTE.replaced : NOTE.none);
  }
}

/** Lints the file again, and shows what lint found: after each check of the file, and as the lint settings change (the preview stays as it is). */
function checkLint() {
  ({ file: warnings, settings: settingsProblems } = lintFindings());
  showProblems();
  forceLinting(editor);
}

/**
 * What `symptom-check lint --config` finds with the lint settings as its config, in the file and
 * in the settings. Settings that cannot be read are not applied (their mistakes are listed, as the
 * file's are, even while the file has problems); nor are settings whose "rules" name another file
 * (this one is `<id>.json`, as Download names it): lupus.json's, say, for another clinic's file.
 */
function lintFindings(): { file: LintProblem[]; settings: LintProblem[] } {
  const settingsText = settingsBox.value;
  const read = settingsText.trim() === '' ? undefined : parseLintConfig(settingsText, SETTINGS_FILE);
  const mistakes = read && !read.ok ? read.problems : [];
  if (!loaded) return { file: [], settings: mistakes };
  const { questionnaire, text } = loaded;
  const forAnother = read?.ok ? forAnotherFile(read.loaded, questionnaire.id) : undefined;
  const config = read?.ok && !forAnother ? { config: { text: settingsText, file: SETTINGS_PLACE } } : {};
  // The settings are named for the hints ("add … in the box …"), and as a file in the list.
  const found = lintLoaded(questionnaire, { text, file: FILE, configFile: SETTINGS_PLACE, ...config }).map((p) => (p.file === SETTINGS_PLACE ? { ...p, file: SETTINGS_FILE } : p));
  return { file: found.filter((p) => p.file === FILE), settings: [...mistakes, ...(forAnother ? [forAnother] : []), ...found.filter((p) => p.file === SETTINGS_FILE)] };
}

/** A warning that the settings' "rules" name a file other than `<id>.json`, so they are not applied to it. */
function forAnotherFile(settings: LoadedConfig, id: string): LintProblem | undefined {
  const rules = settings.config.rules;
  if (rules === undefined || rules.split(/[\\/]/).pop() === `${id}.json`) return undefined;
  return {
    file: SETTINGS_FILE,
    ...settings.at(['rules']),
    path: '$.rules',
    message: `these settings are for ${JSON.stringify(rules)}, not for ${id}.json (the file with the id "${id}"): lint does not apply them`,
    hint: `to apply them to this file, set "rules" to "./${id}.json"`,
    severity: 'warning',
    rule: 'config',
  };
}

/** The lint settings a share link brings: its own, else (a link made before links carried them) lupus.json's, which apply to lupus only. */
function settingsOf(file: { text: string; lint?: string }): string {
  // A link made before links carried settings: lupus.json's are for lupus.json alone.
  return file.lint ?? (/"id"\s*:\s*"lupus"/.test(file.text) ? lupusLintConfig : '');
}

function showProblems() {
  const button = (p: Problem, text: string, className: string, go = goTo) => {
    const item = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    b.addEventListener('click', () => go(p));
    item.append(b);
    return item;
  };
  problemsList.replaceChildren(
    ...problems.map((p) => button(p, formatProblem(p), 'error')),
    ...warnings.map((w) => button(w, formatLintProblem(w), 'warning')),
    ...settingsProblems.map((p) => button(p, formatLintProblem(p), p.severity, goToSettings)),
  );
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const settingsErrors = settingsProblems.filter((p) => p.severity === 'error').length;
  const lintWarnings = warnings.length + settingsProblems.length - settingsErrors;
  problemsSummary.textContent =
    (problems.length === 0 ? 'No problems.' : `${n(problems.length, 'problem')}.`) +
    (lintWarnings ? ` ${n(lintWarnings, 'lint warning')}.` : '') +
    (settingsErrors ? ` ${n(settingsErrors, 'problem')} in the lint settings.` : '');
}

function goTo(problem: Problem) {
  const anchor = problem.line ? offsetOf(editor.state.doc.toString(), problem.line, problem.column ?? 1) : 0;
  editor.dispatch({ selection: { anchor }, scrollIntoView: true });
  editor.focus();
}

/** Opens the lint settings, with the cursor at a problem in them. */
function goToSettings(problem: Problem) {
  $<HTMLDetailsElement>('#lint-settings-box').open = true;
  const at = problem.line ? offsetOf(settingsBox.value, problem.line, problem.column ?? 1) : 0;
  settingsBox.focus();
  settingsBox.setSelectionRange(at, at);
}

let settingsTimer: ReturnType<typeof setTimeout> | undefined;
settingsBox.addEventListener('input', () => {
  clearTimeout(settingsTimer);
  settingsTimer = setTimeout(checkLint, 300);
});

// lupus.json with its own lint settings, as the playground starts.
$('#reset').addEventListener('click', () => {
  history.replaceState(null, '', location.pathname);
  showLinkProblem(undefined);
  settingsBox.value = lupusLintConfig;
  replaceFile(lupusText);
});

$('#download').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([editor.state.doc.toString()], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: lastValid ? `${lastValid.id}.json` : FILE });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

$('#share').addEventListener('click', async () => {
  history.replaceState(null, '', shareHash(editor.state.doc.toString(), settingsBox.value));
  showLinkProblem(undefined);
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Link copied. It holds the whole file and its lint settings; nothing is uploaded.';
  } catch {
    status.textContent = 'The link is in the address bar: copy it from there.';
  }
});

langSelect.addEventListener('change', () => {
  chosenLanguage = langSelect.value;
  preview?.setAttribute('lang', langSelect.value);
});

const casesBox = $<HTMLTextAreaElement>('#cases');
casesBox.value = lupusCases;
$('#run-cases').addEventListener('click', runVignettes);

function runVignettes() {
  const summary = $('#cases-summary');
  const list = $<HTMLUListElement>('#case-results');
  list.replaceChildren();
  if (!lastValid || problems.length > 0) {
    summary.textContent = 'Fix the problems in the questionnaire first.';
    return;
  }
  const run = runCasesText(lastValid, casesBox.value, CASES_FILE);
  if (!run.ok) {
    summary.textContent = `The cases file has ${run.problems.length === 1 ? 'a problem' : 'problems'}: fix ${run.problems.length === 1 ? 'it' : 'them'} and run the cases again.`;
    list.replaceChildren(...run.problems.map((p) => caseProblemItem(p, formatProblem(p), 'fail')));
    return;
  }
  summary.textContent = casesSummary(run.reports);
  list.replaceChildren(
    ...run.reports.map((r) => {
      const item = document.createElement('li');
      const verdict = !r.passed ? 'FAIL' : r.problems.length ? 'WARN' : 'PASS';
      item.className = verdict === 'FAIL' ? 'fail' : verdict === 'WARN' ? 'warn' : 'pass';
      item.append(`${verdict} ${r.name}`);
      // Each failure is placed at the case's "expect", as `symptom-check test` prints it: a click goes there.
      const failures = r.failures.map((message): CaseProblem => ({ ...r.at, message, severity: 'error' }));
      const listed = [...r.problems, ...failures];
      if (listed.length) {
        const inner = document.createElement('ul');
        inner.append(...listed.map((p) => caseProblemItem(p, formatCaseProblem(p), p.severity === 'error' ? 'fail' : 'warn')));
        item.append(inner);
      }
      return item;
    }),
  );
}

/** A problem in the cases box: a click selects the place in the box. */
function caseProblemItem(p: Problem, text: string, className: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = className;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  button.addEventListener('click', () => {
    const at = p.line ? offsetOf(casesBox.value, p.line, p.column ?? 1) : 0;
    casesBox.focus();
    casesBox.setSelectionRange(at, at);
  });
  item.append(button);
  return item;
}

settingsBox.value = shared.kind === 'file' ? settingsOf(shared) : lupusLintConfig;
showLinkProblem(shared.kind === 'damaged' ? 'damaged' : undefined);
check();
