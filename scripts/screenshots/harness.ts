/**
 * The page `npm run screenshots` drives: `?shot=<name>&emulator=<url>` builds one element in one
 * state against the emulator (a fresh user each time) and sets `window.__shot` to `ready` once that
 * state is on screen, or to `error: …`. The script (scripts/screenshots.ts) waits for it. `&lang=ar`
 * (or `he`) renders the state in that language, as a page with `<html lang="ar">` would: the
 * table is loaded first, and the shot fails if the element shows no text of that script or is not
 * laid out right to left.
 */
import '../../src/define/mfa-code-input.js';
import '../../src/define/mfa-enrollment.js';
import '../../src/define/mfa-otp-enroll.js';
import '../../src/define/mfa-passkey-enroll.js';
import '../../src/define/mfa-provider.js';
import '../../src/define/mfa-qr-code.js';
import '../../src/define/mfa-recovery-codes.js';
import '../../src/define/mfa-verify.js';
import { MfaApiSource } from '../../src/core/api-source.js';
import { MyAccountSource } from '../../src/core/my-account-source.js';
import { loadLocale } from '../../src/i18n/localize.js';
import { emulatorCall } from '../../test/helpers/emulator-call.js';
import { SHOTS, type Shot } from './shots.js';

declare global {
  interface Window {
    __shot?: string;
  }
}

const params = new URLSearchParams(location.search);
const emulator = params.get('emulator')!;
const stage = document.getElementById('stage')!;
const lang = params.get('lang');
/** A letter of the language's script: proof that its table, not English, was rendered. */
const SCRIPT: Record<string, RegExp> = { ar: /[\u0600-\u06ff]/, he: /[\u0590-\u05ff]/ };

function shadowText(root: Element | ShadowRoot): string {
  return [...root.querySelectorAll('*')].map((n) => (n.shadowRoot ? shadowText(n.shadowRoot) : '')).join(' ') + (root.textContent ?? '');
}

async function inLanguage(): Promise<void> {
  if (!lang) return;
  if (!SCRIPT[lang]) throw new Error(`no script known for lang=${lang}`);
  // The element alone mirrors under the language (no `dir` on the page), as the README promises.
  document.documentElement.lang = lang;
  await loadLocale(lang);
}

/** What a shot may use: a fresh user with `seed`, a source for it, and a wait for a shadow-DOM condition. */
export interface ShotKit {
  stage: HTMLElement;
  user(seed?: Array<Record<string, unknown>>): Promise<{ id: string; source: MfaApiSource; secret?: string }>;
  /** A fresh user's My Account source (passkeys, rename): a /me/ token from the emulator's control route. */
  myAccount(): Promise<MyAccountSource>;
  until(check: () => unknown, what: string): Promise<void>;
  emulator: string;
}

const kit: ShotKit = {
  stage,
  emulator,
  async user(seed = []) {
    const user = await emulatorCall<{ id: string }>(emulator, 'POST', '/__emulator/users', {});
    let secret: string | undefined;
    for (const request of seed) {
      const result = await emulatorCall<{ secret?: string }>(emulator, 'POST', `/__emulator/users/${encodeURIComponent(user.id)}/authenticators`, request);
      secret ??= result.secret;
    }
    const tokens = await emulatorCall<{ access_token: string }>(emulator, 'POST', `/__emulator/users/${encodeURIComponent(user.id)}/tokens`, {});
    return { id: user.id, source: new MfaApiSource({ domain: emulator, clientId: 'demo-spa', accessToken: tokens.access_token }), secret };
  },
  async myAccount() {
    const user = await emulatorCall<{ id: string }>(emulator, 'POST', '/__emulator/users', {});
    const token = await emulatorCall<{ access_token: string }>(emulator, 'POST', `/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, {});
    return new MyAccountSource({ domain: emulator, accessToken: token.access_token });
  },
  async until(check, what) {
    const deadline = performance.now() + 8000;
    while (!check()) {
      if (performance.now() > deadline) throw new Error(`never: ${what}`);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  },
};

const shot: Shot | undefined = SHOTS[params.get('shot') ?? ''];
(shot ? inLanguage().then(() => shot(kit)) : Promise.reject(new Error(`no shot ${params.get('shot')}`))).then(
  async () => {
    if (lang) {
      await kit.until(() => stage.firstElementChild?.shadowRoot && SCRIPT[lang]!.test(shadowText(stage.firstElementChild.shadowRoot)), `text in lang=${lang}`);
      if (getComputedStyle(stage.firstElementChild!).direction !== 'rtl') throw new Error(`not mirrored under lang=${lang}`);
    }
    await document.fonts.ready;
    window.__shot = 'ready';
  },
  (error: unknown) => {
    window.__shot = `error: ${error instanceof Error ? error.message : String(error)}`;
  },
);
