'use client';
import { useEffect, useState } from 'react';
// The tags' JSX types, opted into once per app.
import type {} from 'mfa-elements/react.js';

/**
 * The elements talk to the app's own proxy (app/api/auth/mfa): the session cookie and the proxy's
 * CSRF header go with every call, no token reaches the page. Custom elements exist only in the
 * browser, so they are defined after hydration; until then the tags are inert and render nothing.
 */
export function MfaPanel() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // The provider first, as a static import order would: its children find it when they connect.
    void import('mfa-elements/mfa-provider.js')
      .then(() => Promise.all([import('mfa-elements/mfa-enrollment.js'), import('mfa-elements/mfa-verify.js')]))
      .then(() => setReady(true));
  }, []);
  return (
    <mfa-provider proxy-url="/api/auth/mfa" data-ready={ready ? '' : undefined}>
      <section>
        <h2>Verify</h2>
        <mfa-verify></mfa-verify>
      </section>
      <section>
        <h2>Your sign-in methods</h2>
        <mfa-enrollment factors="otp sms email"></mfa-enrollment>
      </section>
    </mfa-provider>
  );
}
