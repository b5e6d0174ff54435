// The service page's Print button: shown only where JavaScript runs (without it, the browser's own Print works).
const button = document.querySelector('[data-print]');
if (button) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
