// "Copy the code" beside a concern's receipt. Progressive enhancement only: the button is hidden in the
// HTML and shown here when the browser lets us write to the clipboard; without it the code is plain,
// selectable text. The code is never stored by this script (no storage, no cookie, no request).
const button = document.querySelector('[data-copy-receipt]');
const code = button && document.getElementById(button.dataset.copyReceipt);
const status = document.querySelector('[data-copy-status]');
if (button && code && status && window.isSecureContext && navigator.clipboard?.writeText) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent.trim());
      status.textContent = button.dataset.copied;
    } catch {
      status.textContent = button.dataset.failed;
    }
  });
}
