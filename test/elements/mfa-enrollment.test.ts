import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import type { Authenticator, FactorInfo, MfaSource, SourceCapabilities } from '../../src/core/types.js';
import type { MfaEnrollment } from '../../src/define/mfa-enrollment.js';
import type { MfaProvider } from '../../src/define/mfa-provider.js';
import {
  MfaEnrollEvent as MfaEnrollEventClass,
  type MfaEnrollEvent,
  type MfaErrorEvent,
  type MfaRemoveEvent,
} from '../../src/elements/shared/events.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import {
  $,
  $$,
  acknowledgeRecovery,
  button,
  codeField,
  enrolledNames,
  isEnrolled,
  liveText,
  loaded,
  row,
  setup,
  type,
  until,
} from './mfa-enrollment-helpers.js';

describe('<mfa-enrollment> rows', () => {
  it('shows one row per factor in the order of the factors attribute, nothing enrolled', async () => {
    const { el } = await setup({ factors: 'sms otp email' });
    const rows = $$(el, '[part~="factor"]').map((r) => r.dataset.factor);
    expect(rows).to.deep.equal(['sms', 'otp', 'email']);
    expect(isEnrolled(el, 'sms')).to.equal(false);
    expect(button(el, 'enroll-button', row(el, 'sms')).textContent!.trim()).to.equal('Enroll');
    expect(liveText(el)).to.equal('0 of 3 methods set up.');
    await expect(el).to.be.accessible();
  });

  it('shows enrolled authenticators with their masked names and an Enrolled badge', async () => {
    const { el } = await setup({ seed: [{ factor: 'sms', phoneNumber: '+15555550100' }] });
    expect(isEnrolled(el, 'sms')).to.equal(true);
    expect(isEnrolled(el, 'voice')).to.equal(true);
    expect(isEnrolled(el, 'otp')).to.equal(false);
    const [name] = enrolledNames(el, 'sms');
    expect(name).to.match(/0100$/);
    expect(name).not.to.contain('5555550100');
    await expect(el).to.be.accessible();
  });
});

describe('<mfa-enrollment> smoke: sms enroll and remove', () => {
  it('enrolls sms inline, then removes it with its voice twin', async () => {
    const { el, user } = await setup();
    button(el, 'enroll-button', row(el, 'sms')).click();
    await until(el, () => $(el, '#address'), 'phone form');
    const input = $<HTMLInputElement>(el, '#address')!;
    type(input, '+1 555 555 0142');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    const code = await emulator.lastCode(user.id, 'sms');
    const enrolled = nextEvent(el, 'mfa-enroll') as Promise<MfaEnrollEvent>;
    type(codeField(el), code);
    const event = await enrolled;
    expect(event.detail.factor).to.equal('sms');
    expect(event.detail.authenticator?.factor).to.equal('sms');
    expect(event.detail.recoveryCodes?.length).to.equal(1);
    await until(el, () => isEnrolled(el, 'sms'), 'sms enrolled');
    expect(isEnrolled(el, 'voice')).to.equal(true);
    await acknowledgeRecovery(el);

    button(el, 'remove-button', row(el, 'sms')).click();
    await until(el, () => $(el, '[part~="confirm"]'), 'confirmation');
    expect($(el, '[part~="confirm"]')!.textContent).to.contain('Removing your phone also removes voice calls to it.');
    const removed = nextEvent(el, 'mfa-remove') as Promise<MfaRemoveEvent>;
    button(el, 'confirm-button').click();
    const removal = await removed;
    expect(removal.detail.factor).to.equal('sms');
    expect(removal.detail.linkedIds.length).to.equal(1);
    await until(el, () => !isEnrolled(el, 'sms') && !isEnrolled(el, 'voice'), 'pair removed');
  });
});

describe('<mfa-enrollment> without a source', () => {
  it('renders the no-source state', async () => {
    const el = await fixture<MfaEnrollment>(html`<mfa-enrollment></mfa-enrollment>`);
    expect($(el, '[part~="no-source"]')!.textContent).to.contain('No data source');
    await expect(el).to.be.accessible();
  });
});

