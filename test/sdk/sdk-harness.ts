import { createEmulator, type EmulatorOptions } from '../../src/emulator/index.js';
import type { TestContext } from 'node:test';

/**
 * The emulator as Auth0's SDKs see a tenant: they hard-code `https://{domain}`, so the emulator is
 * given that issuer and each SDK's own `customFetch`/`fetch` option carries its requests to the
 * local HTTP port (see docs/emulator.md, "Pointing Auth0's SDKs at it").
 */
export const DOMAIN = 'tenant.emulator.test';

export interface SdkTenant {
  /** The emulator's real HTTP origin, for the control routes. */
  url: string;
  customFetch: typeof fetch;
  control<T = any>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function sdkTenant(t: TestContext, options: EmulatorOptions = {}): Promise<SdkTenant> {
  const emulator = createEmulator({ issuer: `https://${DOMAIN}/`, ...options });
  const server = await emulator.listen();
  t.after(() => server.close());
  const customFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    // Anything else would be an SDK reaching for the network: fail loudly instead.
    if (url.origin !== `https://${DOMAIN}`) throw new Error(`SDK fetched an unexpected origin: ${url.origin}`);
    return fetch(new Request(`${server.url}${url.pathname}${url.search}`, request));
  };
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return { url: server.url, customFetch, control };
}
