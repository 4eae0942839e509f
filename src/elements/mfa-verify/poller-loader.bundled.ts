// A single-file bundle without a poller part file: the poll inline.
import { PollController } from '../shared/poll.js';

export const loadPoller = (): Promise<typeof PollController> => Promise.resolve(PollController);
