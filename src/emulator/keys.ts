import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';

/**
 * The tenant's token-signing key: RS256, as Auth0 signs by default. Made once per emulator (it
 * survives `reset()`, as clients cache the JWKS) and never written anywhere.
 */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public half as a JWK, as `/.well-known/jwks.json` lists it. */
  publicJwk: Record<string, unknown>;
}

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(12).toString('base64url');
  const jwk = publicKey.export({ format: 'jwk' });
  return { kid, privateKey, publicJwk: { ...jwk, kid, use: 'sig', alg: 'RS256' } };
}

export function signJwt(key: SigningKey, payload: JWTPayload, type = 'JWT'): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: type }).sign(key.privateKey);
}
