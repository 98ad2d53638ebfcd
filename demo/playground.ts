/**
 * The rule playground: edit a questionnaire on the left, see the widget on the right, updated
 * as you type, with every problem (and every lint warning) listed by line and column (click one
 * to go there), and run the vignettes. Everything happens in this page; nothing is sent anywhere.
 */
import { json } from '@codemirror/lang-json';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import type { ViewUpdate } from '@codemirror/view';
import { basicSetup, EditorView } from 'codemirror';
import '../src/index';
import { casesSummary, formatCaseProblem, runCasesText, type CaseProblem } from '../src/cases/load';
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
/** lupus.json's lint decisions (questions kept for the summary only) apply to a file with its id. */
const LUPUS_ID = (JSON.parse(lupusText) as { id: string }).id;
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
type Preview = HTMLElement & { rules: unknown };
/** The widget showing the author's questionnaire; none until the file has loaded once without problems. */
let preview: Preview | undefined;
const previewSlot = $('#preview-slot');
const langSelect = $<HTMLSelectElement>('#lang');
const problemsList = $<HTMLUListElement>('#problems');
const problemsSummary = $('#problems-summary');
const status = $('#tool-status');
/** The last version of the file in the editor without problems (never a questionnaire the author did not write, nor another file's). */
let lastValid: Questionnaire | undefined;
/** The file in the editor replaced the one the preview showed, and has had no version without problems since. */
let replacedPreviewed = false;
let problems: Problem[] = [];
/** `symptom-check lint`'s warnings for a file without problems. */
let warnings: LintProblem[] = [];

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
  if (preview) {
    preview.rules = structuredClone(questionnaire);
    return;
  }
  preview = document.createElement('symptom-check') as Preview;
  preview.id = 'preview';
  preview.setAttribute('lang', langSelect.value);
  preview.rules = structuredClone(questionnaire); // before it is on the page, so it never loads the built-in rules
  previewSlot.append(preview);
}

function check() {
  const text = editor.state.doc.toString();
  const result = loadQuestionnaire(text, FILE);
  problems = result.ok ? [] : result.problems;
  warnings = result.ok ? lintWarnings(result.questionnaire, text) : [];
  showProblems();
  forceLinting(editor);
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

/** Lint's warnings, as `symptom-check lint` gives them (only those in this file: a lint config is not edited here). */
function lintWarnings(questionnaire: Questionnaire, text: string): LintProblem[] {
  const config = questionnaire.id === LUPUS_ID ? { config: { text: lupusLintConfig, file: 'lupus.lint.json' } } : {};
  return lintLoaded(questionnaire, { text, file: FILE, configFile: 'a lint config beside the file (see symptom-check lint)', ...config }).filter((p) => p.file === FILE);
}

function showProblems() {
  const button = (p: Problem, text: string, className: string) => {
    const item = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    b.addEventListener('click', () => goTo(p));
    item.append(b);
    return item;
  };
  problemsList.replaceChildren(...problems.map((p) => button(p, formatProblem(p), 'error')), ...warnings.map((w) => button(w, formatLintProblem(w), 'warning')));
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  problemsSummary.textContent =
    (problems.length === 0 ? 'No problems.' : `${n(problems.length, 'problem')}.`) + (warnings.length ? ` ${n(warnings.length, 'lint warning')}.` : '');
}

function goTo(problem: Problem) {
  const anchor = problem.line ? offsetOf(editor.state.doc.toString(), problem.line, problem.column ?? 1) : 0;
  editor.dispatch({ selection: { anchor }, scrollIntoView: true });
  editor.focus();
}

$('#reset').addEventListener('click', () => {
  history.replaceState(null, '', location.pathname);
  showLinkProblem(undefined);
  replaceFile(lupusText);
});

$('#download').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([editor.state.doc.toString()], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: lastValid ? `${lastValid.id}.json` : FILE });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

$('#share').addEventListener('click', async () => {
  history.replaceState(null, '', shareHash(editor.state.doc.toString()));
  showLinkProblem(undefined);
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Link copied. It holds the whole file; nothing is uploaded.';
  } catch {
    status.textContent = 'The link is in the address bar: copy it from there.';
  }
});

langSelect.addEventListener('change', () => preview?.setAttribute('lang', langSelect.value));

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

showLinkProblem(shared.kind === 'damaged' ? 'damaged' : undefined);
check();
