import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { problem } from './my-account.js';
import { deviceId } from './random.js';
import type { UserRecord } from './state.js';
import { isoTime } from './views.js';
import type { World } from './world.js';

/**
 * Passkeys of My Account, verified for real with @simplewebauthn/server. They are primary
 * methods, which the MFA API never lists, so they live beside the MFA authenticators, not among them.
 */

export interface PasskeyRecord {
  id: string;
  userId: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  userHandle: string;
  transports?: string[];
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
  aaguid: string;
  rpId: string;
  fmt: string;
  userAgent?: string;
  name?: string;
  createdAt: number;
}

export function passkeysOf(world: World, user: UserRecord): PasskeyRecord[] {
  let list = world.passkeys.get(user.id);
  if (!list) world.passkeys.set(user.id, (list = []));
  return list;
}

/** The page's host when it sent an Origin (a browser), else the host it called; a configured one wins. */
export function rpIdFor(world: World, request: Request, fallbackHost: string): string {
  if (world.config.webauthn.rpId) return world.config.webauthn.rpId;
  const origin = request.headers.get('origin');
  try {
    if (origin) return new URL(origin).hostname;
  } catch {
    // a malformed Origin: fall back to the host called
  }
  return fallbackHost;
}

const userHandleOf = (user: UserRecord): string => Buffer.from(user.id).toString('base64url');

export async function passkeyOptions(world: World, user: UserRecord, rpId: string) {
  return generateRegistrationOptions({
    rpName: world.config.webauthn.rpName ?? world.config.tenant,
    rpID: rpId,
    userName: user.email,
    userID: Buffer.from(user.id),
    attestationType: 'direct',
    excludeCredentials: passkeysOf(world, user).map((p) => ({ id: p.credentialId, ...(p.transports && { transports: p.transports as never }) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
}

/** The origin the client data names, when it is allowed: configured ones, else http(s) on the RP ID's host. */
function expectedOrigins(world: World, response: unknown, rpId: string): string[] {
  if (world.config.webauthn.origins) return world.config.webauthn.origins;
  try {
    const clientData = (response as { response: { clientDataJSON: string } }).response.clientDataJSON;
    const origin = new URL(JSON.parse(Buffer.from(clientData, 'base64url').toString('utf8')).origin);
    if ((origin.protocol === 'http:' || origin.protocol === 'https:') && origin.hostname === rpId) return [origin.origin];
  } catch {
    // unreadable client data: the library refuses it below with a precise reason
  }
  return [`https://${rpId}`];
}

export async function verifyPasskey(
  world: World,
  user: UserRecord,
  session: { challenge: string; rpId: string },
  response: unknown,
  userAgent: string | undefined,
): Promise<PasskeyRecord> {
  if (typeof response !== 'object' || response === null) throw problem(400, 'authn_response must be an object.');
  let info;
  try {
    const result = await verifyRegistrationResponse({
      response: response as never,
      expectedChallenge: session.challenge,
      expectedOrigin: expectedOrigins(world, response, session.rpId),
      expectedRPID: session.rpId,
      requireUserVerification: false,
    });
    if (!result.verified) throw new Error('the attestation statement (its signature) did not verify.');
    info = result.registrationInfo;
  } catch (error) {
    throw problem(400, `Invalid authn_response: ${error instanceof Error ? error.message : 'verification failed'}`);
  }
  const known = [...world.passkeys.values()].flat();
  if (known.some((p) => p.credentialId === info.credential.id)) throw problem(400, 'This credential is already registered.');
  const record: PasskeyRecord = {
    id: `passkey|${deviceId()}`,
    userId: user.id,
    credentialId: info.credential.id,
    publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
    counter: info.credential.counter,
    userHandle: userHandleOf(user),
    ...(info.credential.transports && { transports: [...info.credential.transports] }),
    deviceType: info.credentialDeviceType,
    backedUp: info.credentialBackedUp,
    aaguid: info.aaguid,
    rpId: session.rpId,
    fmt: info.fmt,
    ...(userAgent && { userAgent }),
    createdAt: world.clock.now(),
  };
  passkeysOf(world, user).push(record);
  return record;
}

export function passkeyView(p: PasskeyRecord): Record<string, unknown> {
  return {
    id: p.id,
    type: 'passkey',
    created_at: isoTime(p.createdAt),
    usage: ['primary'],
    credential_device_type: p.deviceType === 'multiDevice' ? 'multi_device' : 'single_device',
    credential_backed_up: p.backedUp,
    identity_user_id: p.userId,
    key_id: p.credentialId,
    public_key: p.publicKey,
    user_handle: p.userHandle,
    aaguid: p.aaguid,
    relying_party_id: p.rpId,
    ...(p.transports && { transports: p.transports }),
    ...(p.userAgent && { user_agent: p.userAgent }),
    ...(p.name !== undefined && { name: p.name }),
  };
}
