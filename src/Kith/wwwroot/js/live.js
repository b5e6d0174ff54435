// Live updates for staff pages over Server-Sent Events. Pages work without it; this only adds
// notices as they happen. Event data carries ids, never content.
const region = document.getElementById('live-notice');
if (region && 'EventSource' in window) {
  const source = new EventSource(region.dataset.liveSource);
  source.addEventListener('ready', () => { region.dataset.connected = 'true'; });
  source.addEventListener('access-changed', () => {
    region.textContent = region.dataset.accessChanged || 'Your access was changed by an administrator. Reload the page to see it.';
    region.classList.add('visible');
  });
  // Service directory: a record the person's organisation owns needs verifying (ids only in the event).
  source.addEventListener('directory-verification-due', () => {
    region.textContent = region.dataset.verificationDue || 'Directory records need verifying.';
    region.classList.add('visible');
  });
}
