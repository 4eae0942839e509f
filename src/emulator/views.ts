import type { AuthenticatorRecord } from './state.js';

/** How records look on the wire. Nothing here decides anything. */

export function maskPhone(phone: string): string {
  if (phone.length <= 6) return phone;
  return phone.slice(0, 2) + 'X'.repeat(phone.length - 6) + phone.slice(-4);
}

const OOB_CHANNEL = { sms: 'sms', voice: 'voice', email: 'email', push: 'auth0' } as const;

/** `GET /mfa/authenticators` items, with the singular `oob_channel` of Auth0's examples. */
export function mfaAuthenticator(a: AuthenticatorRecord): Record<string, unknown> {
  switch (a.kind) {
    case 'totp':
      return { id: a.id, authenticator_type: 'otp', active: a.active };
    case 'recovery-code':
      return { id: a.id, authenticator_type: 'recovery-code', active: a.active };
    default:
      return { id: a.id, authenticator_type: 'oob', oob_channel: OOB_CHANNEL[a.kind], name: authenticatorName(a), active: a.active };
  }
}

export function authenticatorName(a: AuthenticatorRecord): string | undefined {
  if (a.phoneNumber) return maskPhone(a.phoneNumber);
  return a.email ?? a.deviceName;
}

export function isoTime(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}
