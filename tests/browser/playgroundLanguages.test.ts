/**
 * The rule playground's language select (the languages of the file previewed) and its lint
 * settings (the lint config `symptom-check lint --config` reads), served by Vite's dev server as
 * `npm run demo` serves it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shareHash } from '../../demo/shareLink';
import { heading } from './browser';
import { playgroundServer } from './playgroundServer';

const lupusText = readFileSync(new URL('../../rules/lupus.json', import.meta.url), 'utf8');
const lupusLint = readFileSync(new URL('../../rules/lupus.lint.json', import.meta.url), 'utf8');
/** lupus.json in English and Tamil (the Hindi texts stand in for Tamil ones, but for the title). */
const tamilText = lupusText
  .replace('"languages": ["en", "hi"]', '"languages": ["en", "ta"]')
  .replaceAll('"hi":', '"ta":')
  .replace('"ta": "ल्यूपस लक्षण जाँच"', '"ta": "லூபஸ் அறிகுறி சோதனை"');
/** Another clinic's questionnaire: lupus.json's questions under another id, so lupus.lint.json is not its lint config. */
const feverText = lupusText.replace('"id": "lupus",', '"id": "fever_clinic",').replace('"en": "Lupus symptom check"', '"en": "My fever check"');

const env = playgroundServer();
/** The playground page, once it has checked its file (lint warnings and all). */
const playground = (hash = '') => env.open(hash, /^No problems\./);

/** Puts `text` in the editor in place of the whole file, as a paste does. */
async function replaceAll(p: Page, text: string) {
  await p.evaluate((t) => window.playgroundEditor.dispatch({ changes: { from: 0, to: window.playgroundEditor.state.doc.length, insert: t } }), text);
}

/** Replaces the first occurrence of `find` in the editor with `replace`, as typing does. */
async function edit(p: Page, find: string, replace: string) {
  await p.evaluate(
    ({ f, r }) => {
      const view = window.playgroundEditor;
      const from = view.state.doc.toString().indexOf(f);
      view.dispatch({ changes: { from, to: from + f.length, insert: r } });
    },
    { f: find, r: replace },
  );
}

/** The page's select named "Language" (the widget has a group of language buttons by that name). */
const languageSelect = (p: Page) => p.getByRole('combobox', { name: 'Language', exact: true });
/** Its options: value, label and the language each is read out in. */
const languages = (p: Page) => languageSelect(p).evaluate((select: HTMLSelectElement) => [...select.options].map((o) => [o.value, o.textContent, o.lang]));
const problemLines = (p: Page) => p.locator('#problems button').allTextContents();

describe("the playground's language select", () => {
  it("offers the file's languages, named in themselves, and previews the file in the one picked", async () => {
    const p = await playground();
    expect(await languages(p)).toEqual([
      ['en', 'English', 'en'],
      ['hi', 'हिन्दी (Hindi)', 'hi'],
    ]);

    await replaceAll(p, tamilText);
    await expect.poll(() => languages(p)).toEqual([
      ['en', 'English', 'en'],
      ['ta', 'தமிழ் (Tamil)', 'ta'],
    ]);
    await languageSelect(p).selectOption('ta');
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('லூபஸ் அறிகுறி சோதனை');

    // Editing keeps the language picked; a file that cannot be read keeps the list of the one previewed.
    await edit(p, 'லூபஸ் அறிகுறி சோதனை', 'லூபஸ் சோதனை');
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('லூபஸ் சோதனை');
    expect(await languageSelect(p).inputValue()).toBe('ta');
    await edit(p, '"id": "lupus",', '"id": "lupus",,');
    await expect.poll(() => p.locator('#problems-summary').textContent()).toBe('1 problem.');
    expect(await languages(p)).toEqual([
      ['en', 'English', 'en'],
      ['ta', 'தமிழ் (Tamil)', 'ta'],
    ]);
    expect(await languageSelect(p).inputValue()).toBe('ta');

    // Back to lupus.json: no Tamil there, so its first language, and Tamil again once a file has it.
    await p.locator('#reset').click();
    await expect.poll(() => languages(p)).toEqual([
      ['en', 'English', 'en'],
      ['hi', 'हिन्दी (Hindi)', 'hi'],
    ]);
    expect(await languageSelect(p).inputValue()).toBe('en');
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('Lupus symptom check');
    await replaceAll(p, tamilText);
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('லூபஸ் அறிகுறி சோதனை');
    expect(await languageSelect(p).inputValue()).toBe('ta');
    await p.close();
  });

  it("follows the preview's own language button, and keeps that language as the file is edited", async () => {
    const p = await playground();
    expect(await languageSelect(p).inputValue()).toBe('en');
    await p.locator('#preview').getByRole('button', { name: 'हिन्दी' }).click();
    await expect.poll(() => languageSelect(p).inputValue()).toBe('hi');
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('ल्यूपस लक्षण जाँच');
    await edit(p, '"hi": "ल्यूपस लक्षण जाँच"', '"hi": "ल्यूपस जाँच"');
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('ल्यूपस जाँच');
    expect(await languageSelect(p).inputValue()).toBe('hi');
    await p.locator('#preview').getByRole('button', { name: 'English' }).click();
    await expect.poll(() => languageSelect(p).inputValue()).toBe('en');
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('Lupus symptom check');
    await p.close();
  });
});

