import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  ceremonyFailure,
  creationOptionsFromJSON,
  fromBase64Url,
  registrationToJSON,
  toBase64Url,
} from '../../src/core/webauthn-json.js';

const bytes = (b: ArrayBuffer) => [...new Uint8Array(b)];

describe('base64url', () => {
  it('round-trips every length and byte value, matching Node’s own encoder', () => {
    for (let n = 0; n < 70; n++) {
      const data = randomBytes(n);
      const text = toBase64Url(data);
      assert.equal(text, data.toString('base64url'), `length ${n}`);
      assert.deepEqual(bytes(fromBase64Url(text)), [...data], `length ${n}`);
    }
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    assert.equal(toBase64Url(all), all.toString('base64url'));
  });
  it('takes padded input, as some servers send', () => {
    assert.deepEqual(bytes(fromBase64Url('AQI=')), [1, 2]);
    assert.deepEqual(bytes(fromBase64Url('AQ==')), [1]);
  });
  it('refuses standard base64, bad lengths and non-canonical trailing bits', () => {
    assert.throws(() => fromBase64Url('a+b/'), /bad character/);
    assert.throws(() => fromBase64Url('abcde'), /bad length/);
    assert.throws(() => fromBase64Url('AR'), /non-canonical/); // 'AQ' is the canonical form of [1]
    assert.throws(() => fromBase64Url(42 as unknown as string), /not a string/);
  });
  it('takes padding only at the end: an = inside the text is refused', () => {
    assert.throws(() => fromBase64Url('AQ=I'), /bad character/);
    assert.throws(() => fromBase64Url('=AQI'), /bad character/);
  });
  it('encodes a view over part of a buffer, not the whole buffer', () => {
    const whole = new Uint8Array([9, 1, 2, 3, 9]);
    assert.equal(toBase64Url(whole.subarray(1, 4)), Buffer.from([1, 2, 3]).toString('base64url'));
  });
});

describe('creationOptionsFromJSON', () => {
  const json = {
    rp: { id: 'localhost', name: 'Demo' },
    user: { id: 'dXNlcg', name: 'a@example.com', displayName: 'A' },
    challenge: 'Y2hhbGxlbmdl',
    pubKeyCredParams: [{ type: 'public-key' as const, alg: -7 }],
    timeout: 60000,
    excludeCredentials: [{ type: 'public-key' as const, id: 'AQID', transports: ['usb'] }],
    authenticatorSelection: { residentKey: 'required' as const, userVerification: 'required' as const },
  };
  it('decodes the challenge, user id and excluded ids; keeps the rest', () => {
    const o = creationOptionsFromJSON(json);
    assert.equal(Buffer.from(o.challenge).toString(), 'challenge');
    assert.equal(Buffer.from(o.user.id).toString(), 'user');
    assert.deepEqual(bytes(o.excludeCredentials![0]!.id), [1, 2, 3]);
    assert.deepEqual(o.excludeCredentials![0]!.transports, ['usb']);
    assert.deepEqual(o.authenticatorSelection, json.authenticatorSelection);
    assert.equal(o.rp.id, 'localhost');
    assert.equal(o.user.name, 'a@example.com');
    assert.equal(json.challenge, 'Y2hhbGxlbmdl', 'input left as it was');
  });
  it('adds no excludeCredentials when there were none', () => {
    const { excludeCredentials: _, ...rest } = json;
    assert.equal('excludeCredentials' in creationOptionsFromJSON(rest), false);
  });
  it('throws on a malformed challenge rather than sending garbage to the authenticator', () => {
    assert.throws(() => creationOptionsFromJSON({ ...json, challenge: 'not base64url!' }), TypeError);
  });
});

describe('registrationToJSON', () => {
  const buf = (...b: number[]) => new Uint8Array(b).buffer;
  it('encodes every binary member and keeps transports, attachment and extension results', () => {
    const json = registrationToJSON({
      id: 'AQI',
      rawId: buf(1, 2),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: buf(123, 125),
        attestationObject: buf(0xa0),
        getTransports: () => ['internal', 'hybrid'],
        getAuthenticatorData: () => buf(5),
        getPublicKey: () => buf(6, 7),
        getPublicKeyAlgorithm: () => -7,
      },
      getClientExtensionResults: () => ({ credProps: { rk: true } }),
    });
    assert.deepEqual(json, {
      id: 'AQI',
      rawId: 'AQI',
      type: 'public-key',
      response: {
        clientDataJSON: 'e30',
        attestationObject: 'oA',
        transports: ['internal', 'hybrid'],
        authenticatorData: 'BQ',
        publicKey: 'Bgc',
        publicKeyAlgorithm: -7,
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: { credProps: { rk: true } },
    });
  });
  it('keeps a cross-platform attachment and drops one no spec names', () => {
    const made = (authenticatorAttachment: string) =>
      registrationToJSON({ id: 'AQ', rawId: buf(1), type: 'public-key', authenticatorAttachment, response: { clientDataJSON: buf(1), attestationObject: buf(2) } });
    assert.equal(made('cross-platform').authenticatorAttachment, 'cross-platform');
    assert.equal('authenticatorAttachment' in made('hybrid'), false);
  });
  it('leaves out what an older engine does not offer', () => {
    const json = registrationToJSON({
      id: 'AQ',
      rawId: buf(1),
      type: 'public-key',
      authenticatorAttachment: null,
      response: { clientDataJSON: buf(1), attestationObject: buf(2), getPublicKey: () => null },
    });
    assert.deepEqual(json, {
      id: 'AQ',
      rawId: 'AQ',
      type: 'public-key',
      response: { clientDataJSON: 'AQ', attestationObject: 'Ag' },
      clientExtensionResults: {},
    });
  });
});

describe('ceremonyFailure', () => {
  const dom = (name: string) => Object.assign(new Error(name), { name });
  it('names each failure', () => {
    assert.equal(ceremonyFailure(dom('InvalidStateError')), 'already_registered');
    assert.equal(ceremonyFailure(dom('NotAllowedError')), 'not_allowed');
    assert.equal(ceremonyFailure(dom('AbortError')), 'cancelled');
    assert.equal(ceremonyFailure(dom('SecurityError')), 'security');
    assert.equal(ceremonyFailure(dom('NotSupportedError')), 'unsupported');
    assert.equal(ceremonyFailure(new Error('x')), 'unknown');
    assert.equal(ceremonyFailure(null), 'unknown');
  });
  it('trusts the page’s own clock and cancel over the browser’s error name', () => {
    assert.equal(ceremonyFailure(dom('NotAllowedError'), { timedOut: true }), 'timeout');
    assert.equal(ceremonyFailure(dom('NotAllowedError'), { cancelled: true }), 'cancelled');
    assert.equal(ceremonyFailure(dom('AbortError'), { timedOut: true }), 'timeout');
    assert.equal(ceremonyFailure(dom('AbortError'), { timedOut: true, cancelled: true }), 'timeout', 'the clock ran out first');
    assert.equal(ceremonyFailure(dom('TimeoutError')), 'timeout');
    assert.equal(ceremonyFailure({ name: 42 }), 'unknown');
  });
});
