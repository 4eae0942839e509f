// The script-tag builds, for <script type="module"> use without a bundler (DESIGN §5): one
// self-contained file per page use, and an all-in-one file. Each holds Lit, the provider and the
// elements the page renders, with English text. Beside them, files fetched only on demand: the QR
// code library (when a QR code is drawn), the phone chooser's country data (when a phone flow
// opens), the translation tables (when an element meets that language) and the parts a page opens
// on a rare path or a click (PARTS below). The on-demand files import nothing a page file has, so each page file needs no
// other file to start. Round trips cost more than the bytes they save (issue 15's measurements),
// so nothing else is split off.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { esbuildProductionSource, stripDevText } from './strip-dev-text.mjs';
import { minifyLiterals } from './minify-literals.mjs';
import { cdnFiles, dropsOf, factorsOf, LAZY_ELEMENTS, pageName, textUnusedOf } from './cdn-pages.mjs';
import { COMMON_TEXT_MODULE, COMMON_TEXT_NAME, dropKeys, FACTORS_MODULE, keepFactors } from './page-tables.mjs';
import { dropCalls, SOURCE_MODULES } from './page-calls.mjs';

const outdir = 'dist/cdn';
const QR_FILE = 'mfa-qrcode.js';
// The phone chooser's country data (calling codes, trunk prefixes), fetched when a phone flow opens.
const PHONE_FILE = 'mfa-phone-countries.js';
// `_`-named properties are the elements' internal state (Lit `state: true`): short names in the
// script files.
const mangleCache = {}; // one set of short names across the page files and their parts
const LIT_NAMES = litNames();

/**
 * Lit ships minified: its own members are one- and two-letter properties (`this.C`, `this.k`).
 * A page build sees them and hands out other names; a part build does not (it takes Lit from the
 * page), so it could give a part's `_state` one of them and overwrite Lit's member on the element
 * (`this.C is not a function` in <mfa-passkey-item>). A part build gets them as cache values that
 * no property is mangled to (the pages need no such entries: they avoid the names by themselves).
 */
function litNames() {
  const reserved = {};
  for (const dir of ['lit-html', 'lit-element', '@lit/reactive-element', '@lit/context']) {
    const root = join('node_modules', dir);
    for (const file of readdirSync(root, { recursive: true })) {
      if (!String(file).endsWith('.js') || String(file).includes('development')) continue;
      for (const [, name] of readFileSync(join(root, String(file)), 'utf8').matchAll(/\.([A-Za-z_$][\w$]?)\b/g)) reserved[`_lit_${name}`] = name;
    }
  }
  return reserved;
}
const common = { mangleProps: /^_[a-z]/, bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, charset: 'utf8', sourcemap: true, legalComments: 'linked', logLevel: 'warning' };

/** <mfa-recovery-codes> as a part; `shared`: what else the page has for it. */
function recoveryPart(shared = {}) {
  return {
    name: 'recovery-codes',
    entry: 'src/define/mfa-recovery-codes.ts',
    own: /\/src\/(elements\/mfa-recovery-codes\/|locales\/en\/mfa-recovery-codes\.ts|elements\/shared\/clipboard\.ts|define\/mfa-recovery-codes\.ts)/,
    request: /define\/mfa-recovery-codes\.js$/,
    shared: {
      lit: ['css', 'html', 'nothing'],
      'src/core/input.ts': ['groupCode'],
      'src/i18n/localize.ts': ['one', 'resolveLang'],
      'src/elements/shared/mfa-element.ts': ['MfaElement'],
      'src/elements/shared/styles.ts': ['baseStyles'],
      ...shared,
    },
  };
}

const POLLER_PART = {
  // The push poll (its controller and the protocol), fetched when the push step opens (0.9 KB
  // a code-only page never runs).
  name: 'poller',
  entry: 'src/elements/shared/poll.ts',
  own: /\/src\/(core\/poller\.ts|elements\/shared\/poll\.ts)$/,
  request: /shared\/poll\.js$/,
  shared: {
    'src/core/errors.ts': ['abortError', 'isTransient', 'MfaError', 'toMfaError', 'untilAborted'],
  },
};
/**
 * Parts a page opens only on a rare path or a click, as files beside the page
 * (`parts/<page>.<part>.js`): <mfa-recovery-codes> on the verify page shows the replacement code
 * after a verification with a recovery code (2.8 KB the page would otherwise carry), and on the
 * enrollment page the codes a first enrollment comes with (fetched when the enrollment answer
 * carries them, while the user confirms it: 2.1 KB);
 * the push poll runs only when a push is sent, and is fetched while the challenge is on its way;
 * <mfa-otp-enroll> on the enrollment page runs the authenticator-app flow. A part takes Lit and
 * the shared element base from the page file itself (the page exports exactly `shared`), so the
 * page keeps one Lit, one MfaElement and one translation registry; the part holds only its own
 * modules (checked).
 */
