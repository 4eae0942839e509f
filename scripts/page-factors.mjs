// A page file's factor table holds only the factors its elements can show (issue 15: dead weight
// on a page that does not use it). `<mfa-verify>` offers codes, push and recovery codes; the
// WebAuthn, passkey and Duo entries of `FACTORS` (src/core/factors.ts) only let the provider's list
// keep authenticators that the verify element filters out anyway. Without an entry, a factor is
// unknown to the page (`isFactorName`, `factorOf`): such authenticators are dropped from the list
// as those of any factor the library does not know.
import ts from 'typescript';

export const FACTORS_MODULE = /\/src\/core\/factors\.ts$/;

/** Returns `source` (src/core/factors.ts) with the `FACTORS` entries not named in `keep` taken out. */
export function keepFactors(source, keep, fileName = 'factors.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const table = file.statements
    .filter(ts.isVariableStatement)
    .flatMap((s) => s.declarationList.declarations)
    .find((d) => ts.isIdentifier(d.name) && d.name.text === 'FACTORS');
  const object = table?.initializer;
  if (!object || !ts.isObjectLiteralExpression(object)) throw new Error(`${fileName}: no FACTORS object literal`);
  const gone = object.properties.filter((p) => !keep.includes(p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : ''));
  const missing = keep.filter((name) => !object.properties.some((p) => p.name?.text === name));
  if (missing.length) throw new Error(`${fileName}: FACTORS has no ${missing.join(', ')}`);
  let out = source;
  // From the end, so that earlier offsets stay valid; each entry with its comma.
  for (const p of [...gone].reverse()) {
    const end = source.slice(p.getEnd()).match(/^\s*,/)?.[0].length ?? 0;
    out = out.slice(0, p.getStart(file)) + out.slice(p.getEnd() + end);
  }
  return out;
}
