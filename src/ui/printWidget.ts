/**
 * Printing the summary prints the widget alone: while the print dialog is open, everything on
 * the page but the widget and the elements it sits in is not drawn, and those elements lose
 * their own layout (a positioned card, a grid column, a scrolling box), so the summary starts
 * at the top of the first page, full width. Loads with the result screen (lateScreens.ts), the
 * only place that prints.
 */
const PRINT_CSS = `@media print {
  [data-sc-print-path] > :not([data-sc-print-path], [data-sc-printing]),
  :host([data-sc-print-path]) > :not([data-sc-print-path], [data-sc-printing]) { display: none !important; }
  [data-sc-print-path] { display: block !important; position: static !important; inset: auto !important; float: none !important; transform: none !important; margin: 0 !important; padding: 0 !important; border: 0 !important; width: auto !important; max-width: none !important; height: auto !important; min-height: 0 !important; max-height: none !important; overflow: visible !important; }
  [data-sc-printing] { position: static !important; float: none !important; margin: 0 !important; width: auto !important; max-width: none !important; }
}`;

export function printWidget(host: HTMLElement): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PRINT_CSS);
  // The elements the widget sits in, up to <body>, also out of another component's shadow root
  // (which gets the sheet too: the page's sheets do not reach inside it). Climbs the tree as drawn:
  // an element slotted into a component is drawn at its <slot>, amid the component's own shadow
  // content (a header, a footer) that must be hidden too, so the slot comes before the parent.
  const path: Element[] = [];
  const roots: (Document | ShadowRoot)[] = [document];
  for (let el: Element | null = host; el; ) {
    const root = el.getRootNode();
    el = el.assignedSlot ?? el.parentElement ?? (root instanceof ShadowRoot ? (roots.push(root), root.host) : null);
    if (el && el !== document.documentElement) path.push(el);
  }
  for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  for (const el of path) el.setAttribute('data-sc-print-path', '');
  host.setAttribute('data-sc-printing', '');
  const done = () => {
    host.removeAttribute('data-sc-printing');
    for (const el of path) el.removeAttribute('data-sc-print-path');
    for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}
