// A single-file bundle without a sending part file: the part inline (by name, not a namespace
// import, whose export helper esbuild would put in a chunk shared with the translation tables).
import { codeExpired, expiredText, renderPush, renderResend, resendTick, sent, sentText } from './sending.js';

export const loadSending = (): Promise<typeof import('./sending.js')> => Promise.resolve({ codeExpired, expiredText, renderPush, renderResend, resendTick, sent, sentText });
