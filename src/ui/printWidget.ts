/**
 * Printing the summary prints the widget alone: the page around it is hidden while the print
 * dialog is open. Loads with the result screen (lateScreens.ts), the only place that prints.
 */
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  [data-sc-printing], [data-sc-printing] * { visibility: visible !important; }
  [data-sc-printing] { position: absolute !important; inset: 0 auto auto 0 !important; width: 100% !important; }
}`;

export function printWidget(host: HTMLElement): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PRINT_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  host.setAttribute('data-sc-printing', '');
  const done = () => {
    host.removeAttribute('data-sc-printing');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}
