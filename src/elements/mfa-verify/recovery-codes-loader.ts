import { onDemand } from '../shared/on-demand.js';

/**
 * `<mfa-recovery-codes>` on demand: only a verification with a recovery code needs it, to show the
 * replacement code. Fetched when the recovery step opens; never rejects, so a failed fetch cannot
 * turn a verification the server accepted into an error (the step then shows the code as text).
 * The single-file bundle swaps in `recovery-codes-loader.bundled.ts`, which has it inline.
 */
const load = onDemand(() => import('../../define/mfa-recovery-codes.js'));

export function loadRecoveryCodes(): Promise<unknown> {
  return load().catch(() => undefined);
}
