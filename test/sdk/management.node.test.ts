import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManagementClient } from 'auth0';
import { DOMAIN, sdkTenant } from './sdk-harness.js';

/** Auth0's own `auth0` SDK (v7 ManagementClient): it fetches its token by client_credentials, then calls /api/v2/. */

test('ManagementClient: guardian factors, phone message types, authentication methods list and delete, enrollment ticket', async (t) => {
  const tenant = await sdkTenant(t);
  const management = new ManagementClient({
    domain: DOMAIN,
    clientId: 'demo-m2m',
    clientSecret: 'demo-m2m-secret',
    fetch: tenant.customFetch,
    maxRetries: 0,
  });
  const user = await tenant.control<{ id: string }>('POST', '/__emulator/users', {});
  await tenant.control('POST', `/__emulator/users/${encodeURIComponent(user.id)}/authenticators`, { factor: 'otp' });
  await tenant.control('POST', `/__emulator/users/${encodeURIComponent(user.id)}/authenticators`, { factor: 'sms', phoneNumber: '+15555550111' });

  const factors = await management.guardian.factors.list();
  assert.deepEqual(
    factors.filter((f) => f.enabled).map((f) => f.name).sort(),
    ['email', 'otp', 'push-notification', 'recovery-code', 'sms'],
  );
  const messageTypes = await management.guardian.factors.phone.getMessageTypes();
  assert.ok(messageTypes.message_types?.includes('sms'));

  const page = await management.users.authenticationMethods.list(user.id);
  const types = page.data.map((m) => m.type).sort();
  assert.ok(types.includes('totp') && types.includes('phone'), JSON.stringify(types));
  const totp = page.data.find((m) => m.type === 'totp')!;
  await management.users.authenticationMethods.delete(user.id, totp.id!);
  const after = await management.users.authenticationMethods.list(user.id);
  assert.equal(after.data.some((m) => m.id === totp.id), false);

  const ticket = await management.guardian.enrollments.createTicket({ user_id: user.id, factor: 'otp' });
  assert.match(ticket.ticket_url ?? '', /\/guardian\/enroll\?ticket=/);

  await assert.rejects(management.users.authenticationMethods.list('auth0|nobody'), (error: { statusCode?: number }) => {
    assert.equal(error.statusCode, 404);
    return true;
  });
});
