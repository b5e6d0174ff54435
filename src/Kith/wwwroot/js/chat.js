// Web chat, live (ADR 36). Progressive enhancement only: without this script the form posts, the page lands on its
// result and "Check for new replies" shows what came. With it, a message is sent without a reload, replies and the
// "a responder is writing" signal arrive over the visitor's own stream (their session cookie; nothing in the URL), and
// the visitor's typing is signalled at most every few seconds. No storage, no other requests.
const chat = document.querySelector('[data-chat-live]');
const form = document.getElementById('chat-form');
const box = document.getElementById('chat-text');
const regions = ['chat-errors-region', 'chat-danger-region', 'chat-transcript', 'chat-status', 'chat-wait-help'];

if (chat && form && box && window.fetch && window.DOMParser) {
  const base = '/chat/' + encodeURIComponent(chat.dataset.line);
  const announcer = document.createElement('p');
  announcer.className = 'visually-hidden';
  announcer.setAttribute('role', 'status');
  chat.append(announcer);
  let source = null;
  let typingHidden = null;
  let refreshTimer = null;
  let lastTyping = 0;

  const swap = (page) => {
    for (const id of regions) {
      const fresh = page.getElementById(id);
      const current = document.getElementById(id);
      if (fresh && current) current.replaceWith(document.importNode(fresh, true));
    }
    // The end-chat form and the check link appear once there is a conversation.
    const freshEnd = page.getElementById('chat-end');
    const currentEnd = document.getElementById('chat-end');
    if (freshEnd && !currentEnd) chat.append(document.importNode(freshEnd, true));
    if (!freshEnd && currentEnd) currentEnd.remove();
    const freshCheck = page.querySelector('.chat-check');
    if (freshCheck && !form.querySelector('.chat-check')) form.append(document.importNode(freshCheck, true));
    const freshChat = page.querySelector('[data-chat-live]');
    if (freshChat?.dataset.open) chat.dataset.open = 'true'; else delete chat.dataset.open;
  };

  const refresh = () => {
    if (refreshTimer) return;
    refreshTimer = setTimeout(async () => {
      refreshTimer = null;
      try {
        const response = await fetch(base, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
        if (response.ok) swap(new DOMParser().parseFromString(await response.text(), 'text/html'));
      } catch {
        // Offline for a moment: the next event, or "Check for new replies", catches up.
      }
      if (!chat.dataset.open && source) { source.close(); source = null; }
    }, 300);
  };

  const append = (message) => {
    if (document.getElementById('message-' + message.id)) return;
    const label = chat.dataset[message.who] || '';
    const item = document.createElement('li');
    item.className = 'chat-message chat-message-' + message.who;
    item.id = 'message-' + message.id;
    const head = document.createElement('p');
    head.className = 'chat-message-head';
    const who = document.createElement('span');
    who.className = 'chat-message-who';
    who.textContent = label;
    head.append(who);
    const text = document.createElement('p');
    text.className = 'chat-message-text preserve-lines';
    text.textContent = message.text;
    item.append(head, text);
    document.getElementById('chat-transcript')?.append(item);
    item.scrollIntoView({ block: 'nearest' });
    if (message.who !== 'you') {
      announcer.textContent = '';
      setTimeout(() => { announcer.textContent = label + ': ' + message.text; }, 50);
    }
  };

  const listen = () => {
    if (source || !chat.dataset.open || !('EventSource' in window)) return;
    source = new EventSource(base + '/events');
    let connected = false;
    source.addEventListener('ready', () => {
      if (connected) refresh(); // anything missed while the connection was down
      connected = true;
      chat.dataset.connected = 'true';
    });
    source.addEventListener('message', (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch { return; }
      const typing = document.getElementById('chat-typing');
      if (typing) typing.hidden = true;
      append(message);
      refresh(); // the wait band and status follow
    });
    source.addEventListener('typing', () => {
      const typing = document.getElementById('chat-typing');
      if (!typing) return;
      typing.hidden = false;
      clearTimeout(typingHidden);
      typingHidden = setTimeout(() => { typing.hidden = true; }, 6000);
    });
    source.addEventListener('closed', refresh);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    try {
      const response = await fetch(base, {
        method: 'POST', credentials: 'same-origin', body: new URLSearchParams(new FormData(form)),
        headers: { Accept: 'text/html' },
      });
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (!page.querySelector('[data-chat-live]')) { form.submit(); return; } // not the chat page: let the browser show it
      swap(page);
      // A fresh antiforgery token travels with the page.
      const token = page.querySelector('#chat-form input[name=__RequestVerificationToken]');
      const mine = form.querySelector('input[name=__RequestVerificationToken]');
      if (token && mine) mine.value = token.value;
      const problem = document.getElementById('chat-errors');
      const danger = document.getElementById('chat-danger');
      if (problem) { problem.focus(); return; }
      box.value = '';
      if (danger) { danger.setAttribute('tabindex', '-1'); danger.focus(); } else box.focus();
      const items = document.querySelectorAll('#chat-transcript > li');
      if (!danger && items.length) items[items.length - 1].scrollIntoView({ block: 'nearest' });
      listen();
    } catch {
      form.submit(); // the network failed mid-way: the plain post still works
    } finally {
      if (button) button.disabled = false;
    }
  });

  box.addEventListener('input', () => {
    const now = Date.now();
    if (!chat.dataset.open || now - lastTyping < 4000) return;
    lastTyping = now;
    fetch(base + '/typing', { method: 'POST', credentials: 'same-origin' }).catch(() => {});
  });

  listen();
}
