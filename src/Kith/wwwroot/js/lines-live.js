// The live text-line console: the queue and "your conversations" refresh, waits count up and turn overdue, an open
// conversation shows new messages and "the texter is writing…", and the reply box tells a web-chat visitor that the
// responder is writing. Progressive enhancement: both pages are right as served without it. Events carry ids only;
// what changed is fetched again with the staff cookie, through the same access rules (and audit) as any page.
const queue = document.querySelector('[data-lines-live]');
const live = document.querySelector('[data-conversation-live]');
const reply = document.querySelector('textarea[data-typing-url]');

let timer = null;
let typingHidden = null;

if ((queue || live) && 'EventSource' in window) {
  const source = new EventSource('/staff/events');
  let connected = false;
  source.addEventListener('ready', () => {
    // After a dropped connection the stream starts afresh; anything missed meanwhile is fetched once.
    if (connected) refresh();
    connected = true;
    (queue || live).dataset.connected = 'true';
  });
  source.addEventListener('line-conversation', (event) => {
    let change;
    try { change = JSON.parse(event.data); } catch { return; }
    if (queue || change.id === live.dataset.conversationLive) refresh();
  });
  source.addEventListener('line-typing', (event) => {
    let typing;
    try { typing = JSON.parse(event.data); } catch { return; }
    if (live && typing.id === live.dataset.conversationLive) showTyping();
  });
}

if (queue) {
  // The server's clock, not the browser's: a wait is measured from when the page was served.
  const skew = Date.parse(queue.dataset.now) - Date.now();
  tick(skew);
  setInterval(() => tick(skew), 5000);
}

if (reply) {
  let last = 0;
  reply.addEventListener('input', () => {
    const now = Date.now();
    if (now - last < 3000) return; // one nudge every few seconds is enough for "is writing…"
    last = now;
    fetch(reply.dataset.typingUrl, { method: 'POST', credentials: 'same-origin' }).catch(() => {});
  });
}

// A prepared reply fills the reply box in place (without JavaScript the form reloads the page with it filled).
const picker = document.querySelector('form[data-canned-picker]');
const replyBox = document.getElementById('reply-text');
if (picker && replyBox) {
  picker.addEventListener('submit', (event) => {
    const chosen = picker.querySelector('select')?.selectedOptions[0];
    if (!chosen) return;
    event.preventDefault();
    replyBox.value = chosen.dataset.text;
    replyBox.focus();
    replyBox.dispatchEvent(new Event('input'));
  });
}

function refresh() {
  if (timer) return; // a burst of events costs one fetch
  timer = setTimeout(async () => {
    timer = null;
    const before = queue ? snapshot(document) : null;
    try {
      const response = await fetch(window.location.pathname, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (!response.ok || response.redirected) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const ids = queue ? ['lines-waiting', 'lines-mine'] : ['conversation-facts', 'messages'];
      const grew = live && page.querySelectorAll('#messages li').length > document.querySelectorAll('#messages li').length;
      for (const id of ids) {
        const fresh = page.getElementById(id);
        const current = document.getElementById(id);
        if (fresh && current) current.replaceWith(document.importNode(fresh, true));
      }
      if (queue) {
        const after = snapshot(document);
        tick(Date.parse(page.querySelector('[data-lines-live]')?.dataset.now ?? queue.dataset.now) - Date.now());
        if ([...after.waiting].some((id) => !before.waiting.has(id))) announce(queue.querySelector('[data-lines-announce]'), queue.dataset.newText);
        else if (after.unread > before.unread) announce(queue.querySelector('[data-lines-announce]'), queue.dataset.newMessage);
      } else if (grew) {
        hideTyping();
        announce(live, live.dataset.newMessage);
      }
    } catch {
      // Offline for a moment: the next event, or a reload, catches up.
    }
  }, 250);
}

function snapshot(root) {
  const waiting = new Set([...root.querySelectorAll('#lines-waiting tr[data-conversation-id]')].map((r) => r.dataset.conversationId));
  const unread = [...root.querySelectorAll('#lines-mine [data-unread]')].reduce((sum, e) => sum + Number(e.dataset.unread), 0);
  return { waiting, unread };
}

// Waits count up, and a row whose tier's limit on its line has passed is marked overdue (in words, not colour alone).
function tick(skew) {
  const now = Date.now() + skew;
  for (const row of queue.querySelectorAll('#lines-waiting tr[data-conversation-id]')) {
    const since = row.querySelector('time[data-since]');
    if (since) since.textContent = age(now - Date.parse(since.getAttribute('datetime')));
    if (row.dataset.due && Date.parse(row.dataset.due) <= now && !row.classList.contains('queue-overdue')) {
      row.classList.add('queue-overdue');
      const flag = document.createElement('strong');
      flag.className = 'queue-overdue-flag';
      flag.textContent = queue.dataset.overdue;
      since?.after(document.createTextNode(' '), flag);
    }
  }
}

function age(ms) {
  const minutes = Math.max(0, Math.floor(ms / 60000));
  const [format, n] = minutes < 60 ? [queue.dataset.minutes, minutes]
    : minutes < 48 * 60 ? [queue.dataset.hours, Math.floor(minutes / 60)]
    : [queue.dataset.days, Math.floor(minutes / 1440)];
  return format.replace('{0}', String(n));
}

function showTyping() {
  const note = document.getElementById('texter-typing');
  if (note) note.textContent = live.dataset.typing;
  if (!typingHidden) announce(live, live.dataset.typing);
  clearTimeout(typingHidden);
  typingHidden = setTimeout(hideTyping, 6000);
}

function hideTyping() {
  clearTimeout(typingHidden);
  typingHidden = null;
  const note = document.getElementById('texter-typing');
  if (note) note.textContent = '';
}

function announce(region, text) {
  if (!region || !text) return;
  region.textContent = '';
  // A new text node after clearing, so screen readers announce a repeat of the same words too.
  setTimeout(() => { region.textContent = text; }, 50);
}
