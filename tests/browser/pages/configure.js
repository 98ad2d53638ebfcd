// Builds the widgets the test asks for in the query string, e.g. ?lang=hi&src=/fault/404&count=2&persist=session.
// ?tag=clinic-check: under a tag name of the clinic's choosing (the element's class, defined again).
// ?privacy=...: the clinic's own words in place of the intro's privacy promise (slot="privacy").
// ?card=1: inside a positioned, scrolling grid card below a 2,500 px header; ?card=shadow: in another component's shadow root.
// ?css=root-font: the page's own stylesheet /pages/root-font.css as well (repeatable), added now, before the body is parsed.
const params = new URLSearchParams(location.search);
const tag = params.get('tag');
for (const name of params.getAll('css')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = `/pages/${name}.css`;
  document.head.append(link);
}
document.addEventListener('DOMContentLoaded', async () => {
  if (tag) customElements.define(tag, class extends (await customElements.whenDefined('symptom-check')) {});
  const main = document.querySelector('main');
  const count = Number(params.get('count') || 1);
  for (let i = 0; i < count; i++) {
    const el = document.createElement(tag || 'symptom-check');
    el.id = `w${i}`;
    for (const [param, attribute] of [['lang', 'lang'], ['src', 'rules-src'], ['persist', 'persist'], ['emergency', 'emergency-number']]) {
      const value = params.getAll(param)[i] ?? params.get(param);
      if (value) el.setAttribute(attribute, value);
    }
    if (params.get('timeout')) el.fetchTimeout = Number(params.get('timeout'));
    if (params.get('privacy')) {
      const words = document.createElement('span');
      words.slot = 'privacy';
      words.textContent = params.get('privacy');
      el.append(words);
    }
    if (params.get('card') === 'shadow') {
      // Inside another component's shadow root, beside its own content.
      const outer = document.createElement('div');
      const root = outer.attachShadow({ mode: 'open' });
      const note = document.createElement('p');
      note.textContent = 'Inside another component';
      root.append(note, el);
      main.append(outer);
    } else if (params.get('card')) {
      const header = document.createElement('header');
      header.className = 'tall-header';
      header.textContent = 'A tall page header';
      const card = document.createElement('section');
      card.className = 'card';
      const aside = document.createElement('aside');
      aside.textContent = 'A side column';
      card.append(el, aside);
      main.append(header, card);
    } else main.append(el);
  }
});
