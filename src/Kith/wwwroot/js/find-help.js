// Find help: "Use my location" fills lat/lon and searches. Progressive enhancement only: the button is
// hidden in the HTML and shown here, so without JavaScript (or geolocation) the page never offers it.
// The position is rounded to about a kilometre before it leaves the device. Where the site's
// Permissions-Policy turns geolocation off, the button stays hidden rather than failing when pressed.
const button = document.querySelector('[data-use-location]');
const form = button?.closest('form');
const allowed = async () => {
  try { return (await navigator.permissions.query({ name: 'geolocation' })).state !== 'denied'; } catch { return true; }
};
if (button && form && 'geolocation' in navigator && await allowed()) {
  const status = document.querySelector('[data-location-status]');
  const say = (text) => { if (status) { status.textContent = text; status.hidden = false; } };
  const field = (name) => {
    let input = form.querySelector(`input[type="hidden"][name="${name}"]`);
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      form.append(input);
    }
    return input;
  };
  button.hidden = false;
  button.addEventListener('click', () => {
    say(button.dataset.finding);
    navigator.geolocation.getCurrentPosition((position) => {
      field('lat').value = position.coords.latitude.toFixed(2);
      field('lon').value = position.coords.longitude.toFixed(2);
      for (const name of ['area', 'postcode']) {
        const other = form.querySelector(`[name="${name}"]`);
        if (other) other.value = '';
      }
      form.submit();
    }, () => say(button.dataset.failed), { maximumAge: 600000, timeout: 15000 });
  });
}
