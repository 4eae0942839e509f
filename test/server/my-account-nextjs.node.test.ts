/**
 * `MyAccountSource({ baseUrl: '/me/v1' })` through the real `@auth0/nextjs-auth0` v4 `/me/*` proxy,
 * in process, on the emulator as the tenant: the SDK gets the `/me/` token itself (refresh token,
 * audience `{issuer}me/`) and forwards Auth0's answers unchanged, `Location` with the tenant's host
 * included; the source takes the id from its path and calls the proxy.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MyAccountSource } from '../../src/core/my-account-source.js';
import { totp } from '../helpers/totp.js';
import { nextjsPage } from './fixtures/nextjs-auth0-real.js';

const SCOPE = 'read:me:authentication_methods create:me:authentication_methods update:me:authentication_methods delete:me:authentication_methods';

test('nextjs-auth0 /me/* proxy: list, enroll and verify totp, rename, remove', async (t) => {
  // The emulator lets a refresh only narrow the login's scope, so the login asks for the /me/ ones.
  const page = await nextjsPage(t, {}, SCOPE);
  const user = await page.tenant.control<{ id: string; email: string }>('POST', '/__emulator/users', {});
  await page.signIn(user.email);
  const seen: string[] = [];
  const source = new MyAccountSource({
    baseUrl: '/me/v1',
    scope: SCOPE,
    fetch: async (input, init) => {
      const response = await page.fetch(input, init);
      seen.push(`${init?.method ?? 'GET'} ${input} → ${response.status} ${response.headers.get('location') ?? ''}`);
      return response;
    },
  });
  const before = await source.listAuthenticators();
  assert.deepEqual(before, [], seen.join('\n'));
  const enrollment = await source.enroll({ factor: 'otp' });
  if (enrollment.type !== 'otp') assert.fail(enrollment.type);
  // nextjs-auth0 forwards the tenant's Location (another host than the app's); the source never goes there.
  const location = new URL(seen.at(-1)!.split(' ').pop()!);
  assert.notEqual(location.origin, 'http://localhost:3000');
  assert.match(location.pathname, /^\/me\/v1\/authentication-methods\/totp%7C/);
  const { authenticator } = await source.verify({ type: 'otp', otp: await totp(enrollment.secret) });
  assert.equal(authenticator?.active, true);
  assert.equal((await source.rename(authenticator!.id, 'Phone')).name, 'Phone');
  await source.remove(authenticator!.id);
  for (const line of seen) assert.match(line, /^\w+ \/me\/v1\//);
});
