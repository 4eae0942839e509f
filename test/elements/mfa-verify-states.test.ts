import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { waitUntil } from '../helpers/wait.js';
import { emulateMedia } from '@web/test-runner-commands';
import type { Authenticator, Challenge, MfaSource, VerifyResult } from '../../src/core/types.js';
import '../../src/define/mfa-provider.js';
import type { MfaVerify } from '../../src/define/mfa-verify.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import { totp } from '../helpers/totp.js';
import { enterCode, mount, part, parts, seeded, text, waitForPart } from './mfa-verify-helpers.js';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const auth = (id: string, factor: Authenticator['factor'], name?: string): Authenticator => ({
  id,
  factor,
  name,
  authenticatorType: factor === 'otp' ? 'otp' : factor === 'recovery-code' ? 'recovery-code' : 'oob',
  active: true,
  linkedIds: [],
  removable: true,
});

/** A test double whose answers the test releases, to look at the in-between states. */
function controlledSource() {
  const list = deferred<Authenticator[]>();
  const challenge = deferred<Challenge>();
  const source: MfaSource = {
    listAuthenticators: () => list.promise,
    enroll: () => Promise.reject(new Error('not used')),
    remove: () => Promise.resolve(),
    challenge: () => challenge.promise,
    verify: () => new Promise<VerifyResult>(() => {}),
  };
  return { source, list, challenge };
}

/** The built-in dark palette (shared styles), for engines whose driver cannot emulate the media query. */
const DARK_TOKENS: Record<string, string> = {
  '--mfa-color-primary': '#93b4fd',
  '--mfa-color-on-primary': '#0b1220',
  '--mfa-color-text': '#f3f4f6',
  '--mfa-color-muted': '#c2c8d0',
  '--mfa-color-surface': '#111827',
  '--mfa-color-border': '#4b5563',
  '--mfa-color-danger': '#fca5a5',
  '--mfa-color-success': '#6ee7b7',
  '--mfa-color-focus': '#93b4fd',
};

/**
 * `prefers-color-scheme: dark` where the driver can emulate it, else the same palette as tokens. Which
 * path runs is fixed per engine and asserted, so neither can take over silently: Chromium runs under
 * Puppeteer, whose media emulation `emulateMedia` uses; Firefox and WebKit run under WebDriver, which
 * has no media emulation, so there the command fails and the palette is set as custom properties.
 */
let emulated = false;
const MEDIA_EMULATION = /Chrome\//.test(navigator.userAgent);

async function goDark(): Promise<(el: HTMLElement) => void> {
  let path: 'media' | 'tokens';
  let apply: (el: HTMLElement) => void = () => {};
  try {
    await emulateMedia({ colorScheme: 'dark' });
    emulated = true;
    path = 'media';
  } catch {
    apply = (el) => Object.entries(DARK_TOKENS).forEach(([name, value]) => el.style.setProperty(name, value));
    path = 'tokens';
  }
  expect(path, `dark scheme path in ${navigator.userAgent}`).to.equal(MEDIA_EMULATION ? 'media' : 'tokens');
  if (path === 'media') expect(matchMedia('(prefers-color-scheme: dark)').matches, 'emulated media query').to.equal(true);
  return apply;
}

describe('<mfa-verify> states', () => {
  afterEach(async () => {
    if (emulated) await emulateMedia({ colorScheme: 'light' });
    emulated = false;
  });

  it('loading and sending are busy, said, and accessible', async () => {
    const { source, list, challenge } = controlledSource();
    const el = await mount(source);
    expect(text(part(el, 'status'))).to.equal('Loading…');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    list.resolve([auth('sms|a', 'sms', '+1 •••• 1234'), auth('recovery-code|r', 'recovery-code')]);
    await waitUntil(() => text(part(el, 'status')) === 'Sending a code…', 'not sending');
    await expect(el).to.be.accessible();
    challenge.resolve({ challengeType: 'oob', oobCode: 'oob-1', bindingMethod: 'prompt' });
    await waitForPart(el, 'code-input');
    expect(text(part(el, 'description'))).to.equal('We sent a code by text message to +•••••1234.');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('is accessible in the dark scheme (picker, code, push waiting)', async () => {
    const applyTokens = await goDark();
    const s = await seeded([{ factor: 'otp' }, { factor: 'push', deviceName: 'Phone' }], { pushInterval: 1 });
    const el = await mount(s.source);
    applyTokens(el);
    await waitForPart(el, 'authenticators');
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(17, 24, 39)');
    await expect(el).to.be.accessible();
    (el.shadowRoot!.querySelector('[data-id^="push"]') as HTMLButtonElement).click();
    await waitForPart(el, 'cancel-button');
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'cancel-button')!.click();
    await waitForPart(el, 'retry-button');
    await expect(el).to.be.accessible();
    parts(el, 'switch-button').find((b) => text(b) === 'Use another method')!.click();
    (await waitForPart(el, 'authenticators')).querySelector<HTMLButtonElement>('[data-id^="totp"]')!.click();
    await waitForPart(el, 'code-input');
    await expect(el).to.be.accessible();
  });

  it('works under <mfa-provider> (shared source) end to end', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    const mfaToken = await emulator.login(s.user);
    const provider = await fixture(html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .mfaToken=${mfaToken}>
      <mfa-verify></mfa-verify>
    </mfa-provider>`);
    const el = provider.querySelector('mfa-verify') as MfaVerify;
    await waitForPart(el, 'code-input');
    const verified = nextEvent(el, 'mfa-verified');
    await enterCode(el, await totp(s.secret!));
    const event = await verified;
    expect(event.detail.method).to.equal('otp');
    await waitForPart(el, 'success');
  });

  it('follows a change of authenticator-id or method', async () => {
    const s = await seeded([{ factor: 'otp' }, { factor: 'email', email: 'change@example.com' }]);
    const el = await mount(s.source, { method: 'otp' });
    await waitForPart(el, 'code-input');
    el.authenticatorId = s.idOf('email');
    await waitUntil(() => text(part(el, 'description')).includes('c•••••@example.com'), 'did not switch to email');
    el.authenticatorId = '';
    el.method = 'recovery-code';
    await waitForPart(el, 'recovery-input');
  });

  it('takes partial text overrides through the strings property', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    const el = await mount(s.source);
    el.strings = { 'verify.title': 'Second step', 'verify.submit': 'Check' };
    await waitForPart(el, 'code-input');
    expect(text(part(el, 'title'))).to.equal('Second step');
    expect(text(part(el, 'submit-button'))).to.equal('Check');
  });
});
