import { css } from 'lit';

export const passkeyEnrollStyles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    display: grid;
    gap: var(--mfa-passkey-enroll-gap, 0.75rem);
  }
  [part~='actions'] {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  label {
    display: grid;
    gap: 0.25rem;
  }
`;
