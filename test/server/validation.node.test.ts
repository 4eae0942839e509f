/**
 * What the proxy tells a browser about each bad input (the exact message a page can show), and what
 * it sends upstream for good ones: rebuilt from the checked fields, normalized, nothing else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APP_ORIGIN, BASE, harness, readJson, send } from './fixtures/harness.js';

const MAX_BODY = 16 * 1024;

describe('proxy input checks: the messages', () => {
  it('says what is wrong with each field, before any upstream call', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user();
    const cases: Array<[string, unknown, string]> = [
      ['associate', { authenticator_types: ['webauthn'] }, 'Parameter authenticator_types must be a one-element array of otp, oob.'],
      ['associate', { authenticator_types: 'otp' }, 'Parameter authenticator_types must be a one-element array of otp, oob.'],
      ['associate', { authenticator_types: [7] }, 'Parameter authenticator_types must be a one-element array of otp, oob.'],
      ['associate', { authenticator_types: [] }, 'Parameter authenticator_types must be a one-element array of otp, oob.'],
      ['associate', { authenticator_types: ['oob'], oob_channels: ['fax'] }, 'Parameter oob_channels must be a one-element array of sms, voice, email, auth0.'],
      ['associate', { authenticator_types: ['oob'], oob_channels: ['sms'] }, 'Missing required parameter: phone_number'],
      ['associate', { authenticator_types: ['oob'], oob_channels: ['voice'], phone_number: null }, 'Missing required parameter: phone_number'],
      ['associate', { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '' }, 'Missing required parameter: phone_number'],
      ['associate', { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: 15555550100 }, 'Parameter phone_number must be a string.'],
      ['associate', { authenticator_types: ['oob'], oob_channels: ['voice'], phone_number: '555-0100' }, 'phone_number must be an E.164 number (+ and 8 to 15 digits).'],
      ['associate', { authenticator_types: ['oob'], oob_channels: ['email'], email: 'not an email' }, 'email is not a valid address.'],
      ['associate', { authenticator_types: ['oob'], oob_channels: ['email'], email: ['a@b.example'] }, 'Parameter email must be a string.'],
      ['challenge', {}, 'Missing required parameter: authenticator_id'],
      ['challenge', { authenticator_id: '../../api/v2/users' }, 'authenticator_id is not an authenticator id.'],
      ['challenge', { authenticator_id: 'sms|dev_x', challenge_type: 'magic' }, 'challenge_type must be otp, oob or both.'],
      ['challenge', { authenticator_id: 'sms|dev_x', challenge_type: 'otp oob otp' }, 'challenge_type must be otp, oob or both.'],
      ['challenge', { authenticator_id: 'sms|dev_x', challenge_type: 'otp magic' }, 'challenge_type must be otp, oob or both.'],
      ['verify', {}, 'Send exactly one of otp, oob_code or recovery_code.'],
      ['verify', { otp: '123456', oob_code: 'abc' }, 'Send exactly one of otp, oob_code or recovery_code.'],
      ['verify', { otp: '12ab56' }, 'otp must be 4 to 10 digits.'],
      ['verify', { otp: '123' }, 'otp must be 4 to 10 digits.'],
      ['verify', { otp: '12345678901' }, 'otp must be 4 to 10 digits.'],
      ['verify', { otp: '' }, 'Missing required parameter: otp'],
      ['verify', { otp: 123456 }, 'Parameter otp must be a string.'],
      ['verify', { recovery_code: 'short' }, 'recovery_code must be 24 letters and digits.'],
      ['verify', { oob_code: 'has spaces' }, 'oob_code is malformed.'],
      ['verify', { oob_code: 'x'.repeat(4097) }, 'oob_code is malformed.'],
      ['verify', { oob_code: 'abc', binding_code: '<script>' }, 'binding_code is malformed.'],
      ['verify', { oob_code: 'abc', binding_code: '1'.repeat(33) }, 'binding_code is malformed.'],
      ['', { factor: 'passkey' }, 'factor must be one of otp, sms, voice, phone, email, push, push-notification, webauthn-roaming, webauthn-platform, duo.'],
      ['', { factor: 'recovery-code' }, 'factor must be one of otp, sms, voice, phone, email, push, push-notification, webauthn-roaming, webauthn-platform, duo.'],
      ['', { factor: 'toString' }, 'factor must be one of otp, sms, voice, phone, email, push, push-notification, webauthn-roaming, webauthn-platform, duo.'],
      ['', {}, 'Missing required parameter: factor'],
    ];
    for (const [route, json, message] of cases) {
      const res = await send(proxy, 'POST', route ? `${BASE}/${route}` : BASE, { user, json });
      assert.deepEqual([res.status, await readJson(res)], [400, { error: 'invalid_request', error_description: message }], `${route} ${JSON.stringify(json)}`);
    }
    const id = await send(proxy, 'DELETE', `${BASE}/authenticators/not-an-id`, { user });
    assert.deepEqual(await readJson(id), { error: 'invalid_request', error_description: 'Not an authenticator id.' });
    assert.deepEqual(h.upstream, []);
  });

  it('reads JSON bodies only, of at most 16 KiB, whatever the body claims', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user();
    const post = (body: BodyInit | null, headers: Record<string, string>) =>
      proxy(
        new Request(`${APP_ORIGIN}${BASE}/verify`, {
          method: 'POST',
          headers: { cookie: user.cookie, origin: APP_ORIGIN, 'x-requested-with': 'mfa-elements', ...headers },
          body,
          ...(body instanceof ReadableStream && { duplex: 'half' }),
        } as RequestInit),
      );
    const answer = async (res: Response) => {
      const body = await readJson(res);
      assert.equal(body.error, 'invalid_request');
      return [res.status, body.error_description];
    };
    const json = { 'content-type': 'application/json' };
    for (const type of ['text/plain', 'application/json-patch+json', 'application/jsonp', 'multipart/form-data', 'text/application/json']) {
      assert.deepEqual(await answer(await post('{"otp":"123456"}', { 'content-type': type })), [415, 'Content-Type must be application/json.'], type);
    }
    assert.deepEqual(await answer(await post('{"otp":"123456"}', {})), [415, 'Content-Type must be application/json.'], 'no type');
    assert.deepEqual(await answer(await post(null, json)), [400, 'The request body is not valid JSON.'], 'no body');
    assert.deepEqual(await answer(await post('{"otp":', json)), [400, 'The request body is not valid JSON.']);
    assert.deepEqual(await answer(await post('["otp"]', json)), [400, 'The request body must be a JSON object.']);
    assert.deepEqual(await answer(await post('null', json)), [400, 'The request body must be a JSON object.']);
    assert.deepEqual(await answer(await post('{"otp":"123456"}', { ...json, 'content-length': String(MAX_BODY + 1) })), [413, 'The request body is too large.'], 'a declared length over the limit is refused unread');

    /** A body of exactly `size` bytes, streamed in two chunks with no declared length. */
    const padded = (size: number) => {
      const start = '{"otp":"12ab56","pad":"';
      const text = `${start}${'x'.repeat(size - start.length - 2)}"}`;
      const bytes = new TextEncoder().encode(text);
      assert.equal(bytes.length, size);
      const half = Math.floor(size / 2);
      return new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, half));
          controller.enqueue(bytes.slice(half));
          controller.close();
        },
      });
    };
    assert.deepEqual(await answer(await post(padded(MAX_BODY + 1), json)), [413, 'The request body is too large.'], 'one byte over, streamed');
    assert.deepEqual(await answer(await post(padded(MAX_BODY), json)), [400, 'otp must be 4 to 10 digits.'], 'exactly 16 KiB is read whole, across chunks');
    const exact = new TextDecoder().decode(await new Response(padded(MAX_BODY)).arrayBuffer());
    assert.deepEqual(await answer(await post(exact, { ...json, 'content-length': String(MAX_BODY) })), [400, 'otp must be 4 to 10 digits.'], 'a declared 16 KiB is allowed');
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/json ;charset=utf-8']) {
      assert.deepEqual(await answer(await post('{"otp":"12ab56"}', { 'content-type': type })), [400, 'otp must be 4 to 10 digits.'], type);
    }
    assert.deepEqual(h.upstream, []);
  });
});

