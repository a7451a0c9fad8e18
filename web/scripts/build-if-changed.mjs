// `npm run build` calls this: it regenerates types and rebuilds dist/ only when an input changed,
// so a repeated `npm start` costs a hash of the sources rather than a full Vite build.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const web = join(import.meta.dirname, '..');
const inputs = ['src', 'index.html', 'graphiql.html', 'vite.config.ts', 'scripts/codegen.ts', 'scripts/inline-documents.ts', 'package.json', '../schema/supergraph.graphql'];
const stampFile = join(web, 'dist', '.build-hash');

function* files(path) {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) if (name !== 'gql') yield* files(join(path, name));
  } else yield path;
}

function inputHash() {
  const hash = createHash('sha256');
  for (const input of inputs) for (const file of files(join(web, input))) hash.update(relative(web, file)).update(readFileSync(file));
  return hash.digest('hex');
}

const hash = inputHash();
const built = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash && existsSync(join(web, 'dist', 'index.html'));
if (built && !process.argv.includes('--force')) {
  console.log('web: dist/ is up to date');
} else {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/codegen.ts'], { cwd: web, stdio: 'inherit' });
  execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
  writeFileSync(stampFile, hash);
}
