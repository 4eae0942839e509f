// A page file's tables hold only what its elements can show (issue 15: dead weight on a page that
// does not use it), taken out of the source as the page is built:
// - `FACTORS` (src/core/factors.ts) keeps the factors of FACTORS_SHOWN (scripts/cdn-pages.mjs).
//   `<mfa-verify>` offers codes, push and recovery codes; the WebAuthn, passkey and Duo entries
//   only let the provider's list keep authenticators that the verify element filters out anyway.
//   Without an entry a factor is unknown to the page (`isFactorName`, `factorOf`): such
//   authenticators drop out of the list as those of any factor the library does not know.
// - the common English text (src/locales/en/common.ts) loses the entries of TEXT_UNUSED:
//   text no element of the page (nor a part it fetches) shows, such as the enrollment's errors.
import ts from 'typescript';

export const FACTORS_MODULE = /\/src\/core\/factors\.ts$/;
export const COMMON_TEXT_MODULE = /\/src\/locales\/en\/common\.ts$/;
/** The object literal of the common English in COMMON_TEXT_MODULE. */
export const COMMON_TEXT_NAME = 'commonEn';

const keyOf = (p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '');

/** The top-level object literal `name` of `source` (through `satisfies` or `as`). */
function objectLiteral(file, name) {
  const init = file.statements
    .filter(ts.isVariableStatement)
    .flatMap((s) => s.declarationList.declarations)
    .find((d) => ts.isIdentifier(d.name) && d.name.text === name)?.initializer;
  const literal = init && (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) ? init.expression : init);
  if (!literal || !ts.isObjectLiteralExpression(literal)) throw new Error(`${file.fileName}: no ${name} object literal`);
  return literal;
}

/** Returns `source` with the entries `drop` taken out of its top-level object literal `name`; fails on an entry it does not have. */
export function dropKeys(source, name, drop, fileName = 'x.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const literal = objectLiteral(file, name);
  const missing = drop.filter((key) => !literal.properties.some((p) => keyOf(p) === key));
  if (missing.length) throw new Error(`${fileName}: ${name} has no ${missing.join(', ')}`);
  let out = source;
  // From the end, so that earlier offsets stay valid; each entry with its comma.
  for (const p of literal.properties.filter((p) => drop.includes(keyOf(p))).reverse()) {
    const comma = source.slice(p.getEnd()).match(/^\s*,/)?.[0].length ?? 0;
    out = out.slice(0, p.getStart(file)) + out.slice(p.getEnd() + comma);
  }
  return out;
}

/** Returns `source` (src/core/factors.ts) with only the `FACTORS` entries named in `keep`. */
export function keepFactors(source, keep, fileName = 'factors.ts') {
  const all = objectLiteral(ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true), 'FACTORS').properties.map(keyOf);
  const missing = keep.filter((name) => !all.includes(name));
  if (missing.length) throw new Error(`${fileName}: FACTORS has no ${missing.join(', ')}`);
  return dropKeys(source, 'FACTORS', all.filter((name) => !keep.includes(name)), fileName);
}
