// The script-tag files in dist/cdn/ (DESIGN §5): which elements each page use registers. Shared by
// the build (scripts/build-bundle.mjs), the size check and the benchmark.
//
// The page files only register elements (a script tag has no use for exports). The all-in-one file
// exports what the package's index does minus `src/core` (the elements, events, context,
// registerTranslation): exporting core's API would keep all of it alive (0.65 KB); code that needs
// core imports the npm package.
import { OPTIONAL_CALLS } from './page-calls.mjs';

export const PAGES = {
  // Verifying a sign-in: <mfa-provider> + <mfa-verify> (and what it renders).
  'mfa-verify': `import './src/define/mfa-provider.ts'; import './src/define/mfa-verify.ts';`,
  // Managing factors: <mfa-provider> + <mfa-enrollment> and every step it opens.
  'mfa-enrollment': `import './src/define/mfa-provider.ts'; import './src/define/mfa-enrollment.ts';`,
  // Setting up an authenticator app: <mfa-provider> + <mfa-otp-enroll>.
  'mfa-otp-enroll': `import './src/define/mfa-provider.ts'; import './src/define/mfa-otp-enroll.ts';`,
  // Everything (every mode too). Defined up front: what a page renders first (the provider,
  // enrollment, verify) and the small parts those render at once. <mfa-otp-enroll> and
  // <mfa-recovery-codes> come from parts/ (LAZY_ELEMENTS): when an element opens them, or when one
  // is in the document or enters it (a page using one on its own; 5.4 KB the other pages never run).
  'mfa-elements': [
    ...['provider', 'enrollment', 'verify', 'code-input', 'qr-code'].map((e) => `export * from './src/define/mfa-${e}.ts';`),
    `import { defineOnUse } from './src/elements/shared/define-on-use.ts';`,
    `import { loadOtpEnroll } from './src/elements/mfa-enrollment/otp-enroll-loader.ts';`,
    `import { loadRecoveryCodes } from './src/elements/shared/recovery-codes-loader.ts';`,
    `defineOnUse('mfa-otp-enroll', loadOtpEnroll); defineOnUse('mfa-recovery-codes', loadRecoveryCodes);`,
    // The part's event class, from the page so that `instanceof` holds for the part's events.
    `export { MfaRecoveryCodesSavedEvent } from './src/elements/mfa-recovery-codes/mfa-recovery-codes.events.ts';`,
    `export { MfaVerifiedEvent } from './src/elements/shared/events.ts';`,
    `export { MfaElement } from './src/elements/shared/mfa-element.ts';`,
    `export { registerTranslation, loadLocale } from './src/i18n/localize.ts';`,
  ].join(' '),
};

/**
 * The public elements `mfa-elements*.js` defines on first use instead of up front (see PAGES): their
 * classes are not exports of that file (`customElements.get(tag)` once `whenDefined` resolves).
 */
export const LAZY_ELEMENTS = ['mfa-otp-enroll', 'mfa-recovery-codes'];

/**
 * Of the data-source calls a page may go without (OPTIONAL_CALLS: enroll, remove, challenge,
 * listFactors, regenerateRecoveryCode, rename, setPreferredChannel), those the page's elements make: the page's
 * source classes leave out the others (scripts/page-calls.mjs; the build fails if an element of
 * the page makes one). A page not listed keeps every call.
 */
export const CALLS = {
  // <mfa-verify> lists, sends a challenge and verifies; it never enrolls, removes or renames, and
  // has no use for the Auth0 Lab routers' factor list (they cannot challenge or verify).
  'mfa-verify': ['challenge'],
  // <mfa-otp-enroll> enrolls, confirms and lists (on the Lab routers, through their factor list);
  // it never removes or sends a challenge.
  'mfa-otp-enroll': ['enroll', 'listFactors'],
};

/** The page a file is built for: `mfa-verify.proxy` → `mfa-verify`. */
export const pageName = (name) => name.split('.')[0];

/** The source calls left out of a page file (see CALLS). */
export function dropsOf(name) {
  const calls = CALLS[pageName(name)];
  return calls ? OPTIONAL_CALLS.filter((c) => !calls.includes(c)) : [];
}

/**
 * The factors a page's elements can show, where that is fewer than every factor: the page's
 * `FACTORS` table keeps only these (scripts/page-tables.mjs). A page not listed keeps them all.
 */
export const FACTORS_SHOWN = {
  // <mfa-verify> verifies with codes, push and recovery codes (its METHODS and recovery step).
  'mfa-verify': ['otp', 'sms', 'voice', 'email', 'push', 'recovery-code'],
};

/** The factor names a page file keeps, or undefined for all (see FACTORS_SHOWN). */
export const factorsOf = (name) => FACTORS_SHOWN[pageName(name)];

