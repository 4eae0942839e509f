import { onDemand } from '../../i18n/on-demand.js';

/**
 * `<mfa-recovery-codes>` on demand: only a verification with a recovery code needs it (to show the
 * replacement code), and only a first enrollment (to show the codes it came with). Fetched when
 * that becomes likely (the recovery step opens, an enrollment answer carries codes) and awaited
 * before the codes are shown; never rejects, so a failed fetch cannot turn what the server
 * accepted into an error (the codes then show once the element is defined, or as text in the
 * verify step). The single-file bundles swap in `recovery-codes-loader.bundled.ts`, which has it
 * inline.
 */
const load = onDemand(() => import('../../define/mfa-recovery-codes.js'));

export function loadRecoveryCodes(): Promise<unknown> {
  return load().catch(() => undefined);
}
