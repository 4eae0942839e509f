// A page file's data sources carry only the calls its elements make (issue 15 point 2). The
// verify page never enrolls or removes, the otp-enroll page never removes or sends a challenge,
// yet the sources' classes hold every method of `MfaSource`, and a bundler keeps every method of a
// class it keeps. For such a page the build takes the other methods out of the source classes
// (with the wire parsing and input checks only they used, which the bundler then drops):
// - a method `MfaSource` requires (`enroll`, `remove`, `challenge`) becomes one that rejects with
//   `MfaError('unsupported')`, the error an element already handles for a call a source lacks;
// - an optional one (`listFactors`, `regenerateRecoveryCode`, `rename`, `setPreferredChannel`) is
//   left out, as a source without it is (the elements test for it before calling), unless the
//   class calls it itself: then it too rejects with `MfaError('unsupported')` (ProxySource lists
//   through `listFactors` on the Auth0 Lab routers, which have no challenge or verify route, so
//   the verify page has no use for it); a callback of the class that does nothing but call it
//   (`() => this.listFactors(opts).then(parse)`) rejects so in its place, and then the method and
//   what only that callback used go too;
// - a private member no longer used by the class goes with them.
// The elements of the page calling a method taken out is caught by the check in build-bundle.mjs
// (their modules are scanned for the call) and by the page's browser tests.
import ts from 'typescript';

/** The source classes, by module, and the methods of `MfaSource` each call needs of them. */
export const SOURCE_MODULES = /\/src\/core\/(api-source|proxy-source|shared-source)\.ts$/;
const REQUIRED = new Set(['enroll', 'remove', 'challenge', 'verify', 'listAuthenticators']);
/** Every call an element can make that a page may go without. */
export const OPTIONAL_CALLS = ['enroll', 'remove', 'challenge', 'listFactors', 'regenerateRecoveryCode', 'rename', 'setPreferredChannel'];

const UNSUPPORTED = "Promise.reject(new MfaError('unsupported'))";

/**
 * `this.<dropped>(a, …)`, or that followed by `.then(f)` calls, arguments plain names: an
 * expression that, with the method dropped, rejects with its `unsupported` and does nothing else.
 */
function rejectsAsDropped(node, names) {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  if (!node.arguments.every((arg) => ts.isIdentifier(arg))) return false;
  const { expression: target, name } = node.expression;
  if (target.kind === ts.SyntaxKind.ThisKeyword) return names.has(name.text);
  return name.text === 'then' && node.arguments.length === 1 && rejectsAsDropped(target, names);
}

/** Returns `source` with the methods in `drop` taken out of its classes (see above). */
export function dropCalls(source, drop, fileName = 'x.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const edits = [];
  for (const node of file.statements) {
    if (!ts.isClassDeclaration(node)) continue;
    const members = node.members.map((m) => ({ node: m, name: m.name && ts.isIdentifier(m.name) ? m.name.text : m.name && ts.isPrivateIdentifier(m.name) ? m.name.text : undefined }));
    const gone = new Set(members.filter((m) => m.name && drop.includes(m.name)));
    // Private members the remaining ones no longer mention go too (until nothing changes).
    for (let changed = true; changed; ) {
      changed = false;
      const text = members.filter((m) => !gone.has(m)).map((m) => m.node.getText(file)).join('\n');
      for (const m of members) {
        if (gone.has(m) || !m.name?.startsWith('#')) continue;
        const uses = text.split(new RegExp(`${m.name}\\b`)).length - 1;
        const own = m.node.getText(file).split(new RegExp(`${m.name}\\b`)).length - 1;
        if (uses === own) {
          gone.add(m);
          changed = true;
        }
      }
    }
    // A callback of a kept member that only calls a dropped method (and maps its result) rejects
    // as the stub would, without it: the method and what only it parsed with go too.
    const names = new Set([...gone].map((m) => m.name).filter((name) => drop.includes(name)));
    let kept = '';
    for (const m of members.filter((k) => !gone.has(k))) {
      const start = m.node.getStart(file);
      let text = m.node.getText(file);
      const found = [];
      const visit = (node) => {
        if (ts.isArrowFunction(node) && !ts.isBlock(node.body) && rejectsAsDropped(node.body, names)) found.push(node.body);
        else ts.forEachChild(node, visit);
      };
      visit(m.node);
      for (const body of found.reverse()) {
        const [from, to] = [body.getStart(file), body.getEnd()];
        edits.push([from, to, UNSUPPORTED]);
        text = text.slice(0, from - start) + UNSUPPORTED + text.slice(to - start);
      }
      kept += `${text}\n`;
    }
    for (const m of gone) {
      const stub = REQUIRED.has(m.name) || new RegExp(`this\\.${m.name}\\(`).test(kept) ? `${m.name}(): Promise<never> { return ${UNSUPPORTED}; }` : '';
      edits.push([m.node.getStart(file), m.node.getEnd(), stub]);
    }
  }
  edits.sort((a, b) => b[0] - a[0]);
  let out = source;
  for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
  return out;
}