/**
 * Common English text (src/locales/en/common.ts) that no element of a page, nor a part it
 * fetches, shows: left out of that page file (scripts/page-tables.mjs; the build fails if a module
 * of the page names one). The other languages' tables are fetched files and keep everything.
 */
export const TEXT_UNUSED = {
  // Words no element says any more, the heading-and-text sentence of <mfa-otp-enroll>, and errors
  // only enrolling raises (`already_enrolled` from Auth0's associate, the popup and ticket URL
  // checks): <mfa-verify> lists, challenges and verifies.
  'mfa-verify': ['back', 'close', 'copy', 'copied', 'headingAndText', 'error.already_enrolled', 'error.popup_blocked', 'error.invalid_uri'],
};

/** The common text keys a page file leaves out (see TEXT_UNUSED). */
export const textUnusedOf = (name) => TEXT_UNUSED[pageName(name)] ?? [];

/**
 * The provider modes a page file is built for: each page file exists once per mode
 * (`mfa-verify.direct.js`, `mfa-verify.proxy.js`) and carries only that source (issue 15: 0.9 to
 * 1.2 KB). A new mode of the provider is a new entry here and a file in
 * src/elements/mfa-provider/sources/.
 */
export const MODES = ['direct', 'proxy'];

/**
 * The pages that also come in a My Account file (`api="my-account"`, `<page>.my-account.js`, with
 * `MyAccountSource` alone, through `domain` or `proxy-url`): those that list, add, rename and remove
 * methods. The verify page has no use for it (login-time challenges stay with the MFA API), and the
 * other files carry none of it: built in, it would add 2.3–2.5 KB to each.
 */
export const MY_ACCOUNT_PAGES = ['mfa-enrollment', 'mfa-elements'];

/**
 * Every file to build: `{ name, contents, mode }` (no mode: every source). `mfa-elements.js`, with
 * every mode, stays for pages that switch modes (and for the links already out there).
 */
export function cdnFiles() {
  return [
    ...Object.entries(PAGES).flatMap(([page, contents]) => MODES.map((mode) => ({ name: `${page}.${mode}`, contents, mode }))),
    ...MY_ACCOUNT_PAGES.map((page) => ({ name: `${page}.my-account`, contents: PAGES[page], mode: 'myAccount' })),
    // The MFA-API modes only: a page that switches to My Account loads a .my-account.js file instead.
    { name: 'mfa-elements', contents: PAGES['mfa-elements'], mode: 'proxy,direct' },
  ];
}

/**
 * Issue 15's budgets (gzip -9, initial load, one file), per page whatever the mode: the targets.
 * `mfa-elements.js` with both sources has a ceiling at its measured size plus a margin instead.
 */
export const BUDGETS = {
  'mfa-verify': 23_552,
  'mfa-enrollment': 33_792,
  'mfa-otp-enroll': 26_624,
  'mfa-elements': 37_888,
  'mfa-elements (every mode)': 38_912,
};

/**
 * What CI enforces: a page that meets its target has the target as its ceiling; a page still over
 * it has a ratchet at its measured size plus a quarter to half a kilobyte, so that it can only
 * shrink back towards its target. Lowered with each step that shrinks a page (the push poll and
 * <mfa-otp-enroll> on demand, 2026-12-07; the source calls each page makes and <mfa-recovery-codes>
 * on demand on the enrollment page, 2026-12-07; <mfa-enrollment>'s phone/email and push flows as
 * parts of the enrollment and all-in-one pages, 2026-12-07; the verify page's source without the Lab
 * factor list, its factor table and common text without what it never shows, 2026-12-07; the all-in-one's push poll, recovery codes
 * and <mfa-otp-enroll> as parts, defined on first use, 2026-12-07; <mfa-verify>'s code sending as a part fetched
 * beside the challenge, 2026-12-08) and raised only with a named cause: the four
 * factors and passkey hooks of issue 17 (titles, descriptions and an icon in every page's English
 * text, the passkey rows' hooks) added 0.3–0.9 KB per page.
 */
export const CEILINGS = {
  'mfa-verify': BUDGETS['mfa-verify'], // 23,543 B (proxy), 23,439 B (direct) on 2026-12-08: target met
  'mfa-enrollment': BUDGETS['mfa-enrollment'], // 30,829 B (my-account), 30,741 B (proxy): target met
  'mfa-otp-enroll': BUDGETS['mfa-otp-enroll'], // 26,466 B (proxy): target met
  'mfa-elements': BUDGETS['mfa-elements'], // 36,303 B (my-account), 36,210 B (proxy): target met
  'mfa-elements (every mode)': BUDGETS['mfa-elements (every mode)'], // 37,204 B: target met
};

const pageOf = (name) => (name.includes('.') ? pageName(name) : `${name} (every mode)`);
export const ceilingOf = (name) => CEILINGS[pageOf(name)];
export const budgetOf = (name) => BUDGETS[pageOf(name)];
