// Live concerns for responders: the queue refreshes and the case page says when the concern changed, without
// a reload. Progressive enhancement: both pages work without it. Events carry ids only; what changed is
// fetched again with the staff cookie, through the same access rules as any page.
const queue = document.querySelector('[data-queue-live]');
const casePanel = document.querySelector('[data-case-live]');

let timer = null;
let sawNew = false;

if ((queue || casePanel) && 'EventSource' in window) {
  const source = new EventSource('/staff/events');
  let connected = false;
  source.addEventListener('ready', () => {
    // After a dropped connection the stream starts afresh; anything missed meanwhile is fetched once.
    if (connected && queue) refreshQueue({});
    connected = true;
    (queue || casePanel).dataset.connected = 'true';
  });
  source.addEventListener('concern', (event) => {
    let change;
    try { change = JSON.parse(event.data); } catch { return; }
    if (queue) refreshQueue(change);
    if (casePanel && change.id === casePanel.dataset.concernId) showChanged();
  });
}

function refreshQueue(change) {
  sawNew = sawNew || change.kind === 'new';
  if (timer) return; // a burst of events (a page to several people) costs one fetch
  timer = setTimeout(async () => {
    timer = null;
    const announceNew = sawNew;
    sawNew = false;
    try {
      const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (!response.ok || response.redirected) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const id of ['queue-alerts', 'queue-table']) {
        const fresh = page.getElementById(id);
        const current = document.getElementById(id);
        if (fresh && current) current.replaceWith(document.importNode(fresh, true));
      }
      announce(announceNew ? queue.dataset.newConcern : queue.dataset.updated);
    } catch {
      // Offline for a moment: the next event, or a reload, catches up.
    }
  }, 250);
}

function announce(text) {
  const region = queue.querySelector('[data-queue-announce]');
  if (!region || !text) return;
  region.textContent = '';
  // A new text node after clearing, so screen readers announce a repeat of the same words too.
  setTimeout(() => { region.textContent = text; }, 50);
}

function showChanged() {
  if (casePanel.dataset.shown) return;
  casePanel.dataset.shown = 'true';
  const link = document.createElement('a');
  link.href = window.location.pathname; // the page itself, without the last action's note: a fresh load
  link.textContent = casePanel.dataset.reload || 'Reload';
  casePanel.append(document.createTextNode((casePanel.dataset.changed || 'This concern changed.') + ' '), link);
  casePanel.classList.add('visible');
}
