/**
 * The rule playground: edit a questionnaire on the left, see the widget on the right, updated
 * as you type, with every problem listed by line and column (click one to go there), and run
 * the vignettes. Everything happens in this page; nothing is sent anywhere.
 */
import { json } from '@codemirror/lang-json';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { basicSetup, EditorView } from 'codemirror';
import '../src/index';
import { runCases } from '../src/cases/run';
import { CasesFile } from '../src/cases/schema';
import { loadQuestionnaire } from '../src/questionnaire/load';
import { formatProblem, type Problem } from '../src/questionnaire/problem';
import type { Questionnaire } from '../src/questionnaire/schema';
import lupusCases from '../rules/lupus.cases.json?raw';
import lupusText from '../rules/lupus.json?raw';
import { offsetOf, shareHash, textFromHash } from './shareLink';

const FILE = 'questionnaire.json';
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const preview = $<HTMLElement & { rules: unknown }>('#preview');
const problemsList = $<HTMLUListElement>('#problems');
const problemsSummary = $('#problems-summary');
const status = $('#tool-status');
let lastValid: Questionnaire | undefined;
let problems: Problem[] = [];

/** Problems as editor diagnostics (squiggles and gutter marks), from the same loader as the CLI. */
const diagnostics = linter((view) =>
  problems.map((p): Diagnostic => {
    const text = view.state.doc.toString();
    const from = p.line ? offsetOf(text, p.line, p.column ?? 1) : 0;
    return { from, to: Math.min(from + 1, text.length), severity: 'error', message: `${p.path}  ${p.message}${p.hint ? `  (${p.hint})` : ''}` };
  }),
);

let timer: ReturnType<typeof setTimeout> | undefined;
const editor = new EditorView({
  parent: $('#editor'),
  doc: textFromHash(location.hash) ?? lupusText,
  extensions: [
    basicSetup,
    json(),
    lintGutter(),
    diagnostics,
    EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      clearTimeout(timer);
      timer = setTimeout(check, 300);
    }),
  ],
});

// Reachable from the console (and the browser tests) to script edits.
Object.assign(window, { playgroundEditor: editor });

function check() {
  const text = editor.state.doc.toString();
  const result = loadQuestionnaire(text, FILE);
  problems = result.ok ? [] : result.problems;
  showProblems();
  if (result.ok) {
    lastValid = result.questionnaire;
    preview.rules = structuredClone(result.questionnaire);
    $('#preview-note').textContent = 'Updates as you type. Nothing you type leaves this page.';
  } else if (lastValid) {
    $('#preview-note').textContent = 'The file has problems: the preview shows the last version without problems.';
  }
}

function showProblems() {
  problemsList.replaceChildren(
    ...problems.map((p) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = formatProblem(p);
      button.addEventListener('click', () => goTo(p));
      item.append(button);
      return item;
    }),
  );
  problemsSummary.textContent = problems.length === 0 ? 'No problems.' : `${problems.length} problem${problems.length === 1 ? '' : 's'}.`;
}

function goTo(problem: Problem) {
  const anchor = problem.line ? offsetOf(editor.state.doc.toString(), problem.line, problem.column ?? 1) : 0;
  editor.dispatch({ selection: { anchor }, scrollIntoView: true });
  editor.focus();
}

$('#reset').addEventListener('click', () => {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: lupusText } });
  history.replaceState(null, '', location.pathname);
  check();
});

$('#download').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([editor.state.doc.toString()], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: lastValid ? `${lastValid.id}.json` : FILE });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

$('#share').addEventListener('click', async () => {
  history.replaceState(null, '', shareHash(editor.state.doc.toString()));
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Link copied. It holds the whole file; nothing is uploaded.';
  } catch {
    status.textContent = 'The link is in the address bar: copy it from there.';
  }
});

$<HTMLSelectElement>('#lang').addEventListener('change', (event) => preview.setAttribute('lang', (event.target as HTMLSelectElement).value));

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
  let parsed;
  try {
    parsed = CasesFile.safeParse(JSON.parse(casesBox.value));
  } catch (error) {
    summary.textContent = `The cases are not valid JSON: ${(error as Error).message}`;
    return;
  }
  if (!parsed.success) {
    summary.textContent = `The cases file is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
    return;
  }
  const results = runCases(lastValid, parsed.data.cases);
  const failed = results.filter((r) => !r.passed).length;
  summary.textContent = `${results.length - failed} passed, ${failed} failed`;
  list.replaceChildren(
    ...results.map((r) => {
      const item = document.createElement('li');
      item.className = r.passed ? 'pass' : 'fail';
      item.textContent = `${r.passed ? 'PASS' : 'FAIL'} ${r.name}${r.failures.length ? `: ${r.failures.join('; ')}` : ''}`;
      return item;
    }),
  );
}

check();
