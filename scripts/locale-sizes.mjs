// What each built-in language costs a page that meets it: its table built as the CDN build does
// (esbuild, minified, UTF-8), in bytes and gzip bytes. A page pays only for the languages it shows;
// English is in the elements. `--write` puts the table into the README between its markers,
// `--check` fails when the README's figures are out of date.
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const NAMES = {
  de: 'German', fr: 'French', es: 'Spanish', it: 'Italian', 'pt-BR': 'Portuguese (Brazil)', nl: 'Dutch', pl: 'Polish',
  sv: 'Swedish', tr: 'Turkish', ja: 'Japanese', 'zh-CN': 'Chinese (Simplified)', ar: 'Arabic', he: 'Hebrew',
};
const langs = readdirSync('src/locales/tables').filter((f) => f !== 'types.ts').map((f) => f.slice(0, -3));
const rows = [];
for (const lang of Object.keys(NAMES).filter((l) => langs.includes(l)).concat(langs.filter((l) => !(l in NAMES)))) {
  const out = await build({ entryPoints: [`src/locales/tables/${lang}.ts`], bundle: true, format: 'esm', minify: true, charset: 'utf8', write: false, logLevel: 'warning' });
  const code = out.outputFiles[0].contents;
  rows.push(`| \`${lang}\` | ${NAMES[lang] ?? lang} | ${code.length} | ${gzipSync(code, { level: 9 }).length} |`);
}
const table = ['| `lang` | Language | Bytes | gzip |', '|---|---|---:|---:|', ...rows].join('\n');
const START = '<!-- locale-sizes (npm run sizes:locales) -->';
const END = '<!-- /locale-sizes -->';
const readme = readFileSync('README.md', 'utf8');
const [before, rest] = readme.split(START);
if (rest === undefined) {
  console.log(table);
} else {
  const updated = `${before}${START}\n${table}\n${END}${rest.split(END)[1]}`;
  if (process.argv.includes('--check') && updated !== readme) {
    console.error('README locale sizes are out of date: run npm run sizes:locales');
    process.exit(1);
  }
  if (process.argv.includes('--write')) writeFileSync('README.md', updated);
  console.log(table);
}