describe('proxy input checks: what goes upstream', () => {
  const sent = (h: { upstream: Array<{ path: string; body?: string }> }, path: string) => h.upstream.filter((c) => c.path === path).at(-1)!.body!;

  it('associate: only the checked fields, the phone in E.164, the email trimmed or left out', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ tokens: 'access' });
    const associate = async (json: Record<string, unknown>) => {
      await send(proxy, 'POST', `${BASE}/associate`, { user, json });
      return JSON.parse(sent(h, '/mfa/associate'));
    };
    assert.deepEqual(await associate({ authenticator_types: ['otp'], oob_channels: ['sms'], phone_number: '+15555550100', extra: 1 }), { authenticator_types: ['otp'] });
    assert.deepEqual(await associate({ authenticator_types: ['oob'], oob_channels: ['voice'], phone_number: '+1 (555) 555-0101', email: 'a@b.example' }), {
      authenticator_types: ['oob'],
      oob_channels: ['voice'],
      phone_number: '+15555550101',
    });
    assert.deepEqual(await associate({ authenticator_types: ['oob'], oob_channels: ['email'], email: ' Someone@Example.COM ' }), {
      authenticator_types: ['oob'],
      oob_channels: ['email'],
      email: 'Someone@Example.COM',
    });
    assert.deepEqual(await associate({ authenticator_types: ['oob'], oob_channels: ['email'], email: '' }), { authenticator_types: ['oob'], oob_channels: ['email'] });
    assert.deepEqual(await associate({ authenticator_types: ['oob'], oob_channels: ['auth0'], phone_number: '+15555550100', email: 'not checked, not sent' }), {
      authenticator_types: ['oob'],
      oob_channels: ['auth0'],
    });
  });

  it('challenge and verify: challenge types tidied, codes without spaces or dashes, an empty binding code left out', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'sms', phoneNumber: '+15555550123' }] });
    const sms = user.seeded[0]!.authenticators.find((a) => a.oob_channel === 'sms')!;
    await send(proxy, 'POST', `${BASE}/challenge`, { user, json: { authenticator_id: sms.id, challenge_type: '  oob \t otp ' } });
    assert.equal(JSON.parse(sent(h, '/mfa/challenge')).challenge_type, 'oob otp');
    await send(proxy, 'POST', `${BASE}/challenge`, { user, json: { authenticator_id: sms.id, challenge_type: '' } });
    assert.equal('challenge_type' in JSON.parse(sent(h, '/mfa/challenge')), false, 'an empty type is no type');

    const verify = async (json: Record<string, unknown>) => {
      await send(proxy, 'POST', `${BASE}/verify`, { user, json });
      return Object.fromEntries([...new URLSearchParams(sent(h, '/oauth/token'))].filter(([k]) => ['otp', 'oob_code', 'binding_code', 'recovery_code'].includes(k)));
    };
    assert.deepEqual(await verify({ otp: ' 123-456 ', oob_code: null }), { otp: '123456' });
    assert.deepEqual(await verify({ otp: '1234' }), { otp: '1234' });
    assert.deepEqual(await verify({ otp: '1234567890' }), { otp: '1234567890' });
    assert.deepEqual(await verify({ oob_code: 'Fe26.2**abc', binding_code: '12 34-56' }), { oob_code: 'Fe26.2**abc', binding_code: '123456' });
    assert.deepEqual(await verify({ oob_code: 'x'.repeat(4096), binding_code: '' }), { oob_code: 'x'.repeat(4096) });
    assert.deepEqual(await verify({ oob_code: 'abc', binding_code: 'a'.repeat(32) }), { oob_code: 'abc', binding_code: 'a'.repeat(32) });
  });

  it('ticket: each accepted name becomes the ticket API’s factor', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user();
    const tickets: unknown[] = [];
    for (const factor of ['otp', 'sms', 'voice', 'phone', 'email', 'push', 'push-notification']) {
      await send(proxy, 'POST', BASE, { user, json: { factor, user_id: 'someone-else' } });
      const body = JSON.parse(sent(h, '/api/v2/guardian/enrollments/ticket'));
      assert.equal(body.user_id, user.id);
      tickets.push(body.factor);
    }
    assert.deepEqual(tickets, ['otp', 'phone', 'phone', 'phone', 'email', 'push-notification', 'push-notification']);
  });
});
