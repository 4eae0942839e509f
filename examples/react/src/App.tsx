import { useCallback, useRef, useState } from 'react';
// The tags' JSX types (properties, attributes, on<event> handlers), opted into once per app.
import type {} from 'mfa-elements/react.js';
import { describeEvent, type ExampleOptions, type LogEntry } from '../../shared/options.js';

export function App({ source, proxyUrl, strings }: ExampleOptions) {
  const [log, setLog] = useState<LogEntry[]>([]);
  const next = useRef(0);
  const record = useCallback((event: Event) => {
    const entry = { id: next.current++, type: event.type, text: describeEvent(event) };
    setLog((entries) => [...entries, entry]);
  }, []);

  return (
    <main className="example" data-framework="react">
      <h1>mfa-elements in React 19</h1>
      {/* Properties where the element has them (source, strings), attributes otherwise;
          events with on<event-name>, exactly as the event is named. */}
      <mfa-provider source={source} proxy-url={proxyUrl} onmfa-error={record}>
        <section>
          <h2>Verify</h2>
          <mfa-verify strings={strings?.verify} onmfa-verified={record}></mfa-verify>
        </section>
        <section>
          <h2>Your sign-in methods</h2>
          <mfa-enrollment factors="otp sms email" strings={strings?.enrollment} onmfa-enroll={record} onmfa-remove={record}></mfa-enrollment>
        </section>
        <section>
          <h2>Add an authenticator app</h2>
          <mfa-otp-enroll strings={strings?.otpEnroll} onmfa-enroll={record}></mfa-otp-enroll>
        </section>
      </mfa-provider>
      <section className="log" aria-labelledby="log-title">
        <h2 id="log-title">Events</h2>
        {log.length === 0 ? (
          <p className="log-empty">No events yet.</p>
        ) : (
          <ol className="event-log">
            {log.map((entry) => (
              <li key={entry.id} data-event={entry.type}>
                <code>{entry.type}</code> {entry.text}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
