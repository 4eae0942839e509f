/**
 * One JSON call to an emulator's control routes (`/__emulator/…`), shared by the browser-side
 * client (test/helpers/emulator.ts) and the Node fixtures (test/server/fixtures/emulator-admin.ts).
 * `fetch` only, no `window`: runs in browsers and in Node.
 */
export async function emulatorCall<T>(url: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(url + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator ${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
