/**
 * Which Auth0 tenant the app talks to. With a real tenant, set AUTH0_DOMAIN and leave
 * EMULATOR_URL unset: nothing here changes how the SDKs work.
 *
 * With the project's local emulator (EMULATOR_URL, set by `npm run example:nextjs`), the SDKs still
 * see `https://tenant.emulator.test/` (nextjs-auth0 builds `https://{domain}` and refuses a port):
 * the emulator is given that issuer, and `tenantFetch` carries the server's requests for it to the
 * emulator's local port (docs/emulator.md, "Pointing Auth0's SDKs at it"). The browser is sent to
 * the emulator's real URL by `browserUrl` (proxy.ts rewrites nextjs-auth0's redirects with it).
 */
export const DOMAIN = process.env.AUTH0_DOMAIN ?? 'tenant.emulator.test';
const EMULATOR_URL = process.env.EMULATOR_URL?.replace(/\/+$/, '');
const TENANT_ORIGIN = `https://${DOMAIN}`;

export const tenantFetch: typeof fetch | undefined = EMULATOR_URL
  ? async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      // Anything else would be the server reaching for the network: fail loudly instead.
      if (url.origin !== TENANT_ORIGIN) throw new Error(`unexpected upstream origin: ${url.origin}`);
      // The SDK follows no redirects itself; the emulator's only ones are its login page's.
      return fetch(new Request(`${EMULATOR_URL}${url.pathname}${url.search}`, request), { redirect: 'manual' });
    }
  : undefined;

/** A URL on the tenant, as the browser can reach it. */
export function browserUrl(location: string): string {
  if (!EMULATOR_URL || !location.startsWith(`${TENANT_ORIGIN}/`)) return location;
  return `${EMULATOR_URL}${location.slice(TENANT_ORIGIN.length)}`;
}
