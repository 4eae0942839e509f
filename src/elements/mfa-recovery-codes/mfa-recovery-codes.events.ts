/**
 * The user ticked "I have saved them" and pressed Continue. Bubbles but is not composed: it is for
 * the element that shows the codes (which then tells the page with its own event).
 */
export class MfaRecoveryCodesSavedEvent extends Event {
  constructor() {
    super('mfa-recovery-codes-saved', { bubbles: true, composed: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mfa-recovery-codes-saved': MfaRecoveryCodesSavedEvent;
  }
}
