// @vitest-environment happy-dom
/**
 * persist="session" whose code cannot load (a network fault): the intro may have offered to keep
 * the answers while it loaded; the offer goes, and nothing claims to be kept.
 */
import { beforeAll, expect, it, vi } from 'vitest';

vi.mock('../../src/ui/persistence', () => {
  throw new Error('offline');
});

beforeAll(async () => {
  await import('../../src/index');
});

it('withdraws the offer to keep the answers when persist\'s code cannot load, and keeps nothing', async () => {
  const el = document.createElement('symptom-check');
  el.setAttribute('persist', 'session');
  document.body.append(el);
  const offer = () => el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]');
  expect(offer()).not.toBeNull(); // offered while the code loads
  offer()!.click();
  await vi.waitFor(() => expect(offer()).toBeNull());
  const start = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Start')!;
  start.click();
  await vi.waitFor(() => expect(el.shadowRoot!.querySelector('input[value="none"]')).not.toBeNull());
  el.shadowRoot!.querySelector<HTMLInputElement>('input[value="none"]')!.click();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(sessionStorage.length).toBe(0);
});