/** A source answering from memory: for what the rows show, not for HTTP (every flow also runs end to end). */
function memorySource(list: Authenticator[], factors?: FactorInfo[], capabilities?: Partial<SourceCapabilities>): MfaSource {
  return {
    capabilities: capabilities && {
      list: true, factors: Boolean(factors), associate: true, ticket: false, challenge: true, verify: true, remove: true, ...capabilities,
    },
    listAuthenticators: async () => list,
    ...(factors && { listFactors: async () => factors }),
    enroll: () => Promise.reject(new Error('not used')),
    remove: () => Promise.reject(new Error('not used')),
    challenge: () => Promise.reject(new Error('not used')),
    verify: () => Promise.reject(new Error('not used')),
  };
}

function authenticator(init: Partial<Authenticator> & Pick<Authenticator, 'id' | 'factor'>): Authenticator {
  return { authenticatorType: 'oob', active: true, linkedIds: [], removable: true, ...init };
}

describe('<mfa-enrollment> what the rows show', () => {
  it('without the attribute: the factors the source reports as enabled, in its order', async () => {
    const source = memorySource([], [
      { factor: 'email', enabled: true },
      { factor: 'push', enabled: false },
      { factor: 'otp', enabled: true },
    ]);
    const el = await fixture<MfaEnrollment>(html`<mfa-enrollment .source=${source}></mfa-enrollment>`);
    await loaded(el);
    expect($$(el, '[part~="factor"]').map((r) => r.dataset.factor)).to.deep.equal(['email', 'otp']);
  });

  it('the attribute chooses and orders, but cannot turn on a factor the tenant has off; unknown names are ignored', async () => {
    const source = memorySource([], [
      { factor: 'sms', enabled: false },
      { factor: 'otp', enabled: true },
    ]);
    const el = await fixture<MfaEnrollment>(html`<mfa-enrollment factors="webauthn otp sms email" .source=${source}></mfa-enrollment>`);
    await loaded(el);
    expect($$(el, '[part~="factor"]').map((r) => r.dataset.factor)).to.deep.equal(['otp', 'email']);
  });

  it('nothing to offer: the empty state, announced', async () => {
    const el = await fixture<MfaEnrollment>(html`<mfa-enrollment factors="" .source=${memorySource([])}></mfa-enrollment>`);
    await loaded(el);
    expect($(el, '[part~="empty"]')!.textContent).to.contain('No sign-in methods');
    expect(liveText(el)).to.equal('No sign-in methods are available here.');
  });

  it('a recovery code row: enrolled, never removable, no Enroll; the default list adds it when there is one', async () => {
    const list = [
      authenticator({ id: 'totp|dev_1', factor: 'otp', authenticatorType: 'otp' }),
      authenticator({ id: 'recovery-code|dev_2', factor: 'recovery-code', authenticatorType: 'recovery-code', removable: false }),
    ];
    const el = await fixture<MfaEnrollment>(html`<mfa-enrollment .source=${memorySource(list)}></mfa-enrollment>`);
    await loaded(el);
    const recovery = row(el, 'recovery-code');
    expect(isEnrolled(el, 'recovery-code')).to.equal(true);
    expect(recovery.querySelector('[part~="remove-button"]')).to.equal(null);
    expect(recovery.querySelector('[part~="enroll-button"]')).to.equal(null);
    expect(enrolledNames(el, 'recovery-code')).to.deep.equal(['Recovery code']);
  });

  it('a verified email listed without enrollment: the server refuses its removal, which is shown, and it stays', async () => {
    const { el } = await setupVerifiedEmail();
    expect(isEnrolled(el, 'email')).to.equal(true);
    button(el, 'remove-button', row(el, 'email')).click();
    await until(el, () => $(el, '[part~="confirm-button"]'), 'confirm');
    const failed = nextEvent(el, 'mfa-error') as Promise<MfaErrorEvent>;
    button(el, 'confirm-button').click();
    expect((await failed).detail.action).to.equal('remove');
    await until(el, () => row(el, 'email').querySelector('[part~="error"]') !== null, 'refusal shown');
    expect(row(el, 'email').querySelector('[part~="error"]')!.textContent).to.contain('Cannot be removed here.');
    expect(isEnrolled(el, 'email')).to.equal(true);
  });

  it('without associate or tickets, Enroll is replaced by a note; without remove, Remove is not offered', async () => {
    const list = [authenticator({ id: 'email|dev_3', factor: 'email', name: 'a•••@example.com' })];
    const source = memorySource(list, undefined, { associate: false, ticket: false, remove: false });
    const el = await fixture<MfaEnrollment>(html`<mfa-enrollment factors="email otp" .source=${source}></mfa-enrollment>`);
    await loaded(el);
    expect(row(el, 'otp').querySelector('[part~="note"]')!.textContent).to.contain('not available');
    expect(row(el, 'email').querySelector('[part~="remove-button"]')).to.equal(null);
  });

  it('heading-level sets the heading and the rows one below', async () => {
    const el = await fixture<MfaEnrollment>(html`<mfa-enrollment heading-level="3" factors="otp" .source=${memorySource([])}></mfa-enrollment>`);
    await loaded(el);
    expect($(el, '[part~="heading"]')!.getAttribute('aria-level')).to.equal('3');
    expect($(el, '[part~="title"]')!.getAttribute('aria-level')).to.equal('4');
  });

  it('authenticator names are text, never markup', async () => {
    const list = [authenticator({ id: 'email|dev_4', factor: 'email', name: '<img src=x onerror=alert(1)>' })];
    const el = await fixture<MfaEnrollment>(html`<mfa-enrollment factors="email" .source=${memorySource(list)}></mfa-enrollment>`);
    await loaded(el);
    expect(enrolledNames(el, 'email')).to.deep.equal(['<img src=x onerror=alert(1)>']);
    expect($(el, 'img')).to.equal(null);
  });

  it('events reach the document as typed, composed events', async () => {
    const { el, user } = await setup({ factors: 'email' });
    const atDocument = nextEvent(document, 'mfa-enroll') as Promise<MfaEnrollEvent>;
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'email form');
    type($<HTMLInputElement>(el, '#address')!, 'doc@example.com');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    type(codeField(el), await emulator.lastCode(user.id, 'email'));
    const event = await atDocument;
    expect(event).to.be.instanceOf(MfaEnrollEventClass);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.factor).to.equal('email');
  });
});

async function setupVerifiedEmail() {
  const user = await emulator.createUser({ emailVerified: true });
  const { accessToken } = await emulator.tokens(user.id);
  const provider = await fixture<MfaProvider>(html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .accessToken=${accessToken}>
    <mfa-enrollment factors="email"></mfa-enrollment>
  </mfa-provider>`);
  const el = provider.querySelector('mfa-enrollment')!;
  await loaded(el);
  return { el };
}

describe('<mfa-provider> getToken', () => {
  it('asks getToken before requests and uses what it returns', async () => {
    const user = await emulator.createUser();
    await emulator.seed(user.id, { factor: 'otp' });
    const { accessToken } = await emulator.tokens(user.id);
    const calls: boolean[] = [];
    const getToken = async ({ forceRefresh }: { forceRefresh: boolean }) => {
      calls.push(forceRefresh);
      return { accessToken };
    };
    const provider = await fixture<MfaProvider>(html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .getToken=${getToken}>
      <mfa-enrollment factors="otp"></mfa-enrollment>
    </mfa-provider>`);
    const el = provider.querySelector('mfa-enrollment')!;
    await loaded(el);
    expect(isEnrolled(el, 'otp')).to.equal(true);
    expect(calls[0]).to.equal(false);
  });
});
