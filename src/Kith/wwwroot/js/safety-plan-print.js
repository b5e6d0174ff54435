// "Print" on the printable safety plan. Progressive enhancement only: without JavaScript the button stays
// hidden and the browser's own Print command prints the same page.
const button = document.querySelector('[data-print-plan]');
if (button && typeof window.print === 'function') {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
