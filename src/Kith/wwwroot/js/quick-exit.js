// Quick exit: replace this page in history (so Back does not return here) and go to a neutral site.
// Without JavaScript the button is an ordinary link to the same site.
for (const link of document.querySelectorAll('[data-quick-exit]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    document.body.hidden = true;
    window.location.replace(link.href);
  });
}
// Pressing Escape three times quickly also leaves: some people cannot reach a button in time.
let presses = [];
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const now = Date.now();
  presses = presses.filter((t) => now - t < 1500).concat(now);
  const link = document.querySelector('[data-quick-exit]');
  if (presses.length >= 3 && link) {
    document.body.hidden = true;
    window.location.replace(link.href);
  }
});
// Marks the page as enhanced (browser tests wait for it before pressing keys).
document.documentElement.dataset.quickExitReady = 'true';
