// Server command `webauthn` for the passkey tests: Chromium's virtual authenticator through the
// DevTools protocol's `WebAuthn` domain, on the test page's own CDP session. A real CTAP2 model:
// it makes key pairs, signs attestations and keeps resident credentials, so the server side
// verifies what it made as it would a security key's.
//   { action: 'add', options? }      → authenticatorId (CTAP2, internal, resident keys, UV, presence simulated)
//   { action: 'userVerified', authenticatorId, value }   next ceremonies pass or fail user verification
//   { action: 'presence', authenticatorId, value }       automatic presence simulation on/off (off: prompt waits)
//   { action: 'credentials', authenticatorId }           → the credentials it holds
//   { action: 'remove', authenticatorId }
// Only puppeteer-driven Chromium has the domain: other engines answer `{ unsupported: true }`, so a
// test can say which branch it ran.

const sessions = new WeakMap();

async function cdp(page) {
  let session = sessions.get(page);
  if (!session) {
    session = await page.createCDPSession();
    await session.send('WebAuthn.enable', { enableUI: false });
    sessions.set(page, session);
  }
  return session;
}

export function webauthnPlugin() {
  return {
    name: 'mfa-webauthn',
    async executeCommand({ command, payload = {}, session }) {
      if (command !== 'webauthn') return undefined;
      const { browser } = session;
      const page = browser.type === 'puppeteer' ? browser.getPage(session.id) : undefined;
      if (!page || !(await isChromium(page))) {
        return { unsupported: true };
      }
      const client = await cdp(page);
      const { action, authenticatorId } = payload;
      switch (action) {
        case 'add': {
          const result = await client.send('WebAuthn.addVirtualAuthenticator', {
            options: {
              protocol: 'ctap2',
              ctap2Version: 'ctap2_1',
              transport: 'internal',
              hasResidentKey: true,
              hasUserVerification: true,
              isUserVerified: true,
              automaticPresenceSimulation: true,
              ...payload.options,
            },
          });
          return result.authenticatorId;
        }
        case 'userVerified':
          await client.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: Boolean(payload.value) });
          return true;
        case 'presence':
          await client.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled: Boolean(payload.value) });
          return true;
        case 'credentials':
          return (await client.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
        case 'remove':
          await client.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
          return true;
        default:
          throw new Error(`webauthn: unknown action ${action}`);
      }
    },
  };
}

async function isChromium(page) {
  const version = await page.browser().version();
  return /chrom/i.test(version) && !/firefox/i.test(version);
}
