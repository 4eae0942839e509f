import { auth0 } from '../lib/auth0';
import { MfaPanel } from './mfa-panel';

export default async function Home() {
  const session = await auth0.getSession();
  if (!session) {
    return (
      <main className="example" data-framework="nextjs">
        <h1>mfa-elements in Next.js</h1>
        {/* A plain link: nextjs-auth0's routes are not pages, the client router must not prefetch them. */}
        <p>
          <a href="/auth/login">Sign in</a>
        </p>
      </main>
    );
  }
  return (
    <main className="example" data-framework="nextjs">
      <h1>mfa-elements in Next.js</h1>
      <p>
        Signed in as <span data-user>{session.user.email}</span> · <a href="/auth/logout">Sign out</a>
      </p>
      <MfaPanel />
    </main>
  );
}
