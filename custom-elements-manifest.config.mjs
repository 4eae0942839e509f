// custom-elements.json from the elements' JSDoc (@tag, @summary, @fires, @csspart, @cssprop, @slot).
// Module paths are rewritten to the published files, and private/internal members are dropped.
import { readFileSync } from 'node:fs';

/** The theme tokens every element reads, documented once beside their defaults. */
const sharedCssProperties = [...readFileSync('src/elements/shared/styles.ts', 'utf8').matchAll(/@cssprop (--[\w-]+) - (.+)/g)]
  .map(([, name, description]) => ({ name, description }));

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.strings.ts'],
  outdir: '.',
  // package.json names the manifest once, by hand; the analyzer must not rewrite it per --outdir.
  packagejson: false,
  litelement: true,
  plugins: [
    {
      name: 'mfa-publish-paths',
      packageLinkPhase({ customElementsManifest }) {
        // The analyzer's module order depends on file-system timing; sorted, the file is stable.
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
        for (const mod of customElementsManifest.modules) {
          const tag = mod.path.match(/^src\/elements\/([\w-]+)\/\1\.ts$/)?.[1];
          mod.path = tag ? `dist/${tag}.js` : mod.path.replace(/^src\//, 'dist/src/').replace(/\.ts$/, '.js');
          for (const decl of mod.declarations ?? []) {
            const isPublic = (m) => !m.name.startsWith('#') && !m.name.startsWith('_') && !m.static && m.privacy !== 'private' && m.privacy !== 'protected';
            // Reactive state declared in `static properties` is listed as attributes unless dropped.
            if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !a.name.startsWith('_') && !a.fieldName?.startsWith('_'));
            // A dispatch of an event object built elsewhere comes out nameless; the @fires tag names it.
            if (decl.events) decl.events = decl.events.filter((e) => e.name);
            if (decl.members) decl.members = decl.members.filter(isPublic);
            if (decl.tagName) {
              const own = new Set((decl.cssProperties ?? []).map((p) => p.name));
              decl.cssProperties = [...(decl.cssProperties ?? []), ...sharedCssProperties.filter((p) => !own.has(p.name))];
            }
          }
          for (const exp of mod.exports ?? []) {
            if (exp.declaration?.module) exp.declaration.module = mod.path;
          }
        }
      },
    },
  ],
};
