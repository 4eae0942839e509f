/** The URL checks every source applies before a token goes anywhere. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MfaError } from '../../src/core/errors.js';
import { checkServerUrl, isLoopbackHost, resolveOrigin } from '../../src/core/origin.js';

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    assert.ok(MfaError.is(error, 'invalid_uri'), String(error));
    return error.message;
  }
  return 'accepted';
};

describe('isLoopbackHost', () => {
  it('is localhost, any 127.x.y.z and [::1], nothing that only starts or ends like them', () => {
    for (const host of ['localhost', '127.0.0.1', '127.10.200.3', '[::1]']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['localhost.evil.com', 'evil-localhost', '127.0.0.1.evil.com', 'x127.0.0.1', '127.0.0', '127.0.0.1234', '128.0.0.1', '::1', '']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});

describe('resolveOrigin', () => {
  it('trims, drops trailing slashes and reads a scheme in any case', () => {
    assert.equal(resolveOrigin('  tenant.auth0.com//  '), 'https://tenant.auth0.com');
    assert.equal(resolveOrigin('HTTPS://Tenant.Auth0.com'), 'https://tenant.auth0.com');
    assert.equal(resolveOrigin('HTTP://localhost:4000/'), 'http://localhost:4000');
  });
  it('says why it refuses', () => {
    assert.equal(refusal(() => resolveOrigin('https://tenant.auth0.com?x=1')), 'invalid_uri: domain must be a host name or an origin');
    assert.equal(refusal(() => resolveOrigin('https://tenant.auth0.com#top')), 'invalid_uri: domain must be a host name or an origin');
    assert.equal(refusal(() => resolveOrigin('http://tenant.auth0.com')), 'invalid_uri: only https: (or http: on a loopback host) is allowed');
    assert.equal(refusal(() => resolveOrigin('https://exa mple.com')), 'invalid_uri: not a valid URL');
  });
  it('keeps what the URL parser threw as the cause of "not a valid URL"', () => {
    try {
      resolveOrigin('https://[bad');
      assert.fail('accepted');
    } catch (error) {
      assert.ok(MfaError.is(error, 'invalid_uri'));
      assert.ok(error.cause instanceof TypeError);
    }
  });
});

describe('checkServerUrl', () => {
  it('resolves a relative URL against the base and keeps path and query', () => {
    assert.equal(checkServerUrl('/tickets/abc?x=1', 'https://app.example'), 'https://app.example/tickets/abc?x=1');
    assert.equal(checkServerUrl('http://127.0.0.1:3000/t'), 'http://127.0.0.1:3000/t');
  });
  it('refuses http off loopback, other schemes and user:password@', () => {
    for (const bad of ['http://tenant.example/t', 'javascript:alert(1)', 'data:text/html,x', 'https://tenant.example@evil.example/t', 'https://u:p@tenant.example/t']) {
      assert.equal(refusal(() => checkServerUrl(bad)), 'invalid_uri: only https: (or http: on a loopback host) is allowed', bad);
    }
    assert.equal(refusal(() => checkServerUrl('/relative')), 'invalid_uri: not a valid URL');
  });
});

describe('origins: the edges (from the mutation run)', () => {
  it('drops every trailing slash, not only the last', () => {
    assert.equal(resolveOrigin('https://tenant.auth0.com///'), 'https://tenant.auth0.com');
  });
  it('reads a scheme only at the start: a host with a path that names a URL is refused as a path', () => {
    assert.equal(refusal(() => resolveOrigin('tenant.auth0.com/x?u=http://a')), 'invalid_uri: domain must be a host name or an origin');
  });
  it('allows plain http: on loopback, and no other scheme there', () => {
    assert.equal(refusal(() => checkServerUrl('ftp://127.0.0.1/x')), 'invalid_uri: only https: (or http: on a loopback host) is allowed');
    assert.equal(refusal(() => resolveOrigin('ws://localhost:4000')), 'invalid_uri: only https: (or http: on a loopback host) is allowed');
  });
});