const SENDING_PART = {
  // What follows an SMS, voice, email or push challenge in <mfa-verify> (the code step's
  // set-up, resend and WebOTP, the push step, their text), fetched beside the challenge request;
  // it fetches the push poll (POLLER_PART) when the push step opens.
  name: 'sending',
  entry: 'src/elements/mfa-verify/sending.ts',
  own: /\/src\/(elements\/mfa-verify\/(sending|poller-loader)\.ts|locales\/en\/mfa-verify-sending\.ts)$/,
  request: /\/sending\.js$/,
  shared: {
    lit: ['html', 'nothing'],
    'src/core/errors.ts': ['pushOutcome', 'toMfaError'],
    'src/core/input.ts': ['digitsOnly'],
    'src/core/mask.ts': ['maskedName'],
    'src/locales/en/mfa-verify.ts': ['verifyLocales'],
    'src/elements/mfa-verify/templates.ts': ['row', 'waiting'],
    'src/i18n/on-demand.ts': ['onDemand'],
  },
};
const PARTS = {
  'mfa-verify': [recoveryPart(), POLLER_PART, SENDING_PART],
  'mfa-enrollment': [{
    name: 'otp-enroll',
    entry: 'src/define/mfa-otp-enroll.ts',
    own: /\/src\/(elements\/mfa-otp-enroll\/|locales\/en\/mfa-otp-enroll\.ts|define\/mfa-otp-enroll\.ts)/,
    request: /define\/mfa-otp-enroll\.js$/,
    shared: {
      lit: ['css', 'html', 'nothing'],
      'src/core/errors.ts': ['isRateLimited', 'MfaError'],
      'src/core/input.ts': ['normalizeOtp'],
      'src/core/otpauth.ts': ['formatSecret', 'isOtpauthUri', 'normalizeBase32', 'parseOtpauthUri'],
      'src/define/mfa-code-input.ts': [],
      'src/define/mfa-qr-code.ts': [],
      'src/elements/shared/clipboard.ts': ['copyText'],
      'src/elements/shared/recovery-codes-loader.ts': ['loadRecoveryCodes'],
      'src/elements/shared/countdown.ts': ['CountdownController'],
      'src/elements/shared/events.ts': ['MfaEnrollEvent'],
      'src/elements/shared/mfa-element.ts': ['MfaElement'],
      'src/elements/shared/styles.ts': ['baseStyles'],
    },
  }, recoveryPart({ 'src/elements/shared/clipboard.ts': ['copyText'] }), {
    // The phone and email flow, fetched when such a row's Enroll is pressed.
    name: 'contact-enroll',
    entry: 'src/define/mfa-contact-enroll.ts',
    own: /\/src\/(elements\/mfa-contact-enroll\/(?!phone-chooser)|locales\/en\/mfa-contact-enroll\.ts|define\/mfa-contact-enroll\.ts)/,
    request: /define\/mfa-contact-enroll\.js$/,
    shared: {
      lit: ['html', 'nothing'],
      'src/core/errors.ts': ['MfaError'],
      'src/core/input.ts': ['normalizeEmail', 'normalizeOtp', 'normalizePhone'],
      'src/core/mask.ts': ['maskEmail', 'maskPhone'],
      'src/define/mfa-code-input.ts': [],
      'src/elements/shared/flow-part.ts': ['FlowPart', 'isSessionError', 'renderError'],
      'src/locales/en/flow.ts': ['flowStrings'],
      'src/i18n/localize.ts': ['resolveLang'],
      'src/i18n/on-demand.ts': ['onDemand'],
      'src/elements/shared/recovery-codes-loader.ts': ['loadRecoveryCodes'],
    },
  }, {
    // The Guardian push flow with the push poll, fetched when the push row's Enroll is pressed.
    name: 'push-enroll',
    entry: 'src/define/mfa-push-enroll.ts',
    own: /\/src\/(elements\/mfa-push-enroll\/|locales\/en\/mfa-push-enroll\.ts|define\/mfa-push-enroll\.ts|core\/poller\.ts|elements\/shared\/poll\.ts)/,
    request: /define\/mfa-push-enroll\.js$/,
    shared: {
      lit: ['html', 'nothing'],
      'src/core/errors.ts': ['abortError', 'isTransient', 'MfaError', 'pushOutcome', 'toMfaError', 'untilAborted'],
      'src/core/otpauth.ts': ['isOtpauthUri'],
      'src/define/mfa-qr-code.ts': [],
      'src/elements/shared/flow-part.ts': ['FlowPart', 'renderError', 'spin'],
      'src/locales/en/flow.ts': ['flowStrings'],
    },
  }],
};
// The passkey parts (<mfa-passkey-enroll>, <mfa-passkey-item>): a file beside the pages that can
// open them, fetched when a user adds or lists a passkey. These pages still inline the parts
// their `*-loader` modules name (the recovery codes).
const PASSKEY_PART = {
  name: 'passkey',
  entry: 'src/define/mfa-passkey-enroll.ts',
  own: /\/src\/(elements\/mfa-passkey-enroll\/(?!enrollment-hooks|passkey-parts)|locales\/en\/mfa-passkey-enroll\.ts|define\/mfa-passkey-enroll\.ts|core\/webauthn-json\.ts)/,
  request: /define\/mfa-passkey-enroll\.js$/,
  inlineLoaders: true,
  shared: {
    lit: ['css', 'html', 'nothing'],
    'src/core/errors.ts': ['MfaError'],
    'src/elements/shared/events.ts': ['MfaEnrollEvent', 'MfaRemoveEvent'],
    'src/i18n/localize.ts': ['resolveLang'],
    'src/elements/shared/mfa-element.ts': ['MfaElement'],
    'src/elements/shared/styles.ts': ['baseStyles'],
  },
};
// The all-in-one file has as parts every flow a page opens only on a click or a rare path: the
// enrollment's (its phone/email, push and authenticator-app flows, the first enrollment's codes),
// verify's (the push poll, what follows a sent challenge, the replacement recovery code) and the passkeys'. <mfa-otp-enroll> and
// <mfa-recovery-codes> are also defined when a page uses one on its own (cdn-pages.mjs PAGES),
// from the same part files; the page exports the codes' saved event for them.
const ENROLLMENT_FLOWS = PARTS['mfa-enrollment'].filter((part) => ['otp-enroll', 'contact-enroll', 'push-enroll'].includes(part.name));
PARTS['mfa-enrollment'].push(PASSKEY_PART);
PARTS['mfa-elements'] = [PASSKEY_PART, ...ENROLLMENT_FLOWS, POLLER_PART, SENDING_PART, recoveryPart({
  'src/elements/shared/clipboard.ts': ['copyText'],
  'src/elements/mfa-recovery-codes/mfa-recovery-codes.events.ts': ['MfaRecoveryCodesSavedEvent'],
})];

