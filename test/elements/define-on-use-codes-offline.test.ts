/**
 * `defineOnUse` for `<mfa-recovery-codes>`, which the all-in-one script file leaves to a part file
 * (define-on-use-offline.test.ts has `<mfa-otp-enroll>` and the why): fetched when one enters the
 * page; when it cannot be fetched the element reports `mfa-error` and the console says why, and
 * the next one added fetches it again, after which `whenDefined` resolves. Its own file: a browser
 * may remember a failed module fetch, and a tag is defined once per page.
 */
import { expect } from '@open-wc/testing';
import { defineOnUse } from '../../src/elements/shared/define-on-use.js';
import type { MfaErrorEvent } from '../../src/elements/shared/events.js';
import { loadRecoveryCodes } from '../../src/elements/shared/recovery-codes-loader.js';
import { consoleErrors } from '../helpers/console.js';
import { refusal } from '../helpers/refusal.js';
import { waitUntil } from '../helpers/wait.js';
import { nextEvent } from '../helpers/within.js';

const codes = refusal('src/define/mfa-recovery-codes');

describe('defineOnUse (the all-in-one file’s elements defined on first use)', () => {
  afterEach(() => {
    codes.allow();
    document.querySelectorAll('mfa-recovery-codes').forEach((el) => el.remove());
  });

  it('<mfa-recovery-codes> added later: an mfa-error when its part cannot be fetched; the next one added fetches it and shows its codes', async () => {
    defineOnUse('mfa-recovery-codes', loadRecoveryCodes);
    expect(customElements.get('mfa-recovery-codes'), 'nothing fetched while none is in the page').to.equal(undefined);
    codes.refuse();
    const first = Object.assign(document.createElement('mfa-recovery-codes'), { codes: ['ABCD2EFGH3JKLM4NPQR5STUV'] });
    const errors = await consoleErrors(async () => {
      const failed = nextEvent(first, 'mfa-error') as Promise<MfaErrorEvent>;
      document.body.append(first);
      expect((await failed).detail.error.code).to.equal('network_error');
    });
    expect(errors.join('\n')).to.contain('<mfa-recovery-codes> could not be fetched');
    expect(customElements.get('mfa-recovery-codes')).to.equal(undefined);

    codes.allow();
    const second = Object.assign(document.createElement('mfa-recovery-codes'), { codes: ['WXYZ6ABCD7EFGH8JKLM9NPQR'] });
    const wrapper = document.createElement('div');
    wrapper.append(second);
    document.body.append(wrapper);
    let defined = false;
    void customElements.whenDefined('mfa-recovery-codes').then(() => (defined = true));
    await waitUntil(() => defined, 'whenDefined did not resolve once another element was added');
    await waitUntil(() => second.shadowRoot?.querySelector('[part~="code"]'), 'the codes were not shown');
    expect(second.shadowRoot!.querySelector('[part~="code"]')!.textContent!.trim()).to.equal('WXYZ 6ABC D7EF GH8J KLM9 NPQR');
    // The first one, still in the page, is upgraded too.
    await waitUntil(() => first.shadowRoot?.querySelector('[part~="code"]'), 'the first element was not upgraded');
    wrapper.remove();
  });
});
