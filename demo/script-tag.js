// Plain JavaScript, loaded as is (no TypeScript, no bundler). The elements are already defined by
// /dist/cdn/mfa-elements.js; this only signs in and hands the provider its mfa_token.
const config = await (await fetch('/demo-config.json')).json();
const form = document.getElementById('signin');
const provider = document.getElementById('provider');
const status = document.getElementById('status');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status.textContent = 'Signing in…';
  // The password grant, as an app's auth SDK would do it; the tenant answers mfa_required.
  const response = await fetch(`${config.emulatorUrl}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      username: form.email.value,
      password: form.password.value,
      client_id: config.clientId,
      audience: `${config.emulatorUrl}/mfa/`,
    }),
  });
  const body = await response.json();
  if (body.error !== 'mfa_required') {
    status.textContent = `Sign-in failed: ${body.error_description || body.error}`;
    return;
  }
  provider.setAttribute('domain', config.emulatorUrl);
  provider.setAttribute('client-id', config.clientId);
  provider.mfaToken = body.mfa_token;
  document.getElementById('app').hidden = false;
  form.hidden = true;
  status.textContent = '';
});

// Every page event, as text (the mfa_token never appears in an event; tokens in mfa-verified are dropped).
for (const type of ['mfa-enroll', 'mfa-remove', 'mfa-verified', 'mfa-error']) {
  provider.addEventListener(type, (event) => {
    const detail = JSON.stringify(event.detail, (key, value) => (/token/i.test(key) ? '[redacted]' : value));
    const item = document.createElement('li');
    item.textContent = `${type} ${detail}`;
    document.getElementById('log').append(item);
  });
}
