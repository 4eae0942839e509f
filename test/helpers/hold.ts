/**
 * Browser tests only: makes the dev server hold one on-demand module's response
 * (scripts/wtr/refuse-on-cookie.js reads the cookie) until `release()`, so a test can act while a
 * part is still loading. The id is fresh per hold: the browsers of a run share the server.
 */
export function hold(module: string): { held(): Promise<number>; release(): Promise<void> } {
  const id = Math.random().toString(36).slice(2);
  const cookie = `mfa-test-hold=${module}@${id}; path=/`;
  document.cookie = cookie;
  return {
    /** How many requests for the module the server holds now. */
    held: async () => ((await (await fetch(`/__wtr/hold/${id}`, { cache: 'no-store' })).json()) as { held: number }).held,
    release: async () => {
      document.cookie = `${cookie}; max-age=0`;
      await fetch(`/__wtr/hold/${id}/release`, { method: 'POST' });
    },
  };
}
