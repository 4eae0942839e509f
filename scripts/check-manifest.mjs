// Fails when custom-elements.json is not what the analyzer makes from the current sources, or when
// it is not fit to publish: a public member without a description, a reference to a module the
// manifest does not have. (That every module path is a file in the package, check-package.mjs checks.)
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer resolves --outdir against the working directory, so the scratch copy lives here.
const dir = '.cem-check';
try {
  execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', dir], { stdio: 'ignore' });
  const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(JSON.parse(committed))) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is current.');
  const problems = unfit(JSON.parse(committed));
  if (problems.length) {
    console.error(`custom-elements.json is not fit to publish:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('custom-elements.json: every public member described, every reference resolved.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function unfit(manifest) {
  const problems = [];
  const paths = new Set(manifest.modules.map((m) => m.path));
  const declared = new Set(manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => `${m.path}#${d.name}`)));
  const checkRef = (where, ref) => {
    if (!ref || ref.package) return;
    if (!paths.has(ref.module) || !declared.has(`${ref.module}#${ref.name}`)) problems.push(`${where}: ${ref.name} from ${ref.module} is not in the manifest`);
  };
  for (const mod of manifest.modules) {
    if (!/^dist\/[\w-]+\.js$/.test(mod.path)) problems.push(`${mod.path}: not a published entry (dist/<name>.js)`);
    for (const decl of mod.declarations ?? []) {
      const at = `${mod.path} ${decl.name}`;
      if (!decl.description && !decl.summary) problems.push(`${at}: no description`);
      checkRef(`${at} superclass`, decl.superclass);
      for (const kind of ['members', 'attributes', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates']) {
        for (const item of decl[kind] ?? []) {
          if (!item.description && !item.summary) problems.push(`${at} ${kind}: ${item.name || '(default)'} has no description`);
          checkRef(`${at} ${item.name}`, item.inheritedFrom);
        }
      }
    }
    for (const exp of mod.exports ?? []) checkRef(`${mod.path} export ${exp.name}`, exp.declaration);
  }
  return problems;
}