describe("the playground's lint settings", () => {
  it("start as lupus.json's, which keep its summary-only questions quiet", async () => {
    const p = await playground();
    expect(await p.locator('#problems-summary').textContent()).toBe('No problems.');
    const box = p.locator('#lint-settings');
    expect(await box.inputValue()).toBe(lupusLint);
    expect(await box.isVisible()).toBe(false); // folded away until opened
    await p.getByText('Lint settings (JSON)', { exact: true }).click();
    expect(await p.getByRole('textbox', { name: 'Lint settings (JSON)' }).inputValue()).toBe(lupusLint);
    await p.close();
  });

  it("say where to keep another file's summary-only questions, and do so once they are there", async () => {
    const p = await playground();
    await replaceAll(p, feverText);
    await expect.poll(() => heading(p, '#preview').textContent()).toBe('My fever check');
    await expect.poll(() => p.locator('#problems-summary').textContent()).toBe('No problems. 3 lint warnings.');
    const lines = await problemLines(p);
    for (const id of ['age', 'sex']) {
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^questionnaire\\.json:\\d+:\\d+  warning  .*no guidance, score or follow-up reads "${id}".*add "${id}": "why" under "summaryOnly" in the "Lint settings \\(JSON\\)" box below the list of problems; otherwise`,
          ),
        ),
      );
    }
    // lupus.lint.json is for lupus.json: it is not applied to another file, and says so.
    expect(lines).toContainEqual(
      'questionnaire.lint.json:2:12  warning  $.rules  these settings are for "./lupus.json", not for fever_clinic.json (the file with the id "fever_clinic"): lint does not apply them  (to apply them to this file, set "rules" to "./fever_clinic.json")  [config]',
    );

    await p.getByText('Lint settings (JSON)', { exact: true }).click();
    await p.getByRole('textbox', { name: 'Lint settings (JSON)' }).fill(JSON.stringify({ summaryOnly: { age: 'for the doctor', sex: 'for the doctor' } }, null, 2));
    await expect.poll(() => p.locator('#problems-summary').textContent()).toBe('No problems.');
    expect(await problemLines(p)).toEqual([]);
    expect(await heading(p, '#preview').textContent()).toBe('My fever check'); // the preview did not start again
    await p.close();
  });

  it('list their own mistakes by line and column, and a click puts the cursor there', async () => {
    const p = await playground();
    const settings = p.getByRole('textbox', { name: 'Lint settings (JSON)' });
    await p.getByText('Lint settings (JSON)', { exact: true }).click();
    await settings.fill('{\n  "summaryOnly": {\n    "agee": "for the doctor",\n    "sex": "for the doctor"\n  }\n}');
    await expect.poll(() => p.locator('#problems-summary').textContent()).toBe('No problems. 1 lint warning. 1 problem in the lint settings.');
    const mistake = p.locator('#problems button.error');
    expect(await mistake.textContent()).toBe('questionnaire.lint.json:3:5  error  $.summaryOnly.agee  "agee" is not a question in lupus  (did you mean "age"?)  [unread-question]');
    await p.getByText('Lint settings (JSON)', { exact: true }).click(); // folded again: a click on the mistake opens it
    await mistake.click();
    expect(await settings.isVisible()).toBe(true);
    const cursor = await settings.evaluate((box: HTMLTextAreaElement) => ({ focused: document.activeElement === box, at: box.value.slice(box.selectionStart, box.selectionStart + 6) }));
    expect(cursor).toEqual({ focused: true, at: '"agee"' });

    // Settings that cannot be read: the JSON syntax error, placed as the file's are; lint warns as without settings.
    await settings.fill('{\n  "summaryOnly": { "age": "for the doctor", }\n}');
    await expect.poll(() => p.locator('#problems-summary').textContent()).toBe('No problems. 2 lint warnings. 1 problem in the lint settings.');
    expect(await mistake.textContent()).toMatch(/^questionnaire\.lint\.json:2:43  error  \$  JSON syntax error: a comma too many before "}"/);
    await p.close();
  });

  it('go with the file in a share link; a link without them opens as before', async () => {
    const p = await playground();
    await replaceAll(p, feverText);
    const mine = JSON.stringify({ rules: './fever_clinic.json', summaryOnly: { age: 'for the doctor', sex: 'for the doctor' } }, null, 2);
    await p.getByText('Lint settings (JSON)', { exact: true }).click();
    await p.getByRole('textbox', { name: 'Lint settings (JSON)' }).fill(mine);
    await expect.poll(() => p.locator('#problems-summary').textContent()).toBe('No problems.');
    await p.locator('#share').click();
    await expect.poll(() => p.url()).toMatch(/#rules=.*&lint=/);
    const opened = await playground(new URL(p.url()).hash);
    expect(await opened.locator('#lint-settings').inputValue()).toBe(mine);
    expect(await opened.locator('#problems-summary').textContent()).toBe('No problems.');
    await opened.close();

    // A link made before links carried the settings: lupus.json's are for lupus.json alone; another
    // file gets none (not lupus.json's with a warning that they are not for it).
    const old = await playground(shareHash(feverText));
    await expect.poll(() => old.locator('#problems-summary').textContent()).toBe('No problems. 2 lint warnings.');
    expect(await old.locator('#lint-settings').inputValue()).toBe('');
    await old.close();
    const oldLupus = await playground(shareHash(lupusText));
    await expect.poll(() => oldLupus.locator('#problems-summary').textContent()).toBe('No problems.');
    expect(await oldLupus.locator('#lint-settings').inputValue()).toBe(lupusLint);
    await oldLupus.close();
    await p.close();
  });
});
