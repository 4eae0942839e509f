// custom-elements.json from the elements' JSDoc (@tag, @summary, @fires, @csspart, @cssprop, @slot).
// Declarations are moved to the published module that exports them (dist/<tag>.js or dist/index.js;
// internal helpers are dropped), references point there too, and private/internal members are dropped.
import { readFileSync } from 'node:fs';
import { homeOf, publicExports } from './scripts/manifest-public-modules.mjs';

/** The theme tokens every element reads, documented once beside their defaults. */
const sharedCssProperties = [...readFileSync('src/elements/shared/styles.ts', 'utf8').matchAll(/@cssprop (--[\w-]+) - (.+)/g)]
  .map(([, name, description]) => ({ name, description }));

export default {
  // src/i18n: registerTranslation and loadLocale are public (dist/index.js).
  globs: ['src/elements/**/*.ts', 'src/i18n/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.strings.ts'],
  outdir: '.',
  // package.json names the manifest once, by hand; the analyzer must not rewrite it per --outdir.
  packagejson: false,
  litelement: true,
  plugins: [
    {
      name: 'mfa-publish-paths',
      packageLinkPhase({ customElementsManifest }) {
        const exportsByModule = publicExports();
        const isPublic = (m) => !m.name.startsWith('#') && !m.name.startsWith('_') && !m.static && m.privacy !== 'private' && m.privacy !== 'protected';
        /** Published module → its declarations; and where each source declaration went. */
        const published = new Map();
        const moved = new Map();
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            const home = homeOf(exportsByModule, mod.path, decl.name);
            if (!home) continue;
            moved.set(`${mod.path}#${decl.name}`, home);
            if (!published.has(home)) published.set(home, []);
            published.get(home).push(decl);
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
        }
        /**
         * A reference to a declaration of ours points at its published module; one the analyzer
         * could not place (Event, CustomEvent: it names the referring file) is a global.
         */
        const byName = new Map([...moved].map(([key, home]) => [key.slice(key.indexOf('#') + 1), home]));
        const relink = (ref) => {
          if (!ref?.module) return ref;
          const source = ref.module.replace(/^\//, '').replace(/\.js$/, '.ts');
          const home = moved.get(`${source}#${ref.name}`) ?? byName.get(ref.name);
          return home ? { name: ref.name, module: home } : { name: ref.name, package: 'global:' };
        };
        for (const decls of published.values()) {
          for (const decl of decls) {
            if (decl.superclass) decl.superclass = relink(decl.superclass);
            for (const list of [decl.members, decl.attributes, decl.events]) {
              for (const item of list ?? []) if (item.inheritedFrom) item.inheritedFrom = relink(item.inheritedFrom);
            }
          }
        }
        // The analyzer's module order depends on file-system timing; sorted, the file is stable.
        customElementsManifest.modules = [...published.keys()].sort().map((path) => {
          const declarations = published.get(path);
          // What the file exports, re-exports included, where the manifest has the declaration.
          const exports = [];
          for (const [name, source] of exportsByModule.get(path)) {
            const home = moved.get(`${source}#${name}`);
            if (home) exports.push({ kind: 'js', name, declaration: { name, module: home } });
          }
          for (const decl of declarations) {
            if (decl.tagName && path === `dist/${decl.tagName}.js`) {
              exports.push({ kind: 'custom-element-definition', name: decl.tagName, declaration: { name: decl.name, module: path } });
            }
          }
          return { kind: 'javascript-module', path, declarations, exports };
        });
      },
    },
  ],
};
