import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  composeSupergraph, listSubgraphs, loadSubgraphSources, readSupergraphConfig, renderSupergraphFile, verifySupergraphLoads,
} from '../src/index.js';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';
const SAMPLES = `${LINK}\n type Query { sample(id: ID!): Sample }\n type Sample @key(fields: "id") { id: ID! name: String! }`;
const RUNS = `${LINK}\n type Sample @key(fields: "id") { id: ID! runs: [Run!]! }\n type Run { id: ID! }`;

describe('composeSupergraph', () => {
  it('composes valid subgraphs into a supergraph the gateway loads', async () => {
    const result = composeSupergraph([{ name: 'samples', url: 'http://samples:4001/graphql', sdl: SAMPLES }, { name: 'runs', url: 'http://runs:4002/graphql', sdl: RUNS }]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(listSubgraphs(result.supergraphSdl)).toEqual([{ name: 'runs', url: 'http://runs:4002/graphql' }, { name: 'samples', url: 'http://samples:4001/graphql' }]);
    await expect(verifySupergraphLoads(result.supergraphSdl)).resolves.toBeUndefined();
  });

  it('names the subgraph of a composition error', () => {
    const broken = RUNS.replace('@key(fields: "id")', '@key(fields: "nope")');
    const result = composeSupergraph([{ name: 'samples', url: 'http://s/graphql', sdl: SAMPLES }, { name: 'runs', url: 'http://r/graphql', sdl: broken }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ subgraph: 'runs', message: expect.stringContaining('Cannot query field "nope"') })]);
  });

  it('reports a syntax error per subgraph instead of throwing', () => {
    const result = composeSupergraph([{ name: 'samples', url: 'http://s/graphql', sdl: SAMPLES }, { name: 'runs', url: 'http://r/graphql', sdl: 'type Run {' }]);
    expect(result).toEqual({ ok: false, errors: [{ subgraph: 'runs', message: expect.stringMatching(/^syntax error: Syntax Error/) }] });
  });

  it('reports conflicting field types across subgraphs', () => {
    const clash = `${LINK}\n type Query { other: Int }\n type Sample @key(fields: "id") { id: ID! name: Int! }`;
    const result = composeSupergraph([{ name: 'samples', url: 'http://s/graphql', sdl: SAMPLES }, { name: 'other', url: 'http://o/graphql', sdl: clash }]);
    expect(result.ok).toBe(false);
  });

  it('refuses a supergraph @apollo/gateway cannot load', async () => {
    const authenticated = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@authenticated"])\n type Query { secret: String @authenticated }';
    const result = composeSupergraph([{ name: 'secret', url: 'http://x/graphql', sdl: authenticated }]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    await expect(verifySupergraphLoads(result.supergraphSdl)).rejects.toThrow(/unsupported/);
  });
});

describe('readSupergraphConfig', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'supergraph-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('reads rover format and resolves schema files relative to the config', async () => {
    await writeFile(join(dir, 'samples.graphql'), SAMPLES);
    await writeFile(join(dir, 'supergraph.yaml'), 'federation_version: =2.14.4\nsubgraphs:\n  samples:\n    routing_url: http://samples:4001/graphql\n    schema:\n      file: ./samples.graphql\n');
    const config = await readSupergraphConfig(join(dir, 'supergraph.yaml'));
    expect(config).toEqual({ federationVersion: '=2.14.4', subgraphs: [{ name: 'samples', routingUrl: 'http://samples:4001/graphql', schemaFile: join(dir, 'samples.graphql') }] });
    expect((await loadSubgraphSources(config))[0]!.sdl).toBe(SAMPLES);
  });

  it('explains what is wrong with an invalid config', async () => {
    await writeFile(join(dir, 'bad.yaml'), 'federation_version: 2\nsubgraphs:\n  samples:\n    routing_url: not-a-url\n    schema:\n      subgraph_url: http://x\n');
    await expect(readSupergraphConfig(join(dir, 'bad.yaml'))).rejects.toThrow(/subgraphs\.samples\.routing_url[\s\S]*subgraphs\.samples\.schema\.file/);
  });

  it('names the subgraph whose schema file is missing', async () => {
    await writeFile(join(dir, 'missing.yaml'), 'federation_version: 2\nsubgraphs:\n  ghost:\n    routing_url: http://ghost/graphql\n    schema:\n      file: ./ghost.graphql\n');
    await expect(loadSubgraphSources(await readSupergraphConfig(join(dir, 'missing.yaml')))).rejects.toThrow(/^\[ghost\] cannot read/);
  });
});

describe('the committed supergraph', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));

  it('matches a fresh composition of supergraph.yaml and loads in ApolloGateway', async () => {
    const config = await readSupergraphConfig(join(root, 'supergraph.yaml'));
    const result = composeSupergraph(await loadSubgraphSources(config));
    if (!result.ok) throw new Error(`composition failed:\n${result.errors.map((e) => `[${e.subgraph}] ${e.message}`).join('\n')}`);
    const committed = await readFile(join(root, 'schema/supergraph.graphql'), 'utf8');
    expect(committed).toBe(renderSupergraphFile(result.supergraphSdl));
    await verifySupergraphLoads(committed);
  });
});