/** What a page exports for its parts: each name once, however many parts import it, and none the page exports anyway (the all-in-one file's API). */
function partExports(parts, contents = '') {
  const byFile = {};
  for (const part of parts) for (const [from, names] of Object.entries(part.shared)) byFile[from] = [...new Set([...(byFile[from] ?? []), ...names])];
  return Object.entries(byFile)
    // A file named with no names is imported for its effect (it defines an element): always kept.
    .map(([from, names]) => [from, names, names.filter((n) => !new RegExp(`export \\{[^}]*\\b${n}\\b`).test(contents))])
    .filter(([, names, left]) => left.length || !names.length)
    .map(([from, , names]) => [from, names])
    .map(([from, names]) => `export { ${names} } from '${from === 'lit' ? from : `./${from}`}';`)
    .join('\n');
}

/** `parts`: the page's parts, so that one part that fetches another finds it beside itself. */
async function buildPart(part, pageName, parts) {
  const shared = new Set(Object.keys(part.shared).map((f) => (f === 'lit' ? f : join(process.cwd(), f))));
  const result = await build({
    ...common,
    mangleCache: { ...mangleCache, ...LIT_NAMES },
    entryPoints: { [`parts/${pageName}.${part.name}`]: part.entry },
    outdir,
    metafile: true,
    plugins: [{
      name: 'from-the-page',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => {
          const path = args.path === 'lit' ? 'lit' : args.path.startsWith('.') ? join(args.resolveDir, args.path.replace(/\.js$/, '.ts')) : undefined;
          return path && shared.has(path) ? { path: `../${pageName}.js`, external: true } : undefined;
        });
      },
    }, {
      name: 'parts-beside',
      setup(b) {
        for (const other of parts) if (other !== part) b.onResolve({ filter: other.request }, (args) => (args.kind === 'dynamic-import' ? { path: `./${pageName}.${other.name}.js`, external: true } : undefined));
      },
    }, {
      // A part that opens the phone chooser finds its data beside the pages, like a page does.
      name: 'phone-countries-beside',
      setup(b) {
        b.onResolve({ filter: /\/phone-chooser\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: `../${PHONE_FILE}`, external: true } : undefined));
      },
    }, esbuildProductionSource],
  });
  for (const [name, short] of Object.entries(result.mangleCache)) if (!(name in LIT_NAMES)) mangleCache[name] = short;
  const strays = Object.keys(result.metafile.inputs).filter((f) => !part.own.test(`/${f}`));
  if (strays.length) throw new Error(`parts/${pageName}.${part.name}.js would carry its own copy of ${strays.join(', ')}: add them to its shared list`);
  return result.metafile.outputs;
}

