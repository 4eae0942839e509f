// Minifies the text of Lit's css`` and html``/svg`` templates in our sources before bundling:
// minifiers leave template literals alone, so their indentation and line breaks would ship as is.
// Conservative on purpose: markup keeps one space wherever it had whitespace (no element here uses
// `white-space: pre`), CSS loses comments and the space around `{ } ; ,` and after `:`. Used by the library
// build, the single-file bundle and the size check, so all three measure what ships.
import ts from 'typescript';

const TAGS = new Set(['css', 'html', 'svg']);

function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

const minifyMarkup = (text) => text.replace(/\s*\n\s*/g, ' ');

/** Returns the source with every css/html/svg template's literal text minified. */
export function minifyLiterals(source, fileName = 'x.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const minify = node.tag.text === 'css' ? minifyCss : minifyMarkup;
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        // The raw text sits between the opening (` or }) and the closing (` or ${).
        const start = part.getStart(file) + 1;
        const end = part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
        const raw = source.slice(start, end);
        const out = minify(raw);
        if (out !== raw) edits.push([start, end, out]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

const ELEMENT_SOURCE = /\/src\/elements\/.*\.ts$/;

/** @web/test-runner plugin (before the esbuild one): the browser tests run the minified templates. */
export const wtrMinifyLiterals = {
  name: 'minify-literals',
  transform(context) {
    if (!ELEMENT_SOURCE.test(context.path)) return undefined;
    return { body: minifyLiterals(context.body, context.path) };
  },
};

/** esbuild plugin. */
export const esbuildMinifyLiterals = {
  name: 'minify-literals',
  setup(build) {
    build.onLoad({ filter: ELEMENT_SOURCE }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: minifyLiterals(await readFile(args.path, 'utf8'), args.path), loader: 'ts' };
    });
  },
};

/** Vite/Rollup plugin. */
export const viteMinifyLiterals = {
  name: 'minify-literals',
  enforce: 'pre',
  transform(code, id) {
    if (!ELEMENT_SOURCE.test(id)) return null;
    return { code: minifyLiterals(code, id), map: null };
  },
};
