/** console.error, recorded instead of printed while `run` runs (a test that expects one). */
export async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return seen;
}
