/**
 * The demo page: sign in on the emulator's tenant (direct or proxy mode), then `<mfa-verify>`,
 * `<mfa-enrollment>` and `<mfa-otp-enroll>` under one `<mfa-provider>`, with a demo phone (the
 * emulator's outbox and push requests), an authenticator-app stand-in, the event log and a theme
 * switch. Runs under a strict CSP: no inline script or style, no innerHTML (see dom.ts).
 */
import '../src/define/mfa-provider.js';
import '../src/define/mfa-verify.js';
import '../src/define/mfa-enrollment.js';
import '../src/define/mfa-otp-enroll.js';
import type { MfaProvider } from '../src/define/mfa-provider.js';
import { signIn, signOut, type Mode, type SignedIn } from './app/auth.js';
import { loadConfig, type DemoConfig } from './app/config.js';
import { byId, h } from './app/dom.js';
import { EventLog } from './app/event-log.js';
import { DemoPhone } from './app/phone.js';
import { initThemeSwitch } from './app/theme.js';
import { TotpHelper } from './app/totp-helper.js';

const DEMO_PASSWORD = 'demo';

const form = byId<HTMLFormElement>('signin');
const email = byId<HTMLInputElement>('signin-email');
const password = byId<HTMLInputElement>('signin-password');
const signinButton = byId<HTMLButtonElement>('signin-button');
const signinStatus = byId('signin-status');
const modeSwitch = byId<HTMLFieldSetElement>('mode-switch');
const sessionBox = byId('session');
const sessionText = byId('session-text');
const elementsPanel = byId('elements-panel');
const elementsHint = byId('elements-hint');
const providerHost = byId('provider-host');
const template = byId<HTMLTemplateElement>('elements-template');

initThemeSwitch(byId<HTMLFieldSetElement>('theme-switch'), byId('demo'));

const eventLog = new EventLog(byId<HTMLOListElement>('event-log'), byId('log-empty'), byId<HTMLButtonElement>('log-clear'));
eventLog.listen(providerHost);

new TotpHelper({
  input: byId<HTMLInputElement>('totp-secret'),
  fill: byId<HTMLButtonElement>('totp-enrolled'),
  code: byId<HTMLOutputElement>('totp-code'),
  remaining: byId('totp-remaining'),
  error: byId('totp-error'),
});

let config: DemoConfig;
try {
  config = await loadConfig();
} catch (error) {
  signinStatus.textContent = `The demo server did not answer (${String(error)}). Is npm run demo running?`;
  signinButton.disabled = true;
  throw error;
}

const phone = new DemoPhone(config.emulatorUrl, {
  outbox: byId<HTMLOListElement>('outbox-list'),
  outboxEmpty: byId('outbox-empty'),
  push: byId<HTMLUListElement>('push-list'),
  pushEmpty: byId('push-empty'),
  status: byId('phone-status'),
});

let session: SignedIn | undefined;
/** Sign-in attempts started and finished: only the latest one's answer is used. */
let attempt = 0;
let settled = 0;

const selectedMode = (): Mode => {
  const value = modeSwitch.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value;
  return value === 'proxy' || value === 'my-account' ? value : 'direct';
};

/** The mode radios stay enabled (disabling the focused one would drop the keyboard focus). */
function setBusy(busy: boolean): void {
  signinButton.disabled = busy;
  form.setAttribute('aria-busy', String(busy));
}

/** "Demo user" radios fill the form (the fields stay editable). */
form.addEventListener('change', (event) => {
  const target = event.target as HTMLInputElement;
  if (target.name !== 'user') return;
  email.value = target.value;
  password.value = DEMO_PASSWORD;
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!form.reportValidity()) return;
  void start(selectedMode());
});

/**
 * Switching the mode while signed in signs in again, with the same user, in the other mode. The
 * focus stays on the radio (arrow keys move through the group).
 */
modeSwitch.addEventListener('change', () => {
  if (session || attempt > settled) void start(selectedMode(), false);
});

byId('signout').addEventListener('click', () => void stop(true));

