import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A software WebAuthn authenticator for Node tests: real P-256 keys and real attestation objects
 * (fmt "none", or "packed" self-attestation), so the emulator's verification runs in full.
 */

type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor>;

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  const b = Buffer.alloc(3);
  b[0] = (major << 5) | 25;
  b.writeUInt16BE(length, 1);
  return b;
}

export function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

export interface SoftCredential {
  id: Buffer;
  privateKey: KeyObject;
}

export interface AttestOptions {
  challenge: string;
  rpId: string;
  origin: string;
  fmt?: 'none' | 'packed';
  credential?: SoftCredential;
}

export function newCredential(): SoftCredential {
  return { id: randomBytes(16), privateKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey };
}

/** A `RegistrationResponseJSON` as a browser would hand it over. */
export function attest({ challenge, rpId, origin, fmt = 'none', credential = newCredential() }: AttestOptions) {
  const jwk = credential.privateKey.export({ format: 'jwk' }) as { x: string; y: string };
  const cose = cbor(new Map<Cbor, Cbor>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x, 'base64url')], [-3, Buffer.from(jwk.y, 'base64url')]]));
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(credential.id.length);
  const flags = 0x01 | 0x04 | 0x40; // user present, user verified, attested credential data
  const authData = Buffer.concat([createHash('sha256').update(rpId).digest(), Buffer.from([flags]), Buffer.alloc(4), Buffer.alloc(16), idLength, credential.id, cose]);
  const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge, origin, crossOrigin: false }));
  const attStmt =
    fmt === 'packed'
      ? new Map<Cbor, Cbor>([['alg', -7], ['sig', sign('sha256', Buffer.concat([authData, createHash('sha256').update(clientDataJSON).digest()]), credential.privateKey)]])
      : new Map<Cbor, Cbor>();
  const attestationObject = cbor(new Map<Cbor, Cbor>([['fmt', fmt], ['attStmt', attStmt], ['authData', authData]]));
  const id = credential.id.toString('base64url');
  return {
    id,
    rawId: id,
    type: 'public-key',
    response: { attestationObject: attestationObject.toString('base64url'), clientDataJSON: clientDataJSON.toString('base64url'), transports: ['internal'] },
    authenticatorAttachment: 'platform',
    clientExtensionResults: {},
  };
}
