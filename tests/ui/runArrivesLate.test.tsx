// @vitest-environment happy-dom
/**
 * The machine's code arriving after the early run has already shown an emergency result, with
 * its advice: the machine takes over the same run, and the page hears of it once.
 */
import { h } from 'preact';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import type { CompleteDetail } from '../../src/ui/App';
import { App } from '../../src/ui/App';
import { smallQuestionnaire } from '../fixtures';

// The import of the machine's code waits until the test lets it through.
const gate = vi.hoisted(() => {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open() };
});
vi.mock('../../src/machine/startRun', async (importOriginal) => {
  await gate.opened;
  return importOriginal();
});
afterEach(() => cleanup());

it('reports an emergency stop once when the machine takes it over after its advice is shown', async () => {
  const completes: CompleteDetail[] = [];
  render(<App questionnaire={smallQuestionnaire()} lang="en" onComplete={(detail) => completes.push(detail)} />);
  fireEvent.click(screen.getByRole('button', { name: 'Start' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'Chest pain' }));
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  // The advice, worked out by the later screens' code, while the machine's code is still held back.
  await screen.findByText('Chest pain needs care now.');
  await waitFor(() => expect(completes).toHaveLength(1));
  gate.open();
  // Here once the App has it (its import asked first), then one more turn for the render.
  await import('../../src/machine/startRun');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(screen.getByText('Chest pain needs care now.')).toBeTruthy();
  // Taken over: Back goes to the question, as the machine says.
  fireEvent.click(screen.getByRole('button', { name: 'Back' }));
  await waitFor(() => expect(screen.getAllByRole('heading', { level: 2 })[0]!.textContent).toBe('Do you have any of these now?'));
  expect(completes).toHaveLength(1);
  expect(completes[0]).toMatchObject({ answers: { red_flags: ['chest_pain'] }, stoppedEarly: true });
});
