/** What the pages learn from `/demo-config.json` (served by demo/vite.config.ts; no inline script, for the CSP). */
export interface DemoConfig {
  /** The emulator's origin (direct mode's `domain`, and where the demo phone reads messages). */
  emulatorUrl: string;
  /** The public SPA client for direct mode. */
  clientId: string;
  /** Where `createMfaProxy` is mounted on this origin (proxy mode's `proxy-url`). */
  proxyUrl: string;
  loginUrl: string;
  logoutUrl: string;
}

export async function loadConfig(): Promise<DemoConfig> {
  const response = await fetch('/demo-config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/demo-config.json: HTTP ${response.status}`);
  return (await response.json()) as DemoConfig;
}
