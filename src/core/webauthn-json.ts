/**
 * WebAuthn registration as plain JSON: the server's creation options (base64url strings) to the
 * ArrayBuffers `navigator.credentials.create()` takes, and the credential it returns back to the
 * JSON the server verifies (the shape of WebAuthn Level 3 `toJSON()`). Pure: no DOM globals, so it
 * runs (and is tested) in Node; the element passes in the browser's native helpers where they exist.
 */

export type Base64Url = string;

export interface PublicKeyCredentialDescriptorJSON {
  type: 'public-key';
  id: Base64Url;
  transports?: string[];
}

/** `PublicKeyCredentialCreationOptionsJSON` as a server sends it (plain JSON, not the DOM lib's). */
export interface PublicKeyCredentialCreationOptionsJSON {
  rp: { id?: string; name: string };
  user: { id: Base64Url; name: string; displayName: string };
  challenge: Base64Url;
  pubKeyCredParams: { type: 'public-key'; alg: number }[];
  timeout?: number;
  excludeCredentials?: PublicKeyCredentialDescriptorJSON[];
  authenticatorSelection?: {
    authenticatorAttachment?: 'platform' | 'cross-platform';
    residentKey?: 'discouraged' | 'preferred' | 'required';
    requireResidentKey?: boolean;
    userVerification?: 'discouraged' | 'preferred' | 'required';
  };
  hints?: string[];
  attestation?: 'none' | 'indirect' | 'direct' | 'enterprise';
  extensions?: Record<string, unknown>;
}

/** `RegistrationResponseJSON`: what the server verifies. */
export interface RegistrationResponseJSON {
  id: Base64Url;
  rawId: Base64Url;
  type: 'public-key';
  response: {
    clientDataJSON: Base64Url;
    attestationObject: Base64Url;
    transports?: string[];
    authenticatorData?: Base64Url;
    publicKey?: Base64Url;
    publicKeyAlgorithm?: number;
  };
  authenticatorAttachment?: 'platform' | 'cross-platform';
  clientExtensionResults: Record<string, unknown>;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const values = new Map([...alphabet].map((c, i) => [c, i]));

/** A base64url value (padding optional, as servers differ) to bytes; anything else throws. */
export function fromBase64Url(text: string): ArrayBuffer {
  if (typeof text !== 'string') throw new TypeError('base64url: not a string');
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) throw new TypeError('base64url: bad length');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let out = 0;
  for (const char of clean) {
    const value = values.get(char);
    if (value === undefined) throw new TypeError('base64url: bad character');
    acc = (acc << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (acc >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, or two texts would decode to the same bytes.
  if (acc & ((1 << bits) - 1)) throw new TypeError('base64url: non-canonical');
  return bytes.buffer;
}

/** Bytes to unpadded base64url. */
export function toBase64Url(data: ArrayBuffer | ArrayBufferView): Base64Url {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) text += alphabet[(n >> (18 - 6 * c)) & 63];
  }
  return text;
}

/** The creation options with ArrayBuffers where WebAuthn wants BufferSource; other members kept. */
export type CreationOptions = Omit<PublicKeyCredentialCreationOptionsJSON, 'challenge' | 'user' | 'excludeCredentials'> & {
  challenge: ArrayBuffer;
  user: { id: ArrayBuffer; name: string; displayName: string };
  excludeCredentials?: { type: 'public-key'; id: ArrayBuffer; transports?: string[] }[];
};

export function creationOptionsFromJSON(json: PublicKeyCredentialCreationOptionsJSON): CreationOptions {
  const { excludeCredentials, ...rest } = json;
  return {
    ...rest,
    challenge: fromBase64Url(json.challenge),
    user: { ...json.user, id: fromBase64Url(json.user.id) },
    ...(excludeCredentials
      ? { excludeCredentials: excludeCredentials.map((c) => ({ ...c, id: fromBase64Url(c.id) })) }
      : {}),
  };
}

/** The part of a `PublicKeyCredential` from `create()` that the JSON needs (structural, DOM-free). */
export interface CreatedCredential {
  id: string;
  rawId: ArrayBuffer;
  type: string;
  authenticatorAttachment?: string | null;
  response: {
    clientDataJSON: ArrayBuffer;
    attestationObject: ArrayBuffer;
    getTransports?: () => string[];
    getAuthenticatorData?: () => ArrayBuffer;
    getPublicKey?: () => ArrayBuffer | null;
    getPublicKeyAlgorithm?: () => number;
  };
  getClientExtensionResults?: () => Record<string, unknown>;
}

/** A created credential as `RegistrationResponseJSON`, for engines without `toJSON()`. */
export function registrationToJSON(credential: CreatedCredential): RegistrationResponseJSON {
  const { response } = credential;
  const publicKey = response.getPublicKey?.();
  const attachment = credential.authenticatorAttachment;
  return {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: toBase64Url(response.clientDataJSON),
      attestationObject: toBase64Url(response.attestationObject),
      ...(response.getTransports ? { transports: response.getTransports() } : {}),
      ...(response.getAuthenticatorData ? { authenticatorData: toBase64Url(response.getAuthenticatorData()) } : {}),
      ...(publicKey ? { publicKey: toBase64Url(publicKey) } : {}),
      ...(response.getPublicKeyAlgorithm ? { publicKeyAlgorithm: response.getPublicKeyAlgorithm() } : {}),
    },
    ...(attachment === 'platform' || attachment === 'cross-platform' ? { authenticatorAttachment: attachment } : {}),
    clientExtensionResults: credential.getClientExtensionResults?.() ?? {},
  };
}

/**
 * Why a ceremony failed. `cancelled`: the page's own Cancel aborted it; `timeout`: the page's
 * clock ran out (browsers report a lapsed `timeout` as `NotAllowedError`, so only the caller's
 * clock tells it from a refusal); `already_registered`: `InvalidStateError`, an excluded
 * credential is on this authenticator; `not_allowed`: the user dismissed or refused the browser's
 * prompt (`NotAllowedError`).
 */
export type CeremonyFailure = 'cancelled' | 'timeout' | 'already_registered' | 'not_allowed' | 'security' | 'unsupported' | 'unknown';

export function ceremonyFailure(error: unknown, state: { cancelled?: boolean; timedOut?: boolean } = {}): CeremonyFailure {
  if (state.timedOut) return 'timeout';
  if (state.cancelled) return 'cancelled';
  switch ((error as { name?: unknown } | null)?.name) {
    case 'InvalidStateError':
      return 'already_registered';
    case 'NotAllowedError':
      return 'not_allowed';
    case 'AbortError':
      return 'cancelled';
    case 'TimeoutError':
      return 'timeout';
    case 'SecurityError':
      return 'security';
    case 'NotSupportedError':
      return 'unsupported';
    default:
      return 'unknown';
  }
}
