// The raw-calls demo: signs in against the emulator, then lists, enrolls and verifies an
// authenticator app through MfaApiSource alone. The elements replace this page's forms.
import { MfaApiSource, MfaError, formatSecret, parseOtpauthUri } from '../src/core/index.js';

interface DemoConfig {
  emulatorUrl: string;
  clientId: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const say = (text: string) => (status.textContent = text);
const describe = (error: unknown) =>
  error instanceof MfaError ? `${error.code}${error.description ? `: ${error.description}` : ''}` : String(error);

const config: DemoConfig = await (await fetch('/demo-config.json')).json();
let source: MfaApiSource | undefined;

async function signIn(username: string, password: string): Promise<string> {
  const response = await fetch(`${config.emulatorUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      username,
      password,
      client_id: config.clientId,
      audience: `${config.emulatorUrl}/mfa/`,
      scope: 'openid profile enroll read:authenticators remove:authenticators',
    }),
  });
  const body = await response.json();
  // The emulator's tenant always requires MFA: the answer to a right password is mfa_required.
  if (body.error !== 'mfa_required') throw new Error(body.error_description ?? body.error);
  return body.mfa_token as string;
}

async function refresh(): Promise<void> {
  if (!source) return;
  const list = $('authenticators');
  list.replaceChildren();
  for (const a of await source.listAuthenticators()) {
    const item = document.createElement('li');
    item.textContent = `${a.factor} ${a.name ?? ''} ${a.active ? '(active)' : '(not confirmed)'} — ${a.id}`;
    list.append(item);
  }
  if (!list.children.length) list.textContent = 'None yet.';
}

$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  try {
    const mfaToken = await signIn(String(form.get('username')), String(form.get('password')));
    source = new MfaApiSource({ domain: config.emulatorUrl, clientId: config.clientId, mfaToken });
    for (const id of ['refresh', 'enroll']) $<HTMLButtonElement>(id).disabled = false;
    $('verify').querySelector('button')!.disabled = false;
    say('Signed in; MFA required.');
    await refresh();
  } catch (error) {
    say(`Sign-in failed: ${describe(error)}`);
  }
});

$('refresh').addEventListener('click', () => refresh().catch((e) => say(describe(e))));

$('enroll').addEventListener('click', async () => {
  try {
    const enrollment = await source!.enroll({ factor: 'otp' });
    if (enrollment.type !== 'otp') throw new Error('unexpected enrollment');
    const uri = parseOtpauthUri(enrollment.barcodeUri);
    $('secret').textContent = formatSecret(enrollment.secret);
    if (uri.kind === 'totp') $<HTMLAnchorElement>('otpauth').href = enrollment.barcodeUri;
    $('enrollment').hidden = false;
    say('Add the secret to your authenticator app, then type its code.');
  } catch (error) {
    say(`Enrollment failed: ${describe(error)}`);
  }
});

async function submitOtp(form: HTMLFormElement, done: string): Promise<void> {
  const otp = String(new FormData(form).get('otp') ?? '');
  try {
    const result = await source!.verify({ type: 'otp', otp });
    say(result.recoveryCode ? `${done} New recovery code: ${result.recoveryCode}` : done);
    form.reset();
    await refresh();
  } catch (error) {
    say(`Verification failed: ${describe(error)}`);
  }
}

$('confirm').addEventListener('submit', (event) => {
  event.preventDefault();
  void submitOtp(event.target as HTMLFormElement, 'Authenticator app enrolled.');
});
$('verify').addEventListener('submit', (event) => {
  event.preventDefault();
  void submitOtp(event.target as HTMLFormElement, 'Verified.');
});
