// Minifies the text of Lit's css`` and html``/svg`` templates in our sources before bundling:
// minifiers leave template literals alone, so their indentation and line breaks would ship as is.
// Conservative on purpose: markup keeps one space wherever it had whitespace (no element here uses
// `white-space: pre`), except a line break between two tags where one of them is a block (or the
// template's edge, or anything in svg``): there the space would only be a whitespace text node
// that renders nothing (a third of the shadow nodes, issue 15). Between inline tags, or text and a
// tag, the space stays: it is a visible space in the text flow. CSS loses comments, the space
// around `{ } ; ,`, after `:` and before `!important`, leading zeros and doubled hex digits. Used by the library
// build, the single-file bundle and the size check, so all three measure what ships.
import ts from 'typescript';

const TAGS = new Set(['css', 'html', 'svg']);

function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .replace(/ !important/g, '!important')
    // 0.5rem -> .5rem; #ffffff -> #fff (no element here puts numbers or colours in strings or url()).
    .replace(/([:\s,(])0\.(\d)/g, '$1.$2')
    .replace(/#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3(?![0-9a-f])/gi, '#$1$2$3')
    .trim();
}

// Tags whose box is a block (or renders nothing): whitespace beside them starts or ends a line and
// is collapsed away by CSS. <pre>, <textarea> and inline tags are not here on purpose.
const BLOCK = new Set(
  ('address article aside blockquote br details dialog dd div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr legend li main nav ol optgroup option p section summary table tbody td ' +
    'template tfoot th thead tr ul style').split(' '),
);
// Stands for a binding while the template's parts are minified as one text.
const HOLE = '\u0000';

/** The tag name of the tag ending at `end` (the index of its `>`), or undefined. */
function tagBefore(text, end) {
  const start = text.lastIndexOf('<', end);
  const m = start < 0 ? null : /^<\/?([a-zA-Z][\w-]*)/.exec(text.slice(start, end + 1));
  return m?.[1].toLowerCase();
}

/** Minifies one html``/svg`` template given as its parts' texts (bindings between them). */
function minifyMarkupParts(parts, svg) {
  const text = parts.join(HOLE);
  const out = text.replace(/\s*\n\s*/g, (ws, at) => {
    const before = text[at - 1];
    const after = text[at + ws.length];
    const left = at === 0 ? 'edge' : before === '>' ? tagBefore(text, at - 1) : before === HOLE ? 'hole' : undefined;
    const rightTag = after === '<' ? /^<\/?([a-zA-Z][\w-]*)/.exec(text.slice(at + ws.length))?.[1].toLowerCase() : undefined;
    const right = at + ws.length === text.length ? 'edge' : rightTag ?? (after === HOLE ? 'hole' : undefined);
    if (left === undefined || right === undefined) return ' '; // text on one side: a space in the flow
    if (left === 'hole' && right === 'hole') return ' '; // two bindings: may be inline text
    const drop = svg ? left !== 'text' && right !== 'text' : left === 'edge' || right === 'edge' || BLOCK.has(left) || BLOCK.has(right);
    return drop ? '' : ' ';
  });
  return out.split(HOLE);
}

/** Returns the source with every css/html/svg template's literal text minified. */
export function minifyLiterals(source, fileName = 'x.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      // The raw text sits between the opening (` or }) and the closing (` or ${).
      const ranges = parts.map((part) => [part.getStart(file) + 1, part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1)]);
      const raws = ranges.map(([start, end]) => source.slice(start, end));
      const outs = node.tag.text === 'css' ? raws.map(minifyCss) : minifyMarkupParts(raws, node.tag.text === 'svg');
      ranges.forEach(([start, end], i) => {
        if (outs[i] !== raws[i]) edits.push([start, end, outs[i]]);
      });
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
