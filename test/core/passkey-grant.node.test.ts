/**
 * A passkey is confirmed through My Account only: the MFA API's grants (src/core/wire.ts) refuse it as
 * `unsupported`, and MfaApiSource sends nothing for it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MfaApiSource } from '../../src/core/api-source.js';
import { MfaError } from '../../src/core/errors.js';
import { clientGrantForm, grantForm } from '../../src/core/wire.js';
import type { RegistrationResponseJSON } from '../../src/core/types.js';

const credential = { id: 'cred', rawId: 'cred', type: 'public-key', response: {} } as unknown as RegistrationResponseJSON;

describe('a passkey verification and the MFA API grants', () => {
  it('no grant form carries a passkey: unsupported', () => {
    assert.throws(() => grantForm('spa', 'mfa', { type: 'passkey', credential }), (e) => MfaError.is(e, 'unsupported'));
    assert.throws(
      () => clientGrantForm({ client_id: 'app', client_secret: 's' }, 'mfa', { type: 'passkey', credential, name: 'Laptop' }),
      (e) => MfaError.is(e, 'unsupported'),
    );
  });
  it('MfaApiSource refuses a passkey verify as unsupported, before any request', async () => {
    let requests = 0;
    const source = new MfaApiSource({
      domain: 'tenant.auth0.com',
      clientId: 'spa',
      mfaToken: 'mfa',
      fetch: async () => {
        requests++;
        return new Response(JSON.stringify({ access_token: 'at' }), { status: 200 });
      },
    });
    await assert.rejects(source.verify({ type: 'passkey', credential }), (e) => MfaError.is(e, 'unsupported'));
    assert.equal(requests, 0, 'no token request is sent for a passkey');
  });
});
