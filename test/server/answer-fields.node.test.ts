/**
 * Which of Auth0's fields reach the browser: every documented one of each answer, nothing Auth0 adds
 * besides, and the tokens only where the app asked for them. Auth0's answers are stood in for by the
 * emulator's faults (a full documented answer plus an extra field), or a `fetch` wrapper for a list.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE, harness, readJson, send } from './fixtures/harness.js';

const EXTRA = { internal_flag: true, tenant: 'secret-tenant' };

describe('proxy: the fields of Auth0’s answers that reach the browser', () => {
  it('associate: every documented field, nothing else', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const documented = {
      authenticator_type: 'oob',
      secret: 'SECRET',
      barcode_uri: 'otpauth://totp/x',
      recovery_codes: ['ABCDEFGHJKLMNPQRSTUVWXYZ'],
      oob_channel: 'auth0',
      oob_code: 'OOB',
      binding_method: 'prompt',
      interval: 5,
      expires_in: 300,
      id: 'push|dev_1',
    };
    await h.admin.fault({ path: '/mfa/associate', status: 200, body: { ...documented, ...EXTRA } });
    const res = await send(h.proxy(), 'POST', `${BASE}/associate`, { user, json: { authenticator_types: ['oob'], oob_channels: ['auth0'] } });
    assert.deepEqual(await readJson(res), documented);
  });

  it('challenge: every documented field, nothing else', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'sms', phoneNumber: '+15555550123' }] });
    const sms = user.seeded[0]!.authenticators.find((a) => a.oob_channel === 'sms')!;
    const documented = { challenge_type: 'oob', oob_code: 'OOB', binding_method: 'prompt', interval: 5, expires_in: 300 };
    await h.admin.fault({ path: '/mfa/challenge', status: 200, body: { ...documented, ...EXTRA } });
    const res = await send(h.proxy(), 'POST', `${BASE}/challenge`, { user, json: { authenticator_id: sms.id } });
    assert.deepEqual(await readJson(res), documented);
  });

  it('the authenticator list: every documented field of each item, nothing else', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const documented = {
      id: 'sms|dev_1',
      authenticator_type: 'oob',
      active: true,
      oob_channel: 'sms',
      oob_channels: ['sms'],
      name: 'XXXXXXXX0111',
      type: 'sms',
      created_at: '2026-01-01T00:00:00.000Z',
      last_auth: '2026-01-02T00:00:00.000Z',
    };
    const proxy = h.proxy({
      fetch: async (input, init) =>
        new URL(input).pathname === '/mfa/authenticators' ? Response.json([{ ...documented, ...EXTRA }, { id: 'otp|dev_2', active: null }]) : fetch(input, init),
    });
    const res = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.deepEqual(await readJson(res), [documented, { id: 'otp|dev_2', active: null }]);
  });

  it('verify: the recovery code always; the tokens to onTokens, and to the browser only with exposeTokens', async (t) => {
    const h = await harness(t);
    const answer = {
      access_token: 'AT',
      id_token: 'IT',
      refresh_token: 'RT',
      expires_in: 600,
      scope: 'enroll read:authenticators',
      token_type: 'Bearer',
      recovery_code: 'NEWRECOVERYCODE000000000',
    };
    const verify = async (exposeTokens: boolean, body: Record<string, unknown>) => {
      const user = await h.user({ seed: [{ factor: 'otp' }] });
      await h.admin.fault({ path: '/oauth/token', user_id: user.id, status: 200, body });
      const res = await send(h.proxy({ exposeTokens }), 'POST', `${BASE}/verify`, { user, json: { otp: '123456' } });
      return readJson(res);
    };
    assert.deepEqual(await verify(false, { ...answer, ...EXTRA }), { success: true, recovery_code: 'NEWRECOVERYCODE000000000' });
    assert.deepEqual(h.tokens.at(-1), {
      accessToken: 'AT',
      idToken: 'IT',
      refreshToken: 'RT',
      expiresIn: 600,
      scope: 'enroll read:authenticators',
      tokenType: 'Bearer',
    });
    const { recovery_code: _code, ...tokens } = answer;
    assert.deepEqual(await verify(true, { ...answer, ...EXTRA }), { success: true, recovery_code: 'NEWRECOVERYCODE000000000', ...tokens });

    // Fields of the wrong type are not handed on as if they were right.
    assert.deepEqual(await verify(false, { access_token: 'AT', id_token: 1, refresh_token: 2, expires_in: '600', scope: 3, token_type: 4, recovery_code: 5 }), {
      success: true,
    });
    assert.deepEqual(h.tokens.at(-1), { accessToken: 'AT' });
  });
});
