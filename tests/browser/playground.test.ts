/** The rule playground, served by Vite's dev server as `npm run demo` serves it. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shareHash } from '../../demo/shareLink';
import { heading, open } from './browser';
import { playgroundServer } from './playgroundServer';

const env = playgroundServer();
/** The playground page, once it has found no problems in its file. */
const playground = (hash = '') => env.open(hash);

/** Replaces the first occurrence of `find` in the editor with `replace`, by typing, as an author would. */
async function edit(p: Page, find: string, replace: string) {
  await p.evaluate(
    ({ f, r }) => {
      const view = window.playgroundEditor;
      const text = view.state.doc.toString();
      const from = text.indexOf(f);
      view.dispatch({ changes: { from, to: from + f.length, insert: r } });
    },
    { f: find, r: replace },
  );
}

/** The preview's note when the file in the editor replaced the one previewed, and has problems. */
const REPLACED_NOTE =
  'No preview: this file has problems (see the list under the editor). The preview of the file it replaced is not shown, as it is not this questionnaire. Fix the problems and the preview shows this one.';

/** Selects `find` in the editor (all of it when undefined) and puts `text` there as a paste does: one input. */
async function paste(p: Page, text: string, find?: string) {
  await p.evaluate((f) => {
    const view = window.playgroundEditor;
    const from = f === null ? 0 : view.state.doc.toString().indexOf(f);
    view.dispatch({ selection: { anchor: from, head: f === null ? view.state.doc.length : from + f.length } });
    view.focus();
  }, find ?? null);
  await p.keyboard.insertText(text);
}

