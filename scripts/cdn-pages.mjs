// The script-tag files in dist/cdn/ (DESIGN §5): which elements each page use registers. Shared by
// the build (scripts/build-bundle.mjs), the size check and the benchmark.
//
// The page files only register elements: a script tag has no use for exports (the classes are on
// `customElements`), and exporting core's API would keep all of it alive. The all-in-one file keeps
// the exports of the package's index for pages that import from it.
export const PAGES = {
  // Verifying a sign-in: <mfa-provider> + <mfa-verify> (and what it renders).
  'mfa-verify': `import './src/define/mfa-provider.ts'; import './src/define/mfa-verify.ts';`,
  // Managing factors: <mfa-provider> + <mfa-enrollment> and every step it opens.
  'mfa-enrollment': `import './src/define/mfa-provider.ts'; import './src/define/mfa-enrollment.ts';`,
  // Setting up an authenticator app: <mfa-provider> + <mfa-otp-enroll>.
  'mfa-otp-enroll': `import './src/define/mfa-provider.ts'; import './src/define/mfa-otp-enroll.ts';`,
  // Everything.
  'mfa-elements': `export * from './src/index.ts';`,
};

/** Which page file to load for which page; the budgets (gzip -9, initial load) CI enforces. */
export const BUDGETS = {
  'mfa-verify': 23_552,
  'mfa-enrollment': 33_792,
  'mfa-otp-enroll': 33_792,
  'mfa-elements': 37_888,
};
