/**
 * Browser tests only: makes the dev server refuse one on-demand module (scripts/wtr/refuse-on-cookie.js
 * reads the cookie) until `allow()`, so a test can show a failed fetch and then its retry.
 */
export function refusal(module: string): { refuse(): void; allow(): void } {
  const cookie = `mfa-test-refuse=${module}; path=/`;
  return {
    refuse: () => {
      document.cookie = cookie;
    },
    allow: () => {
      document.cookie = `${cookie}; max-age=0`;
    },
  };
}
