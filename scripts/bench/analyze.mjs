import { build, analyzeMetafile } from 'esbuild';
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'esm', write: false, metafile: true, external: ['qrcode'], logLevel:'silent' });
console.log(await analyzeMetafile(r.metafile, { verbose: false }));