describe('the rule playground', () => {
  it('starts from lupus.json and previews the widget live as you type', async () => {
    const p = await playground();
    const requests: string[] = [];
    p.on('request', (r) => requests.push(new URL(r.url()).origin));
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('Lupus symptom check');
    await edit(p, '"en": "Lupus symptom check"', '"en": "Joint and skin check"');
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('Joint and skin check');
    expect(new Set(requests.filter((o) => o !== new URL(env.base).origin))).toEqual(new Set()); // nothing sent anywhere else
  });

  it('keeps the focus in the editor while the preview rebuilds as you type', async () => {
    const p = await playground();
    await p.evaluate(() => {
      const view = window.playgroundEditor;
      const at = view.state.doc.toString().indexOf('Lupus symptom check') + 'Lupus symptom check'.length;
      view.dispatch({ selection: { anchor: at } });
      view.focus();
    });
    await p.keyboard.type(' now');
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('Lupus symptom check now');
    await p.waitForTimeout(300); // the preview's state machine starts after its intro is painted
    expect(await p.evaluate(() => document.activeElement?.closest('.cm-editor') !== null)).toBe(true);
    await p.keyboard.type('!');
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('Lupus symptom check now!');
  });

  it('lists problems with line and column, and a click puts the cursor there', async () => {
    const p = await playground();
    await edit(p, '"answer": "joint_pain"', '"answer": "joint_pian"');
    const problem = p.locator('#problems button').first();
    await expect.poll(() => problem.textContent()).toMatch(/^questionnaire\.json:\d+:\d+  .*unknown question "joint_pian"  \(did you mean "joint_pain"\?\)$/);
    const [, line, column] = (await problem.textContent())!.match(/:(\d+):(\d+)/)!;
    await problem.click();
    const cursor = await p.evaluate(() => {
      const view = window.playgroundEditor;
      const head = view.state.selection.main.head;
      const lineInfo = view.state.doc.lineAt(head);
      return { line: lineInfo.number, column: head - lineInfo.from + 1, focused: view.hasFocus };
    });
    expect(cursor).toEqual({ line: Number(line), column: Number(column), focused: true });
    expect(await p.locator('#preview-note').textContent()).toMatch(/last version without problems/);
  });

  it('runs the vignettes and shows pass and fail with reasons', async () => {
    const p = await playground();
    await p.locator('#run-cases').click();
    await expect.poll(() => p.locator('#cases-summary').textContent()).toMatch(/^\d+ passed, 0 failed$/);
    await p.locator('#cases').fill(JSON.stringify({ cases: [{ name: 'expects the wrong advice', answers: { red_flags: ['chest_pain'] }, expect: { guidance: ['no_specific_concerns'] } }] }));
    await p.locator('#run-cases').click();
    await expect.poll(() => p.locator('#cases-summary').textContent()).toBe('0 passed, 1 failed');
    const failure = p.locator('#case-results li li button');
    expect(await p.locator('#case-results > li').first().textContent()).toMatch(/^FAIL expects the wrong advice/);
    // Placed at the case's "expect", like the command's output; a click puts the cursor there.
    expect(await failure.textContent()).toMatch(/^cases\.json:1:\d+  error  \$\.cases\[0\]\.expect  guidance: expected \[no_specific_concerns\], got \[emergency_chest_pain\]/);
    await failure.click();
    const cursor = await p.locator('#cases').evaluate((box: HTMLTextAreaElement) => ({ focused: document.activeElement === box, at: box.value.slice(box.selectionStart, box.selectionStart + 8) }));
    expect(cursor).toEqual({ focused: true, at: '"expect"' });
  });

  it('shares the file in the link hash, and opens it from there', async () => {
    const p = await playground();
    await edit(p, '"en": "Lupus symptom check"', '"en": "Shared check"');
    await p.locator('#share').click();
    const url = p.url();
    expect(url).toMatch(/#rules=/);
    const opened = await open(env.browser, url);
    await expect.poll(() => heading(opened, '#preview').textContent(), { timeout: 30_000 }).toBe('Shared check');
    await opened.locator('#reset').click();
    await expect.poll(() => heading(opened, '#preview').textContent()).toBe('Lupus symptom check');
  });

  it('says a share link that was cut short is damaged, and does not pass lupus.json off as the shared file', async () => {
    const p = await playground();
    await edit(p, '"en": "Lupus symptom check"', '"en": "Shared check"');
    await p.locator('#share').click();
    await expect.poll(() => p.url()).toMatch(/#rules=\d+\.[0-9a-z]+\./);
    const url = p.url();
    expect(await p.locator('#link-problem').isHidden()).toBe(true);
    // Cut inside the header, in the middle, and by its last character or two (which used to open the file all the same).
    for (const cut of [url.slice(0, url.indexOf('#rules=') + 20), url.slice(0, url.length - 40), url.slice(0, -1), url.slice(0, -2)]) {
      const opened = await open(env.browser, cut);
      const note = opened.locator('#link-problem');
      await note.waitFor();
      expect(await note.getAttribute('role')).toBe('alert');
      expect(await note.textContent()).toMatch(/damaged: it was cut short or changed.*Ask whoever sent it for the link again.*The editor shows lupus\.json, not the shared file/);
      await opened.close();
    }
  });

  it('keeps the author\'s file when a damaged link is pasted into the open playground, and says so; a whole link replaces it, and undo brings it back', async () => {
    const p = await playground();
    const lupus = await p.evaluate(() => window.playgroundEditor.state.doc.toString());
    // The author's own file, pasted over lupus.json.
    const own = lupus.replace('"id": "lupus",', '"id": "fever_clinic",').replace('"en": "Lupus symptom check"', '"en": "My clinic fever check"');
    await paste(p, own);
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('My clinic fever check');
    const summary = await p.locator('#problems-summary').textContent();
    expect(summary).toMatch(/^No problems\./);
    const hash = shareHash(lupus.replace('"en": "Lupus symptom check"', '"en": "Shared check"'));
    const note = p.locator('#link-problem');

    // Cut by a few characters, in the middle, inside the header; and one character changed.
    const changed = hash.slice(0, -10) + (hash.at(-10) === 'A' ? 'B' : 'A') + hash.slice(-9);
    for (const damaged of [hash.slice(0, -3), hash.slice(0, hash.length / 2), hash.slice(0, 12), changed]) {
      await p.evaluate((h) => (location.hash = h), damaged);
      await expect.poll(() => p.evaluate(() => location.hash)).toBe(damaged);
      await expect.poll(() => note.isVisible()).toBe(true);
      await p.waitForTimeout(400); // longer than the check after an edit
      expect(await p.evaluate(() => window.playgroundEditor.state.doc.toString())).toBe(own);
      expect(await heading(p, '#preview').textContent()).toBe('My clinic fever check');
      expect(await p.locator('#problems-summary').textContent()).toBe(summary);
      expect(await p.locator('#preview-note').textContent()).toBe('Updates as you type. Nothing you type leaves this page.');
      expect(await note.textContent()).toBe(
        'This share link is damaged: it was cut short or changed on the way, so the file in it cannot be opened. Your file is still in the editor, unchanged. Ask whoever sent it for the link again, and copy the whole address.',
      );
    }

    // The whole link opens its file in place of the author's; the damaged link's note goes.
    await p.evaluate((h) => (location.hash = h), hash);
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('Shared check');
    expect(await note.isHidden()).toBe(true);
    // Undo, in the editor, brings back the author's file, in one step.
    await p.evaluate(() => window.playgroundEditor.focus());
    await p.keyboard.press('Control+z');
    await expect.poll(() => p.evaluate(() => window.playgroundEditor.state.doc.toString())).toBe(own);
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('My clinic fever check');
    await p.close();

    // Into a playground still showing lupus.json, a damaged link says lupus.json is what the editor shows.
    const fresh = await playground();
    await fresh.evaluate((h) => (location.hash = h), hash.slice(0, -3));
    await expect.poll(() => fresh.locator('#link-problem').textContent()).toMatch(/^This share link is damaged: .*The editor still shows lupus\.json, not the shared file\. Ask whoever sent it/);
    expect(await fresh.evaluate(() => window.playgroundEditor.state.doc.toString())).toBe(lupus);
    await fresh.close();
  });

  it('opens a shared file with problems without previewing a questionnaire the author did not write, and previews it once fixed', async () => {
    // A clinic's own questionnaire with one mistake (a comma too many), shared with a colleague.
    const p = await playground();
    await edit(p, '"id": "lupus",', '"id": "fever_clinic",');
    await edit(p, '"en": "Lupus symptom check"', '"en": "My clinic fever check"');
    await edit(p, '"sources": ["nhs_999"]', '"sources": ["nhs_999",]');
    await expect.poll(() => p.locator('#problems-summary').textContent()).toBe('1 problem.');
    await p.locator('#share').click();
    await expect.poll(() => p.url()).toMatch(/#rules=\d+\./);
    const url = p.url();

    const opened = await open(env.browser, url);
    await expect.poll(() => opened.locator('#problems-summary').textContent(), { timeout: 30_000 }).toBe('1 problem.');
    const note = opened.locator('#preview-note');
    expect(await note.textContent()).toBe('Your file has problems (see the list under the editor), so there is nothing to preview yet: the preview shows your questionnaire once the file has no problems.');
    expect(await note.getAttribute('role')).toBe('status'); // announced, as the problems summary is
    expect(await opened.locator('#link-problem').isHidden()).toBe(true);
    await opened.waitForTimeout(500); // time enough for a widget to show the built-in questionnaire
    expect(await opened.locator('symptom-check').count()).toBe(0);
    expect(await opened.getByText('Lupus symptom check').count()).toBe(0);

    await edit(opened, '"nhs_999",]', '"nhs_999"]');
    await expect.poll(() => heading(opened, '#preview').textContent()).toBe('My clinic fever check');
    await expect.poll(() => note.textContent()).toBe('Updates as you type. Nothing you type leaves this page.');
    // A later mistake keeps the author's own last good version, and says so.
    await edit(opened, '"id": "fever_clinic",', '"id": "fever_clinic"');
    await expect.poll(() => note.textContent()).toBe('The file has problems: the preview shows the last version without problems.');
    expect(await heading(opened, '#preview').textContent()).toBe('My clinic fever check');
    await opened.close();

    // The same link pasted into a playground that shows lupus.json: lupus.json is not a last good version of the shared file.
    const pasted = await playground();
    await expect.poll(() => heading(pasted, '#preview').textContent()).toBe('Lupus symptom check');
    await pasted.evaluate((hash) => (location.hash = hash), new URL(url).hash);
    await expect.poll(() => pasted.locator('#problems-summary').textContent()).toBe('1 problem.');
    await expect.poll(() => pasted.locator('#preview-note').textContent()).toBe(REPLACED_NOTE);
    expect(await pasted.locator('symptom-check').count()).toBe(0);
    await pasted.close();
  });

  it('drops the preview when another file with problems is pasted over the file, and says why; a pasted part keeps it', async () => {
    const p = await playground();
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('Lupus symptom check');
    const lupus = await p.evaluate(() => window.playgroundEditor.state.doc.toString());

    // A part pasted in with a mistake is an edit: the last good preview stays, and says so.
    await paste(p, '"sources": ["nhs_999",]', '"sources": ["nhs_999"]');
    await expect.poll(() => p.locator('#problems-summary').textContent()).toBe('1 problem.');
    await expect.poll(() => p.locator('#preview-note').textContent()).toBe('The file has problems: the preview shows the last version without problems.');
    expect(await heading(p, '#preview').textContent()).toBe('Lupus symptom check');
    await paste(p, '"sources": ["nhs_999"]', '"sources": ["nhs_999",]');
    await expect.poll(() => p.locator('#problems-summary').textContent()).toBe('No problems.');

    // Another clinic's questionnaire, with a comma too many, pasted over the whole file: lupus is not its last good version.
    const other = lupus.replace('"id": "lupus",', '"id": "fever_clinic",').replace('"en": "Lupus symptom check"', '"en": "My clinic fever check"').replace('"sources": ["nhs_999"]', '"sources": ["nhs_999",]');
    await paste(p, other);
    await expect.poll(() => p.locator('#problems-summary').textContent()).toBe('1 problem.');
    await expect.poll(() => p.locator('#preview-note').textContent()).toBe(REPLACED_NOTE);
    expect(await p.locator('symptom-check').count()).toBe(0);
    expect(await p.getByText('Lupus symptom check').count()).toBe(0);
    // Typing in it is editing it: still no preview of another file, and the same note.
    await edit(p, '"My clinic fever check"', '"My clinic\'s fever check"');
    await p.waitForTimeout(500);
    expect(await p.locator('#preview-note').textContent()).toBe(REPLACED_NOTE);
    expect(await p.locator('symptom-check').count()).toBe(0);

    await edit(p, '"nhs_999",]', '"nhs_999"]');
    await expect.poll(() => heading(p, '#preview').textContent()).toBe("My clinic's fever check");
    await expect.poll(() => p.locator('#preview-note').textContent()).toBe('Updates as you type. Nothing you type leaves this page.');
    await p.close();
  });

  it('opens a shared empty file as an empty editor with no preview, not as a damaged link', async () => {
    const p = await playground();
    await p.evaluate(() => window.playgroundEditor.dispatch({ changes: { from: 0, to: window.playgroundEditor.state.doc.length, insert: '' } }));
    await expect.poll(() => p.locator('#problems-summary').textContent()).toBe('1 problem.');
    await p.locator('#share').click();
    await expect.poll(() => p.url()).toMatch(/#rules=0\./);
    const opened = await open(env.browser, p.url());
    await expect.poll(() => opened.locator('#problems-summary').textContent(), { timeout: 30_000 }).toBe('1 problem.');
    expect(await opened.evaluate(() => window.playgroundEditor.state.doc.toString())).toBe('');
    expect(await opened.locator('#link-problem').isHidden()).toBe(true);
    expect(await opened.locator('#preview-note').textContent()).toMatch(/^Your file has problems .*nothing to preview yet/);
    expect(await opened.locator('symptom-check').count()).toBe(0);
    await opened.close();
  });

  it('shows lint warnings (diagnosing words) as warnings, in the list and in the editor', async () => {
    const p = await playground();
    await edit(p, 'Book an appointment with your doctor and take this summary with you.', 'You probably have lupus. Take this summary with you.');
    const warning = p.locator('#problems button.warning').first();
    await expect.poll(() => warning.textContent(), { timeout: 30_000 }).toMatch(/^questionnaire\.json:\d+:\d+  warning  \$\.guidance\[\d+\]\.text\.en  .*diagnoses: "You probably have lupus"/);
    expect(await p.locator('#problems-summary').textContent()).toBe('No problems. 1 lint warning.');
    await warning.click(); // scrolls the editor to it: the editor draws only the lines in view
    await expect.poll(() => p.locator('.cm-lintRange-warning').count()).toBeGreaterThan(0);
    expect(await p.locator('.cm-lintRange-error').count()).toBe(0);
  });

  it('places mistakes in the cases by line and column, as the command line does', async () => {
    const p = await playground();
    await p.locator('#cases').fill('{\n  "cases": [\n    { "name": "a", "answers": {}, "expect": { "guidance": [], } }\n  ]\n}');
    await p.locator('#run-cases').click();
    await expect.poll(() => p.locator('#case-results li').first().textContent()).toMatch(/^cases\.json:3:61  \$  JSON syntax error: a comma too many before "}"  \(remove this comma: JSON has no comma after the last item\)$/);
    await p.locator('#cases').fill(
      JSON.stringify({ cases: [{ name: 'swelling, no pain', answers: { red_flags: ['none'], joint_pain: 'no', joint_swelling: 'yes' }, expect: { guidance: ['no_specific_concern'] } }] }, null, 2),
    );
    await p.locator('#run-cases').click();
    await expect.poll(() => p.locator('#cases-summary').textContent()).toBe('0 passed, 1 failed, 1 warning');
    const text = await p.locator('#case-results').textContent();
    expect(text).toMatch(/cases\.json:\d+:\d+  warning  \$\.cases\[0\]\.answers\.joint_swelling  this answer is ignored/);
    expect(text).toMatch(/cases\.json:\d+:\d+  error  \$\.cases\[0\]\.expect\.guidance\[0\]  the rules have no guidance "no_specific_concern".*did you mean "no_specific_concerns"\?/);
  });
});
