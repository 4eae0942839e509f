import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyLiterals as minify } from '../../scripts/minify-literals.mjs';

test('css``: comments and layout whitespace go, selectors and values keep their meaning', () => {
  const out = minify(`const s = css\`
    /* why */
    .a :focus-visible,
    .b > .c {
      margin: 0 calc(var(--x, 1px) * 2);
      font-family: a, b;
      opacity: 0.6 !important;
      color: var(--c, #ffffff);
      background: #11223344;
    }
  \`;`);
  assert.equal(out, 'const s = css`.a :focus-visible,.b > .c{margin:0 calc(var(--x,1px) * 2);font-family:a,b;opacity:.6!important;color:var(--c,#fff);background:#11223344}`;');
});

test('html``: line breaks become one space beside text; dropped at a block tag or the edge; plain strings untouched', () => {
  const source = `const t = html\`
    <p part="a \${x}">
      \${html\`<b>
        in</b>\`} text
    </p>\`; const plain = \`keep
      this\`; const tagged = other\`keep
      too\`;`;
  assert.equal(
    minify(source),
    'const t = html`<p part="a ${x}">${html`<b> in</b>`} text </p>`; const plain = `keep\n      this`; const tagged = other`keep\n      too`;',
  );
});

test('a template without line breaks is left as it is', () => {
  const source = 'const t = html`<span>${a} and ${b}</span>`;';
  assert.equal(minify(source), source);
});

test('html``: a line break between inline tags or two bindings stays a space (it shows in the text flow)', () => {
  const source = `const t = html\`<p>
      <strong>a</strong>
      <a href="#">b</a>
      \${x}
      \${y}
    </p>
    <ul>
      <li>one</li>
      <li>\${z}</li>
    </ul>\`;`;
  assert.equal(minify(source), 'const t = html`<p><strong>a</strong> <a href="#">b</a> ${x} ${y}</p><ul><li>one</li><li>${z}</li></ul>`;');
});

test('svg``: line breaks between tags go', () => {
  const source = `const t = svg\`<g>
      <path d="\${d}" />
      <rect />
    </g>\`;`;
  assert.equal(minify(source), 'const t = svg`<g><path d="${d}" /><rect /></g>`;');
});
