// The single-file bundle has the poll anyway (<mfa-enrollment> uses it): a lazy import would only split it.
import { pollOob } from '../../core/poller.js';

export const loadPoller = (): Promise<typeof pollOob> => Promise.resolve(pollOob);
