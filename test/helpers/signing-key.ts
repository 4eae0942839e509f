import { createSigningKey } from '../../src/emulator/index.js';

/**
 * One token-signing key for every emulator a test file starts: a 2048-bit RSA key costs 0.1–0.3 s
 * to make, which was most of a server test file's time (and of every mutant's run of it).
 */
export const TEST_SIGNING_KEY = createSigningKey();
