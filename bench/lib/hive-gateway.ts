/**
 * Hive Gateway (`@graphql-hive/gateway`, a dev dependency of bench/ only) on our composed
 * supergraph, in a child process of its own so its CPU and RSS are its own. It reaches the
 * subgraphs at the URLs given (the embedded system's) and sends each subgraph call the same
 * internal token our gateway sends: minted per subgraph (audience = its name) for one fixed
 * principal by the same `InternalTokenIssuer` (so the same per-caller token cache). It does not
 * verify a client JWT: the caller is fixed, which spares it work our gateway does per request.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type RequestListener } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClientInfo, Principal } from '@app/common';

export interface HiveGatewaySpec {
  supergraphPath: string;
  /** Subgraph name (as in the supergraph's join__Graph) → GraphQL URL. */
  subgraphUrls: Record<string, string>;
  privateKeyPem: string;
  principal: Principal;
  client: ClientInfo;
  /**
   * Hive's HTTP executor merges identical in-flight subgraph requests (on by default). With many
   * clients sending one query as one caller, that answers several clients with one subgraph call,
   * which neither our gateway nor the direct path does: the benchmark runs Hive both ways.
   */
  deduplicateInflightRequests: boolean;
}

export interface HiveGateway {
  url: string;
  pid: number;
  rssMb(): Promise<number>;
  stop(): void;
}

/** The part of Hive Gateway's `createGatewayRuntime` options used here. */
interface HiveConfig {
  supergraph: string;
  transportEntries: Record<string, { location: string; options: { deduplicateInflightRequests: boolean } }>;
  propagateHeaders: { fromClientToSubgraphs: (payload: { subgraphName: string }) => Promise<Record<string, string>> };
  logging: 'error';
  graphiql: false;
  landingPage: false;
}

type FromChild = { type: 'ready'; url: string } | { type: 'rss'; bytes: number } | { type: 'failed'; message: string };

/** Starts Hive Gateway in a child process and resolves once it listens. */
export function startHiveGateway(spec: HiveGatewaySpec): Promise<HiveGateway> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--hive-child'], { stdio: 'inherit', execArgv: ['--import', 'tsx'] });
  const next = <T extends FromChild['type']>(type: T) => new Promise<Extract<FromChild, { type: T }>>((resolve, reject) => {
    const on = (m: FromChild) => {
      if (m.type === 'failed') reject(new Error(`hive gateway: ${m.message}`));
      else if (m.type === type) resolve(m as Extract<FromChild, { type: T }>);
      else return;
      child.off('message', on);
    };
    child.on('message', on);
  });
  const ready = next('ready');
  child.send(spec);
  return ready.then(({ url }) => ({
    url,
    pid: child.pid!,
    rssMb: async () => { const rss = next('rss'); child.send('rss'); return Math.round((await rss).bytes / 1048576); },
    stop: () => { child.kill(); },
  }));
}

async function serve(spec: HiveGatewaySpec): Promise<void> {
  // Imported by a name TypeScript does not resolve: its typings pull in the DOM library (through
  // @whatwg-node), which would retype fetch and Buffer for every file the test config checks.
  const hivePackage: string = '@graphql-hive/gateway';
  const { createGatewayRuntime } = await import(hivePackage) as { createGatewayRuntime: (config: HiveConfig) => RequestListener };
  const { INTERNAL_TOKEN_HEADER, InternalTokenIssuer, importPrivateKey } = await import('@app/common');
  const issuer = new InternalTokenIssuer(await importPrivateKey(spec.privateKeyPem));
  const gateway = createGatewayRuntime({
    supergraph: readFileSync(spec.supergraphPath, 'utf8'),
    transportEntries: Object.fromEntries(Object.entries(spec.subgraphUrls).map(([name, location]) =>
      [name, { location, options: { deduplicateInflightRequests: spec.deduplicateInflightRequests } }])),
    propagateHeaders: {
      fromClientToSubgraphs: async ({ subgraphName }) => ({ [INTERNAL_TOKEN_HEADER]: await issuer.issue(subgraphName, spec.principal, spec.client) }),
    },
    logging: 'error',
    graphiql: false,
    landingPage: false,
  });
  const server = createServer(gateway);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  process.send!({ type: 'ready', url: `http://127.0.0.1:${address.port}/graphql` } satisfies FromChild);
}

if (process.argv.includes('--hive-child')) {
  // The benchmark that started it is gone (finished or crashed): do not linger.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: HiveGatewaySpec | 'rss') => {
    if (m === 'rss') process.send!({ type: 'rss', bytes: process.memoryUsage().rss } satisfies FromChild);
    else serve(m).catch((err: Error) => { process.send!({ type: 'failed', message: err.stack ?? err.message } satisfies FromChild); });
  });
}
