// The Print buttons of the service page and of Find help's result cards: shown only where JavaScript runs (without it,
// the browser's own Print works). A card's button prints that card alone (service-print.css hides the others).
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const card = button.closest('.result');
    if (card) {
      document.documentElement.dataset.printing = 'card';
      card.dataset.printing = 'true';
    }
    window.print();
  });
}
window.addEventListener('afterprint', () => {
  delete document.documentElement.dataset.printing;
  for (const card of document.querySelectorAll('.result[data-printing]')) delete card.dataset.printing;
});