/** A file built for one provider mode lists only that source (src/elements/mfa-provider/sources/). */
function onlyMode(mode) {
  return {
    name: 'only-mode',
    setup(b) {
      if (!mode) return;
      b.onLoad({ filter: /elements\/mfa-provider\/sources\/index\.ts$/ }, ({ path }) => ({
        // `mode` may list several (`proxy,direct`).
        // A kind's file is its name in kebab case (`myAccount` in my-account.ts).
        contents: `${mode.split(',').map((m) => `import { ${m} } from './${m.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.js';`).join(' ')} export const SOURCE_KINDS = { ${mode} };`,
        resolveDir: dirname(path),
        loader: 'ts',
      }));
    },
  };
}

/**
 * The source classes of a page without the calls its elements never make (scripts/page-calls.mjs);
 * fails the build when one of the page's element modules makes one of them after all.
 */
function onlyCalls(page, drop) {
  return {
    name: 'only-calls',
    setup(b) {
      if (!drop.length) return;
      const call = new RegExp(`[sS]ource\\??\\.(${drop.join('|')})\\b`);
      b.onLoad({ filter: /\/src\/(core|elements)\/.*\.ts$/ }, async ({ path }) => {
        const text = await readFile(path, 'utf8');
        if (SOURCE_MODULES.test(path)) return { contents: stripDevText(dropCalls(text, drop, path)), loader: 'ts' };
        const made = path.includes('/src/elements/') && call.exec(text);
        if (made) throw new Error(`${page}: ${path} calls ${made[0]}, which scripts/cdn-pages.mjs CALLS leaves out of this page`);
        return undefined;
      });
    },
  };
}

/**
 * A page's factor table without the factors its elements never show, and its common text without
 * what they never say (scripts/page-tables.mjs); fails the build when a module of the page names
 * such text after all.
 */
function onlyTables(page, keep, unused) {
  return {
    name: 'only-tables',
    setup(b) {
      if (keep) b.onLoad({ filter: FACTORS_MODULE }, async ({ path }) => ({ contents: stripDevText(keepFactors(await readFile(path, 'utf8'), keep, path)), loader: 'ts' }));
      if (!unused.length) return;
      // A moved common-text module would otherwise leave every entry in silently.
      let dropped = false;
      b.onEnd((result) => {
        if (!result.errors.length && !dropped) throw new Error(`${page}: the common text (${COMMON_TEXT_MODULE}) was not loaded through the drop of TEXT_UNUSED`);
      });
      const named = new RegExp(`['"\`](${unused.map((k) => k.replace(/\./g, '\\.')).join('|')})['"\`]`);
      b.onLoad({ filter: /\/src\/(elements|locales\/en)\/.*\.ts$/ }, async ({ path }) => {
        const text = await readFile(path, 'utf8');
        if (COMMON_TEXT_MODULE.test(path)) {
          dropped = true;
          return { contents: minifyLiterals(stripDevText(dropKeys(text, COMMON_TEXT_NAME, unused, path)), path), loader: 'ts' };
        }
        const used = named.exec(text);
        if (used) throw new Error(`${page}: ${path} names ${used[0]}, which scripts/cdn-pages.mjs TEXT_UNUSED leaves out of this page`);
        return undefined;
      });
    },
  };
}

