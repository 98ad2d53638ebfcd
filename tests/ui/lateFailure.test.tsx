// @vitest-environment happy-dom
/**
 * The later screens' code (with the number and scale answers) failing to load: the page hears
 * it once, and the stopped message takes the place, and the focus, of the screen that needs it,
 * also when that screen was already showing "Loading". A questionnaire that starts with a number
 * loads that code on the intro.
 */
import { h } from 'preact';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../src/questionnaire/problem';
import { App } from '../../src/ui/App';
import { smallQuestionnaire } from '../fixtures';

// The import of lateScreens waits until the test lets it fail.
const gate = await vi.hoisted(async () => (await import('./lateScreensGate')).lateScreensGate());
vi.mock('../../src/ui/lateScreens', async () => gate.failed);

afterEach(() => cleanup());
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const heading = () => screen.queryByRole('heading', { level: 2 });

describe("the later screens' code failing to load", () => {
  it('replaces the "Loading" of a number question with the stopped message, which takes focus', async () => {
    const errors: Problem[][] = [];
    render(<App questionnaire={smallQuestionnaire()} lang="en" onError={(problems) => errors.push(problems)} />);
    click('Start');
    fireEvent.click(screen.getByRole('checkbox', { name: 'None of these' }));
    click('Next');
    // Past the first question once the machine's code is here (it loads apart from the later screens').
    fireEvent.click(await screen.findByRole('radio', { name: 'Yes' }));
    click('Next');
    // The number question waits for its answer box.
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);
    gate.fail(new Error('offline'));
    await waitFor(() => expect(heading()?.textContent).toBe('This symptom check stopped'));
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(errors).toEqual([[{ file: 'symptom-check', path: '$', message: expect.stringMatching(/^could not load the next screen: /) }]]);
  });

  it('is asked for on the intro when the first question is a number, and reported there', async () => {
    const numberFirst = smallQuestionnaire();
    numberFirst.sections[0]!.questions.unshift({ id: 'temperature', type: 'number', text: { en: 'What is your temperature?', hi: 'तापमान?' }, min: 30, max: 45, source: 'src' } as never);
    const errors: Problem[][] = [];
    render(<App questionnaire={numberFirst} lang="en" onError={(problems) => errors.push(problems)} />);
    // Before Start: the code is on its way (here it fails, and the page hears it at once).
    await waitFor(() => expect(errors).toHaveLength(1));
    expect(heading()?.textContent).toBe('Small check');
    click('Start');
    expect(heading()?.textContent).toBe('This symptom check stopped');
    await waitFor(() => expect(document.activeElement).toBe(heading()));
  });
});
