import { ContextConsumer } from '@lit/context';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { MfaError, toMfaError } from '../../core/errors.js';
import type { SharedSource } from '../../core/shared-source.js';
import type { MfaSource } from '../../core/types.js';
import { ensureContextRoot, mfaSourceContext } from './context.js';
import { MfaErrorEvent, type MfaAction } from './events.js';
import {
  format,
  loadLocale,
  lookup,
  onTranslationsChanged,
  resolveLang,
  type Locales,
  type StringTable,
  type Vars,
} from '../../i18n/localize.js';
import '../../locales/loaders.js';
import { commonStrings, type CommonStrings } from '../../locales/en/common.js';
import { errorKey } from './strings.js';

/** Elements re-render when the document's language changes (the nearest `lang` decides). */
const connected = new Set<MfaElement>();
let langObserver: MutationObserver | undefined;
let stopTranslations: (() => void) | undefined;
function watchLang(element: MfaElement, on: boolean): void {
  if (on) connected.add(element);
  else connected.delete(element);
  const refresh = () => connected.forEach((el) => el.requestUpdate());
  if (on && !langObserver) {
    langObserver = new MutationObserver(refresh);
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    stopTranslations = onTranslationsChanged(refresh);
  } else if (connected.size === 0 && langObserver) {
    langObserver.disconnect();
    langObserver = undefined;
    stopTranslations?.();
  }
}

/**
 * What every mfa-* element shares: its data source (an explicit `source` property, else the
 * nearest `<mfa-provider>`'s), localized text, a polite live region, `mfa-error` reporting, an
 * abort signal that fires on disconnect, and tolerant registration.
 */
export class MfaElement<S extends StringTable = StringTable> extends LitElement {
  static override properties = {
    source: { attribute: false },
    strings: { attribute: false },
    _contextSource: { state: true },
    _announcement: { state: true },
  };

  /** The element's own text; subclasses set it. Keys missing here come from the common table. */
  static locales?: Locales<StringTable>;
  /** Where the element's translations are registered (src/locales/*.ts); subclasses set it. */
  static i18n?: string;

  /** A data source for this element alone; takes precedence over the provider's. */
  declare source?: MfaSource;
  /** Partial text overrides, by key. Values are text (never HTML) with `{name}` placeholders. */
  declare strings?: Partial<Record<keyof S | keyof CommonStrings, string>>;
  /** @internal */
  declare _contextSource?: MfaSource;
  /** @internal */
  declare _announcement: string;

  #lastSource?: MfaSource;
  #unsubscribe?: () => void;
  #connection?: AbortController;

