import { onDemand } from '../../i18n/on-demand.js';

/** The phone flow's country chooser, fetched when a phone flow opens (see phone-chooser.ts). */
export const loadPhoneChooser = onDemand(() => import('./phone-chooser.js'));

export type PhoneChooser = Awaited<ReturnType<typeof loadPhoneChooser>>;