async function start(mode: Mode, moveFocus = true): Promise<void> {
  const mine = ++attempt;
  setBusy(true);
  signinStatus.textContent = `Signing in (${mode} mode)…`;
  // The old session goes first: in proxy mode a new login replaces the cookie, so a logout after
  // it would end the new session.
  await stop(false);
  try {
    const next = await signIn(config, mode, email.value.trim(), password.value);
    if (mine !== attempt) return; // a later attempt (another mode switch) wins
    session = next;
    mountElements(next);
    phone.start(next.userId);
    byId('phone-signed-out').hidden = true;
    byId('phone-content').hidden = false;
    form.hidden = true;
    sessionBox.hidden = false;
    sessionText.replaceChildren(h('strong', {}, next.email), ` · ${mode} mode`);
    signinStatus.textContent =
      `Signed in as ${next.email} (${mode} mode). The login answered mfa_required: ` +
      (next.next === 'challenge' ? 'verify a factor.' : 'enroll a first factor.');
    if (moveFocus) byId('elements-title').focus();
  } catch (error) {
    if (mine !== attempt) return;
    form.hidden = false;
    sessionBox.hidden = true;
    signinStatus.textContent = `Sign-in failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    if (mine === attempt) {
      settled = mine;
      setBusy(false);
    }
  }
}

/** Forgets the session (and, in proxy mode, the server's); `announce` when the visitor asked. */
async function stop(announce: boolean): Promise<void> {
  const old = session;
  session = undefined;
  phone.stop();
  providerHost.replaceChildren();
  elementsPanel.hidden = true;
  byId('phone-signed-out').hidden = false;
  byId('phone-content').hidden = true;
  if (old) await signOut(config, old);
  if (announce) {
    form.hidden = false;
    sessionBox.hidden = true;
    signinStatus.textContent = 'Signed out.';
    signinButton.focus();
  }
}

/** A fresh `<mfa-provider>` and its elements for this session, configured before they connect. */
function mountElements(signedIn: SignedIn): void {
  const fragment = document.importNode(template.content, true);
  const provider = fragment.querySelector('mfa-provider') as MfaProvider;
  if (signedIn.mode === 'my-account') {
    provider.setAttribute('api', 'my-account');
    provider.setAttribute('domain', config.emulatorUrl);
    provider.accessToken = signedIn.myAccountToken;
    // The emulator's tenant lists passkeys only through My Account: the row is asked for here.
    fragment.querySelector('mfa-enrollment')?.setAttribute('factors', 'passkey otp sms voice email push recovery-code');
    elementsHint.replaceChildren(
      'My Account mode: ',
      h('code', {}, `<mfa-provider api="my-account" domain="${config.emulatorUrl}">`),
      ' with a /me/ access token in its accessToken property. Passkeys can be added here (the browser’s own prompt), renamed and removed; changes are applied from the answers, without re-listing.',
    );
    // Browsers refuse an IP address as the passkey's site (RP ID): point to the name that works.
    if (/^(\d+\.){3}\d+$|^\[/.test(location.hostname)) {
      const here = `${location.protocol}//localhost${location.port ? `:${location.port}` : ''}/`;
      elementsHint.append(' Passkeys cannot be added on an IP address: open ', h('a', { href: here }, here), ' instead.');
    }
  } else if (signedIn.mode === 'direct') {
    provider.setAttribute('domain', config.emulatorUrl);
    provider.setAttribute('client-id', config.clientId);
    provider.mfaToken = signedIn.mfaToken;
    // What an app's auth SDK does with the tokens a verify returns: hand the MFA access token to
    // the provider, which can then enroll more factors and remove them.
    provider.addEventListener('mfa-verified', (event) => {
      const accessToken = event.detail.result.tokens?.accessToken;
      if (accessToken) provider.accessToken = accessToken;
    });
    elementsHint.replaceChildren(
      'Direct mode: ',
      h('code', {}, `<mfa-provider domain="${config.emulatorUrl}" client-id="${config.clientId}">`),
      ' with the mfa_token in its mfaToken property. An mfa_token lists and enrolls a first factor; after a verify the provider also gets the MFA access token (accessToken), which enrolls more and removes.',
    );
  } else {
    provider.setAttribute('proxy-url', config.proxyUrl);
    elementsHint.replaceChildren(
      'Proxy mode: ',
      h('code', {}, `<mfa-provider proxy-url="${config.proxyUrl}">`),
      '. The server keeps the mfa_token, and the access token a verify returns, in its session; Management API credentials give the factor list and removal.',
    );
  }
  if (signedIn.next === 'challenge') {
    elementsHint.append(' This user has factors already: verify first, then add or remove methods.');
  }

  for (const button of fragment.querySelectorAll<HTMLButtonElement>('button[data-action]')) {
    const slot = fragment.querySelector<HTMLElement>(`[data-slot="${button.dataset.action}"]`)!;
    if (button.dataset.action === 'verify') {
      button.addEventListener('click', () => showVerify(slot, button));
      if (signedIn.next === 'challenge') showVerify(slot, button);
    } else {
      button.addEventListener('click', () => toggleOtpEnroll(slot, button));
    }
  }
  providerHost.replaceChildren(fragment);
  elementsPanel.hidden = false;
}

/** A fresh `<mfa-verify>` (also "start again" after a verification). */
function showVerify(slot: HTMLElement, button: HTMLButtonElement): void {
  slot.replaceChildren(document.createElement('mfa-verify'));
  button.textContent = 'Start again';
  button.classList.add('secondary');
}

/** `<mfa-otp-enroll>` starts associating as soon as it connects, so it only appears on request. */
function toggleOtpEnroll(slot: HTMLElement, button: HTMLButtonElement): void {
  if (slot.firstElementChild) {
    slot.replaceChildren();
    button.textContent = 'Add authenticator app';
    button.classList.remove('secondary');
    return;
  }
  const element = document.createElement('mfa-otp-enroll');
  element.setAttribute('heading-level', '4');
  slot.replaceChildren(element);
  button.textContent = 'Close';
  button.classList.add('secondary');
}
