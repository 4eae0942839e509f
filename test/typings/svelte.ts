// Compiled (never run) by `npm run check:typings`: Svelte's element typings learn the tags.
import type {} from 'mfa-elements/svelte.js';
import type { SvelteHTMLElements } from 'svelte/elements';
import type { MfaVerifiedEvent } from 'mfa-elements';

export const props: SvelteHTMLElements['mfa-verify'] = {
  method: 'push',
  'authenticator-id': 'push|dev_1',
  'onmfa-verified': (event: MfaVerifiedEvent) => void event.detail.result,
};
// @ts-expect-error `method` takes a factor name
export const bad: SvelteHTMLElements['mfa-verify'] = { method: 'fax' };
