// Composes supergraph.yaml's subgraphs into schema/supergraph.graphql (npm run compose), or with
// --check fails when the committed file is stale (npm run compose:check, run in CI).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  composeSupergraph, loadSubgraphSources, readSupergraphConfig, renderSupergraphFile, verifySupergraphLoads,
} from '../gateway/src/composition.js';

const configPath = fileURLToPath(new URL('../supergraph.yaml', import.meta.url));
const outputPath = fileURLToPath(new URL('./supergraph.graphql', import.meta.url));
const check = process.argv.includes('--check');
const verbose = process.argv.includes('--verbose');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const config = await readSupergraphConfig(configPath).catch((err: Error) => fail(err.message));
const sources = await loadSubgraphSources(config).catch((err: Error) => fail(err.message));
const result = composeSupergraph(sources);
if (!result.ok) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const e of result.errors) console.error(`  [${e.subgraph ?? 'supergraph'}] ${e.message}`);
  process.exit(1);
}
// Subgraphs describe shared types from their own side on purpose (`Sample`: "samples owns it;
// workflow adds ..."), so description hints are expected; they are counted, and shown with --verbose.
const descriptionHint = (message: string) => message.startsWith('INCONSISTENT_DESCRIPTION');
const hints = result.hints.map((h) => h.message);
for (const hint of hints.filter((h) => verbose || !descriptionHint(h))) console.warn(`hint: ${hint}`);
const hidden = hints.filter(descriptionHint).length;
if (hidden && !verbose) console.log(`${hidden} description hint(s) (each subgraph describes shared types from its side); --verbose shows them.`);

await verifySupergraphLoads(result.supergraphSdl).catch((err: Error) => fail(`The composed supergraph does not load in @apollo/gateway: ${err.message}`));

const rendered = renderSupergraphFile(result.supergraphSdl);
if (check) {
  const committed = await readFile(outputPath, 'utf8').catch(() => null);
  if (committed !== rendered) fail(`schema/supergraph.graphql is ${committed === null ? 'missing' : 'stale'}: run \`npm run compose\` and commit the result.`);
  console.log(`schema/supergraph.graphql is up to date (${sources.length} subgraphs).`);
} else {
  await writeFile(outputPath, rendered);
  console.log(`Wrote schema/supergraph.graphql from ${sources.length} subgraphs.`);
}
