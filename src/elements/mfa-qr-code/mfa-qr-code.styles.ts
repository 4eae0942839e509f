import { css } from 'lit';

// The frame is always dark on light, whatever the theme: inverted or tinted codes fail in some apps.
export const qrStyles = css`
  :host {
    display: inline-block;
    --_qr-size: var(--mfa-qr-size, 13rem);
  }

  .frame {
    width: var(--_qr-size);
    max-width: 100%;
    aspect-ratio: 1;
    background: #ffffff;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    forced-color-adjust: none;
  }

  svg {
    display: block;
    width: 100%;
    height: 100%;
  }

  .placeholder {
    display: flex;
    align-items: center;
    justify-content: center;
    height: 100%;
    padding: var(--_space);
    color: #374151;
    font-size: 0.875em;
    text-align: center;
  }

  [part~='error'] {
    max-width: var(--_qr-size);
    margin: 0;
  }

  @media print {
    .frame {
      border-color: #000000;
    }
  }
`;
