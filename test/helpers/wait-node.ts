/** Node tests: waits for a named condition, checking every `intervalMs`, failing after `limitMs`. */
export async function waitFor(condition: () => unknown | Promise<unknown>, message: string, limitMs = 10_000, intervalMs = 25): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${limitMs} ms: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
