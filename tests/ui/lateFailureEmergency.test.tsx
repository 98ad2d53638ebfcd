// @vitest-environment happy-dom
/**
 * An emergency result keeps the patient where they are when the advice's code fails to load:
 * its heading and the number to call need none of it, and a patient who has moved to the call
 * link stays there.
 */
import { h } from 'preact';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/App';
import { smallQuestionnaire } from '../fixtures';

// The import of lateScreens waits until the test lets it fail.
const gate = await vi.hoisted(async () => (await import('./lateScreensGate')).lateScreensGate());
vi.mock('../../src/ui/lateScreens', async () => gate.failed);
afterEach(() => cleanup());

it('leaves focus on the number to call when the advice cannot load', async () => {
  render(<App questionnaire={smallQuestionnaire()} lang="en" emergencyNumber="108" />);
  fireEvent.click(screen.getByRole('button', { name: 'Start' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'Chest pain' }));
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  const call = screen.getByRole('link', { name: 'Call 108 now' });
  call.focus();
  gate.fail(new Error('offline'));
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/could not be shown/));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(screen.getAllByRole('heading', { level: 2 })[0]!.textContent).toBe('Get emergency care now'); // the frame stays first
  expect(document.activeElement).toBe(call);
});
