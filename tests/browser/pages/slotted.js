// The widget as a light-DOM child of other components that show it through a <slot> in their
// shadow root, between their own shadow content (a tall header, a footer, a side column):
// ?slot=default: <clinic-card> shows it in its default slot;
// ?slot=named: in its named slot "side";
// ?slot=nested: a <clinic-card> holds a <clinic-panel> that holds the widget, and the panel passes
// it on through a <slot> inside its own shadow <clinic-card>: a slot inside a slot.
// window.__chrome lists everything on the page but the widget that a printout must leave out.
window.__chrome = [];
const el = (tag, text, attributes = {}) => {
  const e = document.createElement(tag);
  if (text) {
    e.textContent = text;
    window.__chrome.push(e);
  }
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  return e;
};
const sheet = (css) => {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
};
const cardSheet = sheet(`
  :host { display: block; position: relative; margin: 40px 0 0 120px; padding: 24px; border: 3px solid; max-width: 420px; }
  header { height: 2500px; }
  .body { display: grid; grid-template-columns: 1fr 12rem; height: 600px; overflow: auto; }
`);
customElements.define('clinic-card', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [cardSheet];
    const body = el('div', '', { class: 'body' });
    body.append(el('slot'), el('slot', '', { name: 'side' }));
    root.append(el('header', 'Card header'), el('slot', '', { name: 'title' }), body, el('footer', 'Card footer'));
  }
});
customElements.define('clinic-panel', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const card = el('clinic-card');
    card.append(el('h3', 'Inner card title', { slot: 'title' }), el('slot'), el('p', 'Inner card side note', { slot: 'side' }));
    root.append(el('p', 'Panel header'), card, el('p', 'Panel footer'));
  }
});

const variant = new URLSearchParams(location.search).get('slot') || 'default';
document.addEventListener('DOMContentLoaded', () => {
  const widget = document.createElement('symptom-check');
  const card = el('clinic-card');
  if (variant === 'named') {
    widget.slot = 'side';
    card.append(el('h3', 'Card title', { slot: 'title' }), el('p', 'Card text'), widget);
  } else if (variant === 'nested') {
    const panel = el('clinic-panel');
    panel.append(widget);
    card.append(el('h3', 'Card title', { slot: 'title' }), panel, el('p', 'Card side note', { slot: 'side' }));
  } else card.append(el('h3', 'Card title', { slot: 'title' }), widget, el('p', 'Card side note', { slot: 'side' }));
  document.querySelector('main').append(card);
  window.__chrome.push(document.querySelector('h1'), document.querySelector('#page-button'));
});
