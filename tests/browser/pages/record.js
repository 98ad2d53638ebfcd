// Records what the widget tells the page, and any CSP violation, for the tests to read.
window.__events = [];
window.__violations = [];
for (const type of ['sc-ready', 'sc-step', 'sc-complete', 'sc-error']) {
  document.addEventListener(type, (event) => window.__events.push({ type, detail: event.detail, target: event.target.id || event.target.tagName }));
}
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
});
