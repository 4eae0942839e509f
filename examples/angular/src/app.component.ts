import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, input, signal } from '@angular/core';
import type { MfaSource } from 'mfa-elements/core.js';
import { describeEvent, type ExampleOptions, type LogEntry } from '../../shared/options';

@Component({
  selector: 'app-root',
  // The mfa-* tags are custom elements: Angular sets [properties] on them and listens to (events).
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="example" data-framework="angular">
      <h1>mfa-elements in Angular</h1>
      <!-- [prop] always sets a property, [attr.x] an attribute; (event-name) listens. -->
      <mfa-provider [source]="source()" [attr.proxy-url]="proxyUrl()" (mfa-error)="record($event)">
        <section>
          <h2>Verify</h2>
          <mfa-verify [strings]="strings()?.verify" (mfa-verified)="record($event)"></mfa-verify>
        </section>
        <section>
          <h2>Your sign-in methods</h2>
          <mfa-enrollment
            factors="otp sms email"
            [strings]="strings()?.enrollment"
            (mfa-enroll)="record($event)"
            (mfa-remove)="record($event)"
          ></mfa-enrollment>
        </section>
        <section>
          <h2>Add an authenticator app</h2>
          <mfa-otp-enroll [strings]="strings()?.otpEnroll" (mfa-enroll)="record($event)"></mfa-otp-enroll>
        </section>
      </mfa-provider>
      <section class="log" aria-labelledby="log-title">
        <h2 id="log-title">Events</h2>
        @if (log().length === 0) {
          <p class="log-empty">No events yet.</p>
        } @else {
          <ol class="event-log">
            @for (entry of log(); track entry.id) {
              <li [attr.data-event]="entry.type"><code>{{ entry.type }}</code> {{ entry.text }}</li>
            }
          </ol>
        }
      </section>
    </main>
  `,
})
export class AppComponent {
  readonly source = input<MfaSource>();
  readonly proxyUrl = input<string>();
  readonly strings = input<ExampleOptions['strings']>();
  readonly log = signal<LogEntry[]>([]);
  #next = 0;

  record(event: Event): void {
    const entry: LogEntry = { id: this.#next++, type: event.type, text: describeEvent(event) };
    this.log.update((entries) => [...entries, entry]);
  }
}
