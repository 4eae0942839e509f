/**
 * Shared by the framework-example tests: loads an example's built app (failing when the build is
 * missing or stale), mounts it with a test-double source, and drives the real elements through
 * their shadow DOM, the way a user would.
 *
 * Nothing here imports the library's runtime: the elements on the page are the ones the example
 * bundled, registered by the example itself.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { FakeSource } from './fake-source.js';

export type Framework = 'vue' | 'svelte' | 'react' | 'angular';

/** What every example's entry module exports (see examples/<fw>/src/main.ts). */
export interface ExampleOptions {
  source?: unknown;
  proxyUrl?: string;
  strings?: { verify?: Record<string, string>; enrollment?: Record<string, string>; otpEnroll?: Record<string, string> };
}
export interface MountedExample {
  unmount(): void;
}
export interface ExampleModule {
  mount(target: Element, options: ExampleOptions): MountedExample | Promise<MountedExample>;
}

interface BuildStamp {
  framework: string;
  entry: string;
  builtAt: string;
  inputs: { path: string; link: string; sha256: string }[];
}

const REBUILD = 'Run `npm run examples:build` (it runs as part of `npm test`).';

async function sha256(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Imports the built entry of examples/<fw> after checking that dist/ was built from the files as
 * they are now: each input listed in dist/build-stamp.json is read through its dist/inputs/<n>.txt
 * symlink (served as is) and hashed. Throws, saying how to rebuild, when dist/ is missing or stale.
 */
export async function loadExample(fw: Framework): Promise<ExampleModule> {
  const base = `/examples/${fw}/dist/`;
  const response = await fetch(`${base}build-stamp.json`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`examples/${fw} is not built (no examples/${fw}/dist/build-stamp.json). ${REBUILD}`);
  const stamp = (await response.json()) as BuildStamp;
  const changed: string[] = [];
  await Promise.all(
    stamp.inputs.map(async (input) => {
      const current = await fetch(base + input.link, { cache: 'no-store' });
      if (!current.ok) changed.push(`${input.path} (gone)`);
      else if ((await sha256(await current.arrayBuffer())) !== input.sha256) changed.push(input.path);
    }),
  );
  if (changed.length > 0) {
    const shown = changed.sort().slice(0, 5).join(', ') + (changed.length > 5 ? ` and ${changed.length - 5} more` : '');
    throw new Error(`examples/${fw}/dist is stale: ${shown} changed since it was built (${stamp.builtAt}). ${REBUILD}`);
  }
  return (await import(/* @vite-ignore */ `${base}${stamp.entry}`)) as ExampleModule;
}

// ------------------------------------------------------------------ shadow DOM helpers

export function part<T extends Element = HTMLElement>(el: Element, name: string, extra = ''): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]${extra}`);
}

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `find` returns something, then returns it. */
export async function waitFor<T>(find: () => T | null | undefined | false, message: string): Promise<T> {
  await waitUntil(() => find(), message, { timeout: 10_000, interval: 20 });
  return find() as T;
}

/** Types `code` into the real `<input>` of the `<mfa-code-input>` inside `host`'s shadow root. */
export async function typeCode(host: Element, code: string): Promise<void> {
  const field = await waitFor(() => host.shadowRoot!.querySelector('mfa-code-input'), `no code input in <${host.localName}>`);
  const input = await waitFor(() => field.shadowRoot?.querySelector('input'), 'no <input> in <mfa-code-input>');
  input.focus();
  await sendKeys({ type: code });
}

// ------------------------------------------------------------------ the shared suite

/** Text overrides that name the framework, so that a test sees which binding put them there. */
export function stringsFor(name: string): Required<ExampleOptions>['strings'] {
  return {
    verify: { 'verify.title': `${name}: confirm it is you` },
    enrollment: { heading: `${name}: your sign-in methods` },
    otpEnroll: { 'otp.title': `${name}: add an authenticator app` },
  };
}

export interface Started {
  source: FakeSource;
  app: HTMLElement;
  provider: HTMLElement & { source?: unknown };
  verify: HTMLElement & { strings?: unknown };
  enrollment: HTMLElement & { strings?: unknown };
  otpEnroll: HTMLElement & { strings?: unknown; step?: string };
  /** The entries of the event log, as the framework rendered them. */
  log(type?: string): HTMLElement[];
}

/**
 * The tests every example passes: properties set through the framework reach the elements, and
 * each of `mfa-verified`, `mfa-remove`, `mfa-error`, `mfa-enroll` is received through the
 * framework's own event syntax and rendered by it in the app's event log.
 */
export function exampleSuite(
  fw: Framework,
  name: string,
  syntax: { properties: string; attributes: string; event: (type: string) => string },
): void {
  describe(`${name} example (examples/${fw})`, () => {
    let example: ExampleModule;
    let mounted: MountedExample | undefined;
    let container: HTMLElement | undefined;

    before(async () => {
      example = await loadExample(fw);
    });

    afterEach(() => {
      mounted?.unmount();
      container?.remove();
      mounted = container = undefined;
    });

    async function start(): Promise<Started> {
      const source = new FakeSource();
      container = document.createElement('div');
      document.body.append(container);
      mounted = await example.mount(container, { source, strings: stringsFor(name) });
      const app = await waitFor(() => container!.querySelector<HTMLElement>(`[data-framework="${fw}"]`), `${name} did not render`);
      const find = <T extends HTMLElement>(tag: string) => {
        const el = app.querySelector<T>(tag);
        if (!el) throw new Error(`${name} rendered no <${tag}>`);
        return el;
      };
      return {
        source,
        app,
        provider: find('mfa-provider'),
        verify: find('mfa-verify'),
        enrollment: find('mfa-enrollment'),
        otpEnroll: find('mfa-otp-enroll'),
        log: (type) => [...app.querySelectorAll<HTMLElement>(type ? `.event-log li[data-event="${type}"]` : '.event-log li')],
      };
    }

    it(`sets source and strings as properties through ${syntax.properties}; the elements render them`, async () => {
      const s = await start();
      const strings = stringsFor(name);
      // The very object, as a property: not an attribute, not "[object Object]".
      expect(s.provider.source).to.equal(s.source);
      expect(s.provider.hasAttribute('source')).to.equal(false);
      expect(s.verify.strings).to.deep.equal(strings.verify);
      expect(s.enrollment.strings).to.deep.equal(strings.enrollment);
      expect(s.otpEnroll.strings).to.deep.equal(strings.otpEnroll);
      // The overrides on screen.
      expect(text(await waitFor(() => part(s.verify, 'title'), 'no verify title'))).to.equal(strings.verify!['verify.title']);
      expect(text(await waitFor(() => part(s.enrollment, 'heading'), 'no enrollment heading'))).to.equal(strings.enrollment!.heading);
      expect(text(await waitFor(() => part(s.otpEnroll, 'title'), 'no otp-enroll title'))).to.equal(strings.otpEnroll!['otp.title']);
      // The provider's source reached every element: its authenticators are listed, the
      // `factors` attribute chose the rows, and the OTP enrollment started on it.
      await waitFor(() => part(s.verify, 'authenticator', '[data-id="sms|dev_phone"]'), 'verify did not list the source');
      await waitFor(() => part(s.enrollment, 'factor', '[data-factor="sms"] [part~="authenticator-name"]'), 'enrollment did not list the source');
      const rows = [...s.enrollment.shadowRoot!.querySelectorAll<HTMLElement>('[part~="factor"]')].map((r) => r.dataset.factor);
      expect(rows).to.deep.equal(['otp', 'sms', 'email']);
      await waitFor(() => s.otpEnroll.step === 'scan', 'otp-enroll did not reach the scan step');
      expect(s.source.argsOf('enroll')).to.deep.equal([{ factor: 'otp' }]);
      // The framework's own rendering: an empty log.
      expect(text(s.app.querySelector('.log-empty'))).to.equal('No events yet.');
      expect(s.log()).to.have.length(0);
    });

    it(`sets proxy-url as an attribute through ${syntax.attributes}`, async () => {
      container = document.createElement('div');
      document.body.append(container);
      // Nothing answers there: this is about the binding, not the requests.
      mounted = await example.mount(container, { proxyUrl: '/examples-test/no-proxy-here' });
      const provider = await waitFor(
        () => container!.querySelector<HTMLElement & { proxyUrl?: string; source?: unknown }>(`[data-framework="${fw}"] mfa-provider`),
        `${name} did not render`,
      );
      await waitFor(() => provider.getAttribute('proxy-url') === '/examples-test/no-proxy-here', 'no proxy-url attribute');
      expect(provider.proxyUrl).to.equal('/examples-test/no-proxy-here');
      expect(provider.source).to.equal(undefined);
    });

    it(`mfa-verified through ${syntax.event('mfa-verified')}: a code typed into <mfa-verify> lands in the ${name} event log`, async () => {
      const s = await start();
      const otp = await waitFor(() => part<HTMLButtonElement>(s.verify, 'authenticator', '[data-id="totp|dev_app"]'), 'no OTP choice');
      otp.click();
      await typeCode(s.verify, '246810');
      const [entry] = await waitFor(() => s.log('mfa-verified').length > 0 && s.log('mfa-verified'), 'mfa-verified not in the log');
      expect(text(entry)).to.equal('mfa-verified otp with totp|dev_app');
      expect(s.source.argsOf('verify')).to.deep.equal([{ type: 'otp', otp: '246810' }]);
      expect(text(await waitFor(() => part(s.verify, 'success'), 'no success'))).to.equal('Verified.');
      expect(s.log()).to.have.length(1);
    });

    it(`mfa-remove through ${syntax.event('mfa-remove')}: removing in <mfa-enrollment> lands in the ${name} event log`, async () => {
      const s = await start();
      const remove = await waitFor(
        () => part<HTMLButtonElement>(s.enrollment, 'remove-button', '[data-id="sms|dev_phone"]'),
        'no Remove for the phone',
      );
      remove.click();
      const confirm = await waitFor(() => part<HTMLButtonElement>(s.enrollment, 'confirm-button'), 'no removal confirmation');
      expect(s.source.argsOf('remove')).to.deep.equal([]);
      confirm.click();
      const [entry] = await waitFor(() => s.log('mfa-remove').length > 0 && s.log('mfa-remove'), 'mfa-remove not in the log');
      expect(text(entry)).to.equal('mfa-remove sms sms|dev_phone');
      expect(s.source.argsOf('remove')).to.deep.equal(['sms|dev_phone']);
      // Every element under the provider saw the change: the phone is gone from the picker too.
      await waitFor(() => !part(s.verify, 'authenticator', '[data-id="sms|dev_phone"]'), 'verify still lists the phone');
      expect(s.log()).to.have.length(1);
    });

    it(`mfa-error through ${syntax.event('mfa-error')}: a failed removal lands in the ${name} event log`, async () => {
      const s = await start();
      s.source.failNext('remove', new Error('the network is down'));
      const remove = await waitFor(
        () => part<HTMLButtonElement>(s.enrollment, 'remove-button', '[data-id="sms|dev_phone"]'),
        'no Remove for the phone',
      );
      remove.click();
      (await waitFor(() => part<HTMLButtonElement>(s.enrollment, 'confirm-button'), 'no removal confirmation')).click();
      const [entry] = await waitFor(() => s.log('mfa-error').length > 0 && s.log('mfa-error'), 'mfa-error not in the log');
      // A plain Error from the source is a network error to the elements.
      expect(text(entry)).to.equal('mfa-error remove: network_error');
      expect(s.log('mfa-remove')).to.have.length(0);
      // The phone is still there, with its Remove button back.
      await waitFor(() => part(s.enrollment, 'remove-button', '[data-id="sms|dev_phone"]:not([aria-disabled="true"])'), 'the phone went away');
    });

    it(`mfa-enroll through ${syntax.event('mfa-enroll')}: finishing <mfa-otp-enroll> lands in the ${name} event log`, async () => {
      const s = await start();
      await waitFor(() => s.otpEnroll.step === 'scan', 'otp-enroll did not reach the scan step');
      await typeCode(s.otpEnroll, '135790');
      const [entry] = await waitFor(() => s.log('mfa-enroll').length > 0 && s.log('mfa-enroll'), 'mfa-enroll not in the log');
      expect(text(entry)).to.equal('mfa-enroll otp as totp|dev_new');
      expect(s.source.argsOf('verify')).to.deep.equal([{ type: 'otp', otp: '135790' }]);
      expect(s.otpEnroll.step).to.equal('done');
      expect(s.log()).to.have.length(1);
    });
  });
}
