import { direct } from './direct.js';
import { myAccount } from './my-account.js';
import { proxy } from './proxy.js';
import type { SourceKind } from './kinds.js';

/**
 * The kinds of source `<mfa-provider>` can build, in order of precedence, by mode name. A new mode
 * is one file here and one entry below. The script-tag files built for one mode
 * (`dist/cdn/*.proxy.js`, `*.direct.js`) replace this module with one that lists only that mode,
 * so a page carries only the source it uses (scripts/build-bundle.mjs).
 */
export const SOURCE_KINDS: Record<string, SourceKind> = { myAccount, proxy, direct };