  /**
   * Registers the element under `tag` unless that name is taken, so that loading the library
   * twice (micro-frontends, a CDN copy beside an npm one) does not throw.
   */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tag);
    if (!existing) registry.define(tag, this as unknown as CustomElementConstructor);
    else if (existing !== (this as unknown)) console.warn(`mfa-elements: <${tag}> is already defined; keeping the first definition.`);
  }

  constructor() {
    super();
    this._announcement = '';
    new ContextConsumer(this, {
      context: mfaSourceContext,
      subscribe: true,
      callback: (value) => {
        this._contextSource = value;
      },
    });
  }

  /** The source in use: the `source` property, else the provider's. */
  get activeSource(): MfaSource | undefined {
    return this.source ?? this._contextSource;
  }

  /** Aborted when the element leaves the document: pass it to every request. */
  protected get signal(): AbortSignal {
    this.#connection ??= new AbortController();
    return this.#connection.signal;
  }

  override connectedCallback(): void {
    // Before super: the context request goes out there, and a late provider must be able to answer it.
    ensureContextRoot();
    super.connectedCallback();
    watchLang(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchLang(this, false);
    this.#connection?.abort();
    this.#connection = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    // A re-inserted element starts over with whatever source it then finds.
    this.#lastSource = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const source = this.activeSource;
    if (source !== this.#lastSource && this.isConnected) {
      this.#unsubscribe?.();
      // Duck-typed rather than `instanceof SharedSource`, so an element loaded alone does not carry
      // the provider's class: only the provider's source has `subscribe`.
      this.#unsubscribe = (source as Partial<SharedSource> | undefined)?.subscribe?.(() => this.sourceUpdated());
      this.#lastSource = source;
      this.sourceChanged(source);
    }
  }

  /** A different source (or the first one, or none) is now active. */
  protected sourceChanged(_source: MfaSource | undefined): void {}

  /** Another element changed the shared state (enrolled, removed, verified): refresh views. */
  protected sourceUpdated(): void {}

  /** The language of the render under way: looked up once per update, not once per sentence (issue 15). */
  #renderLang?: string;

  protected override update(changed: PropertyValues): void {
    this.#renderLang = resolveLang(this);
    try {
      super.update(changed);
    } finally {
      this.#renderLang = undefined;
    }
  }

  /** Localized text for `key`: the `strings` override, else the page's language, else English. */
  protected t(key: (keyof S | keyof CommonStrings) & string, vars?: Vars): string {
    const lang = this.#renderLang ?? resolveLang(this);
    const override = this.strings?.[key];
    if (override !== undefined) return format(override, vars, lang);
    if (!/^en\b/i.test(lang)) void loadLocale(lang);
    const { locales, i18n } = this.constructor as typeof MfaElement;
    const [namespace, en] = locales && key in locales.en ? [i18n!, locales.en] : ['common', commonStrings.en as StringTable];
    return format(lookup(lang, namespace, key) ?? en[key], vars, lang);
  }

  /** Whole sentences shown or said together, joined as the language joins sentences. */
  protected sentences(...parts: (string | false | undefined)[]): string {
    const [head = '', ...rest] = parts.filter(Boolean) as string[];
    return rest.reduce((first, second) => this.t('sentences', { first, second }), head);
  }

  /** "Service – account", either alone when the other is missing. */
  protected issuerAccount(issuer?: string, account?: string): string {
    return issuer && account ? this.t('issuerAccount', { issuer, account }) : issuer || account || '';
  }

  /** The localized sentence for an error (the server's own text is never the headline). */
  protected errorText(error: MfaError): string {
    return this.t(errorKey(error));
  }

  /**
   * Says `message` through the polite live region, even when it repeats the last one. Pass a
   * function (of values fixed at the time) to have the sentence said again in the page's language
   * when that language's table arrives after the announcement, or when `lang` changes.
   */
  protected announce(message: string | (() => string)): void {
    const say = typeof message === 'string' ? () => message : message;
    // The same sentence twice in a row differs by a no-break space, so that it is said again.
    this.#repeat = say() === this.#say().trimEnd() && !this.#repeat;
    this.#say = say;
    this._announcement = this.#spoken();
  }

  #say: () => string = () => '';
  #repeat = false;
  #spoken(): string {
    const message = this.#say();
    return this.#repeat ? `${message}\u00a0` : message;
  }

  /** The live region every element renders once, so that it exists before anything is said. */
  protected renderLiveRegion(): TemplateResult {
    // Evaluated on every render: a table that arrives later changes the text, which is then said.
    return html`<div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.#spoken()}</div>`;
  }

  protected renderNoSource(): TemplateResult {
    return html`<p part="error no-source">${this.t('noSource')}</p>`;
  }

  /**
   * Turns anything thrown by `action` into an `MfaError`, announces it and tells the page with
   * `mfa-error` (aborts stay silent: they are ours). Returns the error for the element's state.
   */
  protected reportError(error: unknown, action: MfaAction): MfaError {
    const mfaError = toMfaError(error);
    if (mfaError.code !== 'aborted') {
      this.announce(() => this.errorText(mfaError));
      this.dispatchEvent(new MfaErrorEvent({ error: mfaError, action }));
    }
    return mfaError;
  }

  /** Moves focus to the first match in the shadow root once the current render is done. */
  protected async focusPart(selector: string): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }
}

export { MfaError };
