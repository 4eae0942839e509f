import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  creationOptionsFromJSON,
  fromBase64Url,
  registrationToJSON,
  toBase64Url,
  ceremonyFailure,
  type CreatedCredential,
  type PublicKeyCredentialCreationOptionsJSON,
} from '../../src/core/webauthn-json.js';

// The CDP plumbing on a page of its own: Chromium's virtual authenticator makes a real credential
// from options converted by src/core/webauthn-json.ts. Other engines have no such authenticator;
// the command says so and these tests check only that answer (their UI tests run elsewhere).
type Webauthn = { unsupported?: true } | string;
const webauthn = (payload: object) => executeServerCommand<unknown, object>('webauthn', payload);

const chromium = /Chrome\//.test(navigator.userAgent);

const options = (excludeId?: string): PublicKeyCredentialCreationOptionsJSON => ({
  rp: { id: location.hostname, name: 'mfa-elements test' },
  user: { id: toBase64Url(crypto.getRandomValues(new Uint8Array(16))), name: 'ada@example.com', displayName: 'Ada' },
  challenge: toBase64Url(crypto.getRandomValues(new Uint8Array(32))),
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  timeout: 20000,
  authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  attestation: 'none',
  ...(excludeId ? { excludeCredentials: [{ type: 'public-key', id: excludeId }] } : {}),
});

const create = async (json: PublicKeyCredentialCreationOptionsJSON) =>
  (await navigator.credentials.create({
    publicKey: creationOptionsFromJSON(json) as unknown as PublicKeyCredentialCreationOptions,
  })) as unknown as CreatedCredential;

describe('WebAuthn through the virtual authenticator (CDP)', () => {
  let id: Webauthn;
  const authenticator = () => id as string;
  before(async () => {
    id = (await webauthn({ action: 'add' })) as Webauthn;
  });
  after(async () => {
    if (typeof id === 'string') await webauthn({ action: 'remove', authenticatorId: id });
  });

  it('is there in Chromium only', () => {
    expect(typeof id === 'string', `authenticator ${JSON.stringify(id)}`).to.equal(chromium);
    if (!chromium) expect(id).to.deep.equal({ unsupported: true });
  });

  // Registered in Chromium only (Firefox and WebKit cannot drive a virtual authenticator here).
  if (!chromium) return;

  it('creates a resident credential whose JSON carries the challenge and origin', async () => {
    const json = options();
    const credential = await create(json);
    const out = registrationToJSON(credential);
    const client = JSON.parse(new TextDecoder().decode(fromBase64Url(out.response.clientDataJSON)));
    expect(client.type).to.equal('webauthn.create');
    expect(client.challenge).to.equal(json.challenge);
    expect(client.origin).to.equal(location.origin);
    expect(out.rawId).to.equal(out.id);
    expect(out.response.transports).to.include('internal');
    const held = (await webauthn({ action: 'credentials', authenticatorId: authenticator() })) as { credentialId: string; isResidentCredential: boolean }[];
    const mine = held.find((c) => c.credentialId.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_') === out.rawId);
    expect(mine?.isResidentCredential, 'the authenticator keeps it as a resident key').to.equal(true);
    // Where the engine has toJSON(), our encoding must agree with the browser's own.
    const native = (credential as unknown as { toJSON?: () => { id: string; response: { clientDataJSON: string; attestationObject: string } } }).toJSON?.();
    if (native) {
      expect(out.response.clientDataJSON).to.equal(native.response.clientDataJSON);
      expect(out.response.attestationObject).to.equal(native.response.attestationObject);
    }
    console.log(`[webauthn] toJSON ${native ? 'native (compared)' : 'absent (core encoder only)'}; parseCreationOptionsFromJSON ${'parseCreationOptionsFromJSON' in PublicKeyCredential ? 'present' : 'absent'}`);
  });

  it('answers InvalidStateError for an excluded credential already on the authenticator', async () => {
    const first = registrationToJSON(await create(options()));
    const error = await create(options(first.rawId)).then(() => null, (e: unknown) => e);
    expect(ceremonyFailure(error)).to.equal('already_registered');
  });

  it('answers NotAllowedError when the user fails verification, and works again after', async () => {
    await webauthn({ action: 'userVerified', authenticatorId: id, value: false });
    const error = await create(options()).then(() => null, (e: unknown) => e);
    expect(ceremonyFailure(error)).to.equal('not_allowed');
    await webauthn({ action: 'userVerified', authenticatorId: id, value: true });
    expect(registrationToJSON(await create(options())).type).to.equal('public-key');
  });
});
