/**
 * The emulator's options and their defaults (src/emulator/config.ts): what a tenant looks like when
 * nothing is said, how per-user settings layer over the tenant's, and which issuers are refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_FACTORS, DEFAULT_SETTINGS, DEMO_CLIENTS, DEMO_USERS, HOSTED_FACTORS, mergeSettings, resolveConfig } from '../../src/emulator/config.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';

test('with no options: the demo tenant, its users and clients, the MFA-API factors, any CORS origin, silent', () => {
  const config = resolveConfig({ signingKey: TEST_SIGNING_KEY });
  assert.equal(config.tenant, 'mfa-emulator');
  assert.equal('issuer' in config, false, 'the issuer follows the origin reached');
  assert.equal(config.refreshMfa, 'mfa-audience');
  assert.equal(config.signingKey, TEST_SIGNING_KEY);
  assert.deepEqual(config.users, DEMO_USERS);
  assert.notEqual(config.users, DEMO_USERS, 'a copy: the demo list is never changed through a config');
  assert.deepEqual(config.clients, DEMO_CLIENTS);
  assert.deepEqual([...config.factors], ['otp', 'sms', 'voice', 'email', 'push', 'recovery-code']);
  assert.deepEqual(ALL_FACTORS, ['otp', 'sms', 'voice', 'email', 'push', 'recovery-code']);
  assert.deepEqual(HOSTED_FACTORS, ['webauthn-roaming', 'webauthn-platform', 'duo']);
  assert.equal(config.corsOrigins, '*');
  assert.deepEqual(config.settings, DEFAULT_SETTINGS);
  assert.equal(config.log('anything'), undefined);
  assert.deepEqual(config.webauthn, {});
});

test('the defaults are Auth0’s: ten-minute mfa_token and access token, five-minute codes and pushes, polls five seconds apart', () => {
  assert.deepEqual(DEFAULT_SETTINGS, {
    mfaTokenTtl: 600,
    oobTtl: 300,
    pushTtl: 300,
    accessTokenTtl: 600,
    pushInterval: 5,
    totp: { algorithm: 'SHA1', digits: 6, period: 30 },
    limits: {
      otpFailures: { burst: 10, refill: 1, periodSeconds: 360 },
      recoveryFailures: { burst: 10, refill: 10, periodSeconds: 3600 },
      oobExchanges: { burst: 12, refill: 12, periodSeconds: 60 },
      pushSends: { burst: 5, refill: 5, periodSeconds: 60 },
      phoneSends: { burst: 10, refill: 1, periodSeconds: 3600 },
      emailSends: { burst: 20, refill: 1, periodSeconds: 60 },
    },
  });
});

test('the demo users and clients: a fresh user, an enrolled one with a fixed code, a public SPA, a web app, a Management client', () => {
  assert.deepEqual(DEMO_USERS, [
    { email: 'demo@example.com', password: 'demo' },
    {
      email: 'enrolled@example.com',
      password: 'demo',
      recoveryCode: 'DEMORECOVERYCODE00000000',
      authenticators: [
        { factor: 'otp', secret: 'JBSWY3DPEHPK3PXP' },
        { factor: 'sms', phoneNumber: '+15555550100' },
      ],
    },
  ]);
  assert.deepEqual(DEMO_CLIENTS, [
    { clientId: 'demo-spa', name: 'Demo SPA (public)', grants: ['password', 'mfa', 'authorization_code', 'refresh_token'] },
    { clientId: 'demo-web', clientSecret: 'demo-web-secret', name: 'Demo web app', grants: ['password', 'mfa', 'authorization_code', 'refresh_token'] },
    { clientId: 'demo-m2m', clientSecret: 'demo-m2m-secret', name: 'Management API client', grants: ['client_credentials'] },
  ]);
});

test('every option given is kept; the issuer gains a trailing slash', () => {
  const log = () => {};
  const config = resolveConfig({
    tenant: 't',
    issuer: 'https://tenant.example/base',
    refreshMfa: 'never',
    users: [],
    clients: [{ clientId: 'c', grants: [] }],
    factors: ['otp', 'duo'],
    corsOrigins: ['http://app.test'],
    settings: { oobTtl: 60 },
    log,
    webauthn: { rpId: 'app.test' },
    signingKey: TEST_SIGNING_KEY,
  });
  assert.equal(config.tenant, 't');
  assert.equal(config.issuer, 'https://tenant.example/base/');
  assert.equal(config.refreshMfa, 'never');
  assert.deepEqual(config.users, []);
  assert.deepEqual(config.clients, [{ clientId: 'c', grants: [] }]);
  assert.deepEqual([...config.factors], ['otp', 'duo']);
  assert.deepEqual(config.corsOrigins, ['http://app.test']);
  assert.equal(config.settings.oobTtl, 60);
  assert.equal(config.settings.pushTtl, 300);
  assert.equal(config.log, log);
  assert.deepEqual(config.webauthn, { rpId: 'app.test' });
  assert.equal(resolveConfig({ issuer: 'http://localhost:4000/', signingKey: TEST_SIGNING_KEY }).issuer, 'http://localhost:4000/');
  assert.equal(resolveConfig({ issuer: 'https://TENANT.example', signingKey: TEST_SIGNING_KEY }).issuer, 'https://tenant.example/');
  assert.throws(() => resolveConfig({ issuer: 'ftp://tenant.example/', signingKey: TEST_SIGNING_KEY }), {
    name: 'TypeError',
    message: 'issuer must be an http(s) URL: ftp://tenant.example/',
  });
  assert.throws(() => resolveConfig({ issuer: 'not a url', signingKey: TEST_SIGNING_KEY }), TypeError);
});

test('a signing key is made when none is given', () => {
  const { signingKey } = resolveConfig({});
  assert.equal(signingKey.privateKey.asymmetricKeyType, 'rsa');
  assert.equal(signingKey.publicJwk.kty, 'RSA');
  assert.equal(signingKey.publicJwk.alg, 'RS256');
  assert.equal(signingKey.publicJwk.use, 'sig');
  assert.equal(signingKey.publicJwk.kid, signingKey.kid);
  assert.equal(signingKey.publicJwk.d, undefined);
  assert.match(signingKey.kid, /^[A-Za-z0-9_-]{16}$/);
});

test('per-user settings override field by field, TOTP and each limit merged into the tenant’s', () => {
  const base = mergeSettings(DEFAULT_SETTINGS, { pushInterval: 2, limits: { otpFailures: { burst: 3 } } });
  assert.equal(base.pushInterval, 2);
  assert.deepEqual(base.limits.otpFailures, { burst: 3, refill: 1, periodSeconds: 360 });
  const user = mergeSettings(base, {
    mfaTokenTtl: 1,
    oobTtl: 2,
    pushTtl: 3,
    accessTokenTtl: 4,
    totp: { digits: 8 },
    limits: { otpFailures: { refill: 2 }, emailSends: { periodSeconds: 1 } },
  });
  assert.deepEqual(user, {
    mfaTokenTtl: 1,
    oobTtl: 2,
    pushTtl: 3,
    accessTokenTtl: 4,
    pushInterval: 2,
    totp: { algorithm: 'SHA1', digits: 8, period: 30 },
    limits: { ...DEFAULT_SETTINGS.limits, otpFailures: { burst: 3, refill: 2, periodSeconds: 360 }, emailSends: { burst: 20, refill: 1, periodSeconds: 1 } },
  });
  assert.deepEqual(DEFAULT_SETTINGS.limits.otpFailures, { burst: 10, refill: 1, periodSeconds: 360 }, 'the defaults are left alone');
  assert.deepEqual(mergeSettings(base), base);
});
