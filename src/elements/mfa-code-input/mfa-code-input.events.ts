export interface MfaCodeCompleteDetail {
  /** The complete code: digits only, exactly `length` of them. */
  value: string;
  /** `input`: the last digit was typed or pasted; `enter`: Enter was pressed on a complete code. */
  trigger: 'input' | 'enter';
}

/**
 * A code field holds all of its digits, so the element around it can submit. Bubbles but is not
 * composed: it is meant for the element (or page) that renders the code input, not for the page
 * above that element's shadow root.
 */
export class MfaCodeCompleteEvent extends CustomEvent<MfaCodeCompleteDetail> {
  constructor(detail: MfaCodeCompleteDetail) {
    super('mfa-code-complete', { bubbles: true, composed: false, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mfa-code-complete': MfaCodeCompleteEvent;
  }
}
