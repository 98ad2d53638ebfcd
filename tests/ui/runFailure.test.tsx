// @vitest-environment happy-dom
/**
 * The machine's code loads once the first question is on screen, and may fail to (a network
 * fault at a moment the test chooses): the intro and the first question need none of it, an
 * emergency answer still ends in "Get emergency care now" with the number to call, and a step
 * that needs the machine shows the stopped message, which the page hears about once.
 */
import { h } from 'preact';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../src/questionnaire/problem';
import { App } from '../../src/ui/App';
import * as store from '../../src/ui/persistence';
import { smallQuestionnaire } from '../fixtures';

// Asked for: whether the App has imported the machine's code yet; the import then waits until the test lets it fail.
const gate = await vi.hoisted(async () => ({ ...(await import('./lateScreensGate')).lateScreensGate(), asked: false }));
vi.mock('../../src/machine/startRun', async () => {
  gate.asked = true;
  return gate.failed;
});
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const tick = (name: string) => fireEvent.click(screen.getByRole('checkbox', { name }));
const heading = () => screen.getAllByRole('heading', { level: 2 })[0]!;

describe("the machine's code, loaded once the first question shows", () => {
  it('is not asked for on the intro; the first question is answered without it, and an emergency answer ends the questions', async () => {
    render(<App questionnaire={smallQuestionnaire()} lang="en" emergencyNumber="108" />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gate.asked).toBe(false);
    click('Start');
    expect(heading().textContent).toBe('Do you have any of these now?');
    await waitFor(() => expect(gate.asked).toBe(true));
    // A refusal, then an answer, while the code is still on its way.
    click('Next');
    expect(screen.getByRole('alert').textContent).toMatch(/Choose an answer to go on/);
    tick('Chest pain');
    click('Next');
    expect(heading().textContent).toBe('Get emergency care now');
    expect(screen.getByRole('link', { name: 'Call 108 now' }).getAttribute('href')).toBe('tel:108');
  });

  it('failing, stops a calm run at the next step with the number to call, and tells the page once', async () => {
    const errors: Problem[][] = [];
    render(<App questionnaire={smallQuestionnaire()} lang="en" onError={(problems) => errors.push(problems)} />);
    click('Start');
    tick('None of these');
    gate.fail(new Error('offline'));
    await waitFor(() => expect(errors).toHaveLength(1));
    // The first question stays usable: nothing was needed yet.
    expect(heading().textContent).toBe('Do you have any of these now?');
    click('Next');
    await waitFor(() => expect(heading().textContent).toBe('This symptom check stopped'));
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(screen.getByRole('link', { name: /112/ }).getAttribute('href')).toBe('tel:112');
    expect(errors).toEqual([[{ file: 'symptom-check', path: '$', message: expect.stringMatching(/^could not load the next screen: /) }]]);
  });

  it('failing, shows the stopped message instead of a kept run, not a fresh intro that would lose it', async () => {
    sessionStorage.setItem('k', JSON.stringify({ answers: { red_flags: ['none'] }, step: 'question', current: 'joint_pain' }));
    render(<App questionnaire={smallQuestionnaire()} lang="en" persist={{ key: 'k', store }} />);
    await waitFor(() => expect(heading().textContent).toBe('This symptom check stopped'));
    expect(sessionStorage.getItem('k')).not.toBeNull();
  });

  it('failing, still shows a kept emergency stop as one: its heading and the number to call', async () => {
    const errors: Problem[][] = [];
    sessionStorage.setItem('k', JSON.stringify({ answers: { red_flags: ['chest_pain'] }, step: 'result', current: 'red_flags', stoppedEarly: true }));
    render(<App questionnaire={smallQuestionnaire()} lang="en" persist={{ key: 'k', store }} onError={(problems) => errors.push(problems)} />);
    expect(heading().textContent).toBe('Get emergency care now');
    await waitFor(() => expect(errors).toHaveLength(1));
    expect(heading().textContent).toBe('Get emergency care now');
    expect(screen.getByRole('link', { name: 'Call 112 now' }).getAttribute('href')).toBe('tel:112');
  });
});
