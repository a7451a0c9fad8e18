import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

// @apollo/gateway's telemetry-only dependencies load on first use (src/apollo-deferred-modules.ts).
// Checked in a fresh process: jest's own module registry does not go through node's require cache.
const root = join(import.meta.dirname, '../..');

async function run(lines: string[]): Promise<Record<string, unknown>> {
  const script = [
    `const { createRequire } = await import('node:module');`,
    `const { isCommonJsModuleLoaded } = await import(${JSON.stringify(join(root, 'packages/common/src/index.ts'))});`,
    `const server = await import(${JSON.stringify(join(root, 'gateway/src/server.ts'))});`,
    `const deferred = await import(${JSON.stringify(join(root, 'gateway/src/apollo-deferred-modules.ts'))});`,
    `const loaded = () => deferred.APOLLO_TELEMETRY_MODULES.filter((m) => isCommonJsModuleLoaded(deferred.APOLLO_TELEMETRY_REQUIRER, m));`,
    `const out = {};`,
    ...lines,
    `console.log(JSON.stringify(out));`,
  ].join('\n');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root, env: { ...process.env, NODE_OPTIONS: '', APOLLO_TELEMETRY_DISABLED: 'true' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

describe("@apollo/gateway's deferred dependencies", () => {
  it('are not loaded by importing the gateway, nor by building one and loading its supergraph', async () => {
    const out = await run([
      `out.atImport = loaded();`,
      `const { ApolloGateway } = await import('@apollo/gateway');`,
      `const { readFileSync } = await import('node:fs');`,
      `const gateway = new ApolloGateway({ supergraphSdl: readFileSync(${JSON.stringify(join(root, 'schema/supergraph.graphql'))}, 'utf8'), logger: { debug() {}, info() {}, warn() {}, error() {} } });`,
      `server.parseSupergraphWithoutLocations(gateway);`,
      `const { schema } = await gateway.load();`,
      `out.hasQuery = !!schema.getQueryType();`,
      `out.afterLoad = loaded();`,
      `out.makeFetchHappen = isCommonJsModuleLoaded(deferred.REMOTE_DATA_SOURCE_REQUIRER, 'make-fetch-happen');`,
      `await gateway.stop();`,
    ]);
    expect(out).toEqual({ atImport: [], hasQuery: true, afterLoad: [], makeFetchHappen: false });
  });

  it('load on first use, and the constants read at import are the real ones', async () => {
    const out = await run([
      `const requireFromApollo = createRequire(deferred.APOLLO_TELEMETRY_REQUIRER);`,
      `out.resources = typeof requireFromApollo('@opentelemetry/resources').detectResourcesSync;`,
      `out.meterProvider = typeof requireFromApollo('@opentelemetry/sdk-metrics').MeterProvider;`,
      `const incubating = requireFromApollo('@opentelemetry/semantic-conventions/incubating');`,
      // Any other export loads the real module; the constants are then read from it.
      `out.hostArch = incubating.ATTR_HOST_ARCH;`,
      `out.constants = Object.keys(deferred.SEMCONV_READ_AT_IMPORT).filter((k) => incubating[k] !== deferred.SEMCONV_READ_AT_IMPORT[k]);`,
      `out.loaded = loaded();`,
      // The default fetcher RemoteGraphQLDataSource builds loads make-fetch-happen when called.
      `const { RemoteGraphQLDataSource } = await import('@apollo/gateway');`,
      `const fetcher = new RemoteGraphQLDataSource({ url: 'http://127.0.0.1:9/graphql' }).fetcher;`,
      `out.fetchError = await fetcher('http://127.0.0.1:9/graphql', { method: 'POST', body: '{}' }).then(() => null, (e) => e.code);`,
      `out.makeFetchHappen = isCommonJsModuleLoaded(deferred.REMOTE_DATA_SOURCE_REQUIRER, 'make-fetch-happen');`,
      `out.secondSource = typeof new RemoteGraphQLDataSource({ url: 'http://127.0.0.1:9/graphql' }).fetcher;`,
    ]);
    expect(out).toEqual({
      resources: 'function', meterProvider: 'function', hostArch: 'host.arch', constants: [],
      loaded: ['@opentelemetry/sdk-metrics', '@opentelemetry/resources', '@opentelemetry/semantic-conventions/incubating'],
      fetchError: 'ECONNREFUSED', makeFetchHappen: true, secondSource: 'function',
    });
  });
});
