// The floor for start-up: a custom element whose shadow root holds one button, and nothing else.
// What ours costs above this page is what its own code costs; the rest comes with any module
// script (its fetch, running after parsing, one more frame).
customElements.define(
  'one-button',
  class extends HTMLElement {
    connectedCallback() {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Start';
      this.attachShadow({ mode: 'open' }).append(button);
    }
  },
);
