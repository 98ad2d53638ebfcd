// The demo page: the widget (from source, through Vite) plus a log of its events.
import '../src/index';

const log = document.querySelector<HTMLOListElement>('#event-log')!;
for (const type of ['sc-ready', 'sc-step', 'sc-complete', 'sc-error'] as const) {
  document.querySelector('#main-check')!.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${type} ${JSON.stringify((event as CustomEvent).detail).slice(0, 300)}`;
    log.prepend(item);
  });
}

document.querySelector('#copy-snippet')!.addEventListener('click', async () => {
  const status = document.querySelector('#copy-status')!;
  try {
    await navigator.clipboard.writeText(document.querySelector('#snippet')!.textContent ?? '');
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Select the snippet and copy it.';
  }
});
