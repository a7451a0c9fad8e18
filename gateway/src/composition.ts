// First: @apollo/gateway's dependencies for paths we do not use load on use (see the module).
import './apollo-deferred-modules.js';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';

/** A subgraph entry of rover's `supergraph.yaml`, with its schema path made absolute. */
export interface SupergraphSubgraph {
  name: string;
  routingUrl: string;
  schemaFile: string;
}

export interface SupergraphConfig {
  federationVersion: string;
  subgraphs: SupergraphSubgraph[];
}

/** One subgraph's SDL as text, ready to compose. */
export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

/** `subgraph` is absent for problems of the supergraph as a whole. */
export interface CompositionProblem {
  subgraph?: string;
  message: string;
}

export type CompositionResult =
  | { ok: true; supergraphSdl: string; hints: CompositionProblem[] }
  | { ok: false; errors: CompositionProblem[] };

// Only local files: composition must work offline and in CI without rover or a registry.
const configSchema = z.object({
  federation_version: z.union([z.string(), z.number()]).transform(String),
  subgraphs: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'subgraph names are lower-case identifiers'), z.object({
    routing_url: z.string().url(),
    schema: z.object({ file: z.string().min(1, 'schema.file is required (only local SDL files are supported)') }),
  })),
});

/** Reads and validates rover's `supergraph.yaml`; schema files are resolved relative to it. */
export async function readSupergraphConfig(path: string): Promise<SupergraphConfig> {
  const parsed = configSchema.safeParse(parseYaml(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${path} is not a valid supergraph config:\n${problems.join('\n')}`);
  }
  const base = dirname(resolve(path));
  return {
    federationVersion: parsed.data.federation_version,
    subgraphs: Object.entries(parsed.data.subgraphs).map(([name, s]) => ({ name, routingUrl: s.routing_url, schemaFile: resolve(base, s.schema.file) })),
  };
}

/** Reads every subgraph's SDL file; every missing file is reported, each against its subgraph. */
export async function loadSubgraphSources(config: SupergraphConfig): Promise<SubgraphSource[]> {
  const results = await Promise.allSettled(config.subgraphs.map(async ({ name, routingUrl, schemaFile }) => ({
    name, url: routingUrl, sdl: await readFile(schemaFile, 'utf8'),
  })));
  const problems = results.flatMap((r, i) => (r.status === 'rejected'
    ? [`[${config.subgraphs[i]!.name}] cannot read ${config.subgraphs[i]!.schemaFile}: ${(r.reason as NodeJS.ErrnoException).code ?? (r.reason as Error).message}`]
    : []));
  if (problems.length) throw new Error(problems.join('\n'));
  return results.map((r) => (r as PromiseFulfilledResult<SubgraphSource>).value);
}

/** Composition messages start with `[subgraph]` when one subgraph is at fault. */
function toProblem(error: GraphQLError | Error, fallbackSubgraph?: string): CompositionProblem {
  const match = /^\[([^\]]+)\]\s*(.*)$/s.exec(error.message);
  return match ? { subgraph: match[1], message: match[2]! } : { subgraph: fallbackSubgraph, message: error.message };
}

function parseSources(sources: SubgraphSource[]): { services: { name: string; url: string; typeDefs: DocumentNode }[]; errors: CompositionProblem[] } {
  const services: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  const errors: CompositionProblem[] = [];
  for (const { name, url, sdl } of sources) {
    try {
      services.push({ name, url, typeDefs: parse(sdl) });
    } catch (err) {
      errors.push({ subgraph: name, message: `syntax error: ${(err as Error).message}` });
    }
  }
  return { services, errors };
}

/** Parses and composes subgraph SDLs into a supergraph, collecting every problem rather than the first. */
export function composeSupergraph(sources: SubgraphSource[]): CompositionResult {
  const { services, errors } = parseSources(sources);
  if (errors.length) return { ok: false, errors };
  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map((e) => toProblem(e)) };
  return { ok: true, supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => ({ message: `${h.definition.code}: ${h.message}` })) };
}

/**
 * Proves @apollo/gateway accepts the supergraph: composition succeeds for features the gateway
 * refuses to load (e.g. @authenticated), and a gateway that cannot load it cannot start.
 */
export async function verifySupergraphLoads(supergraphSdl: string): Promise<void> {
  const gateway = new ApolloGateway({ supergraphSdl, logger: { debug() {}, info() {}, warn() {}, error() {} } });
  try {
    await gateway.load();
  } finally {
    await gateway.stop().catch(() => undefined);
  }
}

const HEADER = '# Generated by `npm run compose` from supergraph.yaml and subgraphs/*/schema.graphql. Do not edit.\n';

/** The exact text committed as schema/supergraph.graphql. */
export function renderSupergraphFile(supergraphSdl: string): string {
  return `${HEADER}${supergraphSdl.trimEnd()}\n`;
}
