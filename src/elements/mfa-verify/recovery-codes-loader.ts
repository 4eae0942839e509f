/**
 * `<mfa-recovery-codes>` on demand: only a verification with a recovery code needs it, to show the
 * replacement code. Fetched when the recovery step opens; never rejects, so a failed fetch cannot
 * turn a verification the server accepted into an error (the step then shows the code as text).
 * The single-file bundle swaps in `recovery-codes-loader.bundled.ts`, which has it inline.
 */
let loading: Promise<unknown> | undefined;

export function loadRecoveryCodes(): Promise<unknown> {
  return (loading ??= import('../../define/mfa-recovery-codes.js').catch(() => {
    loading = undefined;
  }));
}
