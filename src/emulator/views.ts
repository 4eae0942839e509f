import { REQUIREMENT } from './mfa-required.js';
import type { AuthenticatorRecord, MfaKind } from './state.js';

/** How records look on the wire. Nothing here decides anything. */

export function maskPhone(phone: string): string {
  if (phone.length <= 6) return phone;
  return phone.slice(0, 2) + 'X'.repeat(phone.length - 6) + phone.slice(-4);
}

const OOB_CHANNEL = { sms: 'sms', voice: 'voice', email: 'email', push: 'auth0' } as const;

/**
 * `GET /mfa/authenticators` items. The docs disagree on the channel: every JSON example has the
 * singular `oob_channel`, the reference page and auth0-auth-js the array `oob_channels`; both are
 * sent. `type` (the `mfa_requirements` name) is what Customizable MFA tenants add, and what
 * nextjs-auth0 and spa-js filter on.
 */
export function mfaAuthenticator(a: AuthenticatorRecord<MfaKind>): Record<string, unknown> {
  const type = REQUIREMENT[a.kind];
  switch (a.kind) {
    case 'totp':
      return { id: a.id, authenticator_type: 'otp', type, active: a.active };
    case 'recovery-code':
      return { id: a.id, authenticator_type: 'recovery-code', type, active: a.active };
    default: {
      const channel = OOB_CHANNEL[a.kind];
      return { id: a.id, authenticator_type: 'oob', type, oob_channel: channel, oob_channels: [channel], name: authenticatorName(a), active: a.active };
    }
  }
}

export function authenticatorName(a: AuthenticatorRecord): string | undefined {
  if (a.phoneNumber) return maskPhone(a.phoneNumber);
  return a.email ?? a.deviceName;
}

export function isoTime(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}
