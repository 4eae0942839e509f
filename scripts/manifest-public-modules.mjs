// Where each declaration of custom-elements.json is published: the analyzer reads src/elements,
// but users import dist/<tag>.js and dist/index.js. The TypeScript checker answers which public
// entry exports what (following re-exports), so the manifest can never name an unshipped file.
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';

/** The published module of each entry (src/define/<tag>.ts is dist/<tag>.js). */
function publicEntries() {
  const entries = { 'dist/index.js': 'src/index.ts' };
  for (const file of readdirSync('src/define')) {
    if (file.endsWith('.ts')) entries[`dist/${file.slice(0, -3)}.js`] = `src/define/${file}`;
  }
  return entries;
}

/**
 * For every published module, the names it exports and the source file that declares each:
 * Map<'dist/…js', Map<name, 'src/…ts'>>.
 */
export function publicExports() {
  const entries = publicEntries();
  const program = ts.createProgram(Object.values(entries), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const result = new Map();
  for (const [published, source] of Object.entries(entries)) {
    const file = program.getSourceFile(source);
    const names = new Map();
    for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(file))) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      // Values only: a type-only export has no declaration in the manifest's sense.
      if (!(target.flags & ts.SymbolFlags.Value)) continue;
      const declaration = target.declarations?.[0];
      if (declaration) names.set(symbol.name, relative(process.cwd(), declaration.getSourceFile().fileName));
    }
    result.set(published, names);
  }
  return result;
}

/**
 * Where a declaration of `source` named `name` is published: its element's own module when that
 * exports it (src/elements/<tag>/… → dist/<tag>.js), else the package index, else undefined
 * (an internal helper, left out of the manifest).
 */
export function homeOf(exportsByModule, source, name) {
  const tag = source.match(/^src\/elements\/(mfa-[\w-]+)\//)?.[1];
  const own = tag && `dist/${tag}.js`;
  if (own && exportsByModule.get(own)?.get(name) === source) return own;
  if (exportsByModule.get('dist/index.js')?.get(name) === source) return 'dist/index.js';
  return undefined;
}
