// Compiled (never run) by `npm run check:typings`: Vue's GlobalComponents learn the tags.
import type {} from 'mfa-elements/vue.js';
import type { GlobalComponents } from 'vue';

type Verify = GlobalComponents['mfa-verify'];
export const verify: Verify | undefined = undefined;
// @ts-expect-error not one of the elements
export const unknown: GlobalComponents['mfa-unknown'] | undefined = undefined;
