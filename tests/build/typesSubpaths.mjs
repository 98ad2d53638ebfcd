// The last step of the declaration build (`npm run build`): node tests/build/typesSubpaths.mjs DIR
//
// Consumers on `"moduleResolution": "node16"` or `"nodenext"` resolve the published .d.ts files as
// ES modules: every import in them must name a file. ts-add-js-extension, the step before this one,
// adds `.js` to the relative imports. What it leaves alone (as do tsc-alias and tsc-esm-fix, which
// besides only rewrite an import when a .js file lies beside the .d.ts) is a subpath into a package
// without an `exports` map, such as `fhir/r4` (@types/fhir): node16 cannot find it, `fhir/r4.js` can,
// and so can bundler resolution. No maintained tool does this for declarations alone, hence these
// lines: in each .d.ts under DIR, `pkg/sub` becomes `pkg/sub.js` (or `pkg/sub/index.js`) when the
// package, or its @types package, has no `exports` and has that declaration file. Running it again
// changes nothing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node tests/build/typesSubpaths.mjs <declaration dir>');
const require = createRequire(join(process.cwd(), 'package.json'));

/** The package's folder, if it is installed and has no `exports` map (else its `exports` decide). */
function packageWithoutExports(name) {
  try {
    const manifest = require.resolve(`${name}/package.json`);
    return JSON.parse(readFileSync(manifest, 'utf8')).exports ? undefined : dirname(manifest);
  } catch {
    return undefined;
  }
}

function withExtension(specifier) {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  if (specifier.startsWith('.') || parts.length <= nameLength || /\.[cm]?js$/.test(specifier)) return specifier;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts.slice(nameLength).join('/');
  const typesName = `@types/${name.replace(/^@/, '').replace('/', '__')}`;
  for (const folder of [packageWithoutExports(name), packageWithoutExports(typesName)]) {
    if (!folder) continue;
    if (existsSync(join(folder, `${subpath}.d.ts`))) return `${specifier}.js`;
    if (existsSync(join(folder, subpath, 'index.d.ts'))) return `${specifier}/index.js`;
  }
  return specifier;
}

for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.d.ts')) continue;
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  // `from '…'`, `import '…'` and `import('…')`, as tsc and ts-add-js-extension write them.
  const fixed = text.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\r\n]+)\2/g, (whole, before, quote, specifier) => `${before}${quote}${withExtension(specifier)}${quote}`);
  if (fixed !== text) writeFileSync(path, fixed);
}
