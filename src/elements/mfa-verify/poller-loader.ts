import type { PollController } from '../shared/poll.js';
import { onDemand } from '../../i18n/on-demand.js';

/**
 * The push poll (its controller and core's protocol) on demand: a page that verifies with codes
 * never runs it. Fetched by the sending part (./sending.ts) as the push step opens (the first poll
 * waits an interval anyway, so the wait for the phone hides it); a failed fetch rejects like a
 * failed poll and is fetched again on the next try. The single-file bundle swaps in `poller-loader.bundled.ts`, which has it inline.
 */
const load = onDemand(() => import('../shared/poll.js'));

export const loadPoller = (): Promise<typeof PollController> => load().then((m) => m.PollController);
