// Quick exit (ADR 0032). Without JavaScript the button is an ordinary link to the neutral site.
// With it: the page goes blank at once, the neutral site opens in a new tab (so the tab in front has no Kith page
// behind it), this tab's entry is replaced by the neutral site (so its Back does not return to this page), and /exit is
// requested so its Clear-Site-Data removes Kith's cookies, cache and storage.
// A browser lets no page remove the other entries of its tab: Kith pages opened before this one in the same tab
// stay behind it — the page's help text and the ADR say so.
function leave(link) {
  document.body.hidden = true;
  // /exit's answer asks the browser to clear Kith's cookies and storage; sent on its own (keepalive outlives the page) so
  // the tab itself goes straight to the neutral site: navigating through /exit stalled Chromium while it cleared.
  fetch(link.href, { credentials: 'same-origin', keepalive: true, redirect: 'manual' }).catch(() => {});
  window.open(link.dataset.quickExit, '_blank', 'noopener,noreferrer');
  window.location.replace(link.dataset.quickExit);
}

for (const link of document.querySelectorAll('[data-quick-exit]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    leave(link);
  });
}
// Pressing Escape three times quickly also leaves: some people cannot reach a button in time. On a touch screen the
// button itself is the way out: it stays fixed on screen, and no gesture is added that could fire by accident.
let presses = [];
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const now = Date.now();
  presses = presses.filter((t) => now - t < 1500).concat(now);
  const link = document.querySelector('[data-quick-exit]');
  if (presses.length >= 3 && link) leave(link);
});
// Marks the page as enhanced (browser tests wait for it before pressing keys).
document.documentElement.dataset.quickExitReady = 'true';