rmSync(outdir, { recursive: true, force: true });
const outputs = {};
for (const { name, contents, mode } of cdnFiles()) {
  const drop = dropsOf(name);
  const parts = PARTS[pageName(name)];
  const page = await build({
    ...common,
    mangleCache,
    stdin: { contents: parts ? `${contents}\n${partExports(parts, contents)}` : contents, resolveDir: process.cwd(), sourcefile: `${name}.ts`, loader: 'ts' },
    outdir,
    entryNames: name,
    // Splitting only for the lazy translation tables; the QR library is built on its own below so it
    // does not share esbuild's CommonJS helpers with the page file through a third chunk.
    splitting: true,
    chunkNames: 'locales/[name]-[hash]',
    metafile: true,
    plugins: [onlyMode(mode), onlyCalls(name, drop), onlyTables(name, factorsOf(name), textUnusedOf(name)), esbuildProductionSource, {
      name: 'qrcode-beside',
      setup(b) { b.onResolve({ filter: /^qrcode$/ }, () => ({ path: `./${QR_FILE}`, external: true })); },
    }, {
      name: 'phone-countries-beside',
      setup(b) {
        b.onResolve({ filter: /\/phone-chooser\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: `./${PHONE_FILE}`, external: true } : undefined));
      },
    }, {
      // Elements that load a part on demand when used alone have it inline here (see the loader),
      // unless this page has it as a part file beside it.
      name: 'on-demand-parts',
      setup(b) {
        for (const part of parts ?? []) b.onResolve({ filter: part.request }, (args) => (args.kind === 'dynamic-import' ? { path: `./parts/${name}.${part.name}.js`, external: true } : undefined));
        {
          // A `<part>-loader` whose part this page has as a file stays a loader; every other one is
          // replaced by its `.bundled.ts` twin, which imports the part statically.
          const own = new Set((parts ?? []).map((part) => `${part.name}-loader.js`));
          // (`.ts` too: the exports a page makes for its parts name the source file.)
          b.onResolve({ filter: /-loader\.[jt]s$/ }, (args) => (own.has(basename(args.path).replace(/\.ts$/, '.js')) ? undefined : { path: join(args.resolveDir, args.path.replace(/\.[jt]s$/, '.bundled.ts')) }));
        }
      },
    }],
  });
  Object.assign(mangleCache, page.mangleCache);
  Object.assign(outputs, page.metafile.outputs);
  for (const part of parts ?? []) Object.assign(outputs, await buildPart(part, name, parts));
}
// The elements call only `create` (they draw the SVG themselves): the QR file is qrcode's encoder,
// without the canvas and SVG-string renderers of its browser entry (let alone its Node ones).
const qr = await build({
  ...common,
  stdin: { contents: "export { create } from 'qrcode/lib/core/qrcode.js';", resolveDir: '.', sourcefile: 'mfa-qrcode.js' },
  outfile: `${outdir}/${QR_FILE}`,
  metafile: true,
});
Object.assign(outputs, qr.metafile.outputs);
const phone = await build({ ...common, entryPoints: { [PHONE_FILE.replace(/\.js$/, '')]: 'src/elements/mfa-contact-enroll/phone-chooser.ts' }, outdir, metafile: true });
Object.assign(outputs, phone.metafile.outputs);

// The size check reads which files load up front (static imports) and which on demand.
writeFileSync(`${outdir}/metafile.json`, JSON.stringify({ inputs: {}, outputs }));
// The bundle exports what the package's main entry does: its types are those of dist/types/index.d.ts,
// but the elements it defines on first use are types only there (their classes are in parts/).
const className = (tag) => tag.replace(/(?:^|-)(\w)/g, (_, c) => c.toUpperCase());
writeFileSync(`${outdir}/mfa-elements.d.ts`, [
  "export * from '../types/index.js';",
  ...LAZY_ELEMENTS.map((tag) => `export type { ${className(tag)} } from '../types/define/${tag}.js';`),
  '',
].join('\n'));
for (const [file, meta] of Object.entries(outputs)) if (file.endsWith('.js')) console.log(`${file}  ${meta.bytes} bytes`);
