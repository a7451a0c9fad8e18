import { createRequire } from 'node:module';
import { deferCommonJsModule } from '@app/common';

/**
 * Imported before @apollo/gateway (first import of every module that loads it): dependencies it
 * requires at import for paths this gateway never takes load on first use instead, ~8 MB of heap less
 * in every gateway (bench/README.md, memory). apollo-deferred-modules.test.ts checks that none loads
 * at import or when a gateway is built, and that they still work when used.
 */
const requireFromHere = createRequire(import.meta.url);

/**
 * utilities/opentelemetry.js requires everything its usage report to Apollo needs: OpenTelemetry's
 * metrics SDK, OTLP exporter, resources, four clouds' detectors and the incubating semantic
 * conventions (1.7 MB of source alone). Used only when that report is on (`APOLLO_TELEMETRY=true`;
 * off by default, see settleApolloTelemetry in server.ts).
 */
export const APOLLO_TELEMETRY_REQUIRER = requireFromHere.resolve('@apollo/gateway/dist/utilities/opentelemetry.js');

/** The two constants opentelemetry.js reads at its top level (its cloud attribute allow-list). */
export const SEMCONV_READ_AT_IMPORT = { ATTR_CLOUD_PROVIDER: 'cloud.provider', ATTR_CLOUD_PLATFORM: 'cloud.platform' };

export const APOLLO_TELEMETRY_MODULES = [
  '@opentelemetry/sdk-metrics', '@opentelemetry/resources', '@opentelemetry/exporter-metrics-otlp-http',
  '@opentelemetry/resource-detector-alibaba-cloud', '@opentelemetry/resource-detector-aws',
  '@opentelemetry/resource-detector-gcp', '@opentelemetry/resource-detector-azure',
  '@opentelemetry/semantic-conventions/incubating',
] as const;

for (const request of APOLLO_TELEMETRY_MODULES) {
  deferCommonJsModule(APOLLO_TELEMETRY_REQUIRER, request, request.endsWith('/incubating') ? SEMCONV_READ_AT_IMPORT : {});
}

/**
 * RemoteGraphQLDataSource's constructor builds a default fetcher with make-fetch-happen (and its
 * ~120 modules: cacache, minipass, proxy agents) that our data sources replace at once with their own
 * (subgraph-fetcher.ts). Its `defaults` is answered without loading it; the fetcher it returns loads
 * make-fetch-happen if it is ever called.
 */
export const REMOTE_DATA_SOURCE_REQUIRER = requireFromHere.resolve('@apollo/gateway/dist/datasources/RemoteGraphQLDataSource.js');

type Fetch = (...args: unknown[]) => unknown;
const makeFetchHappen = () => createRequire(REMOTE_DATA_SOURCE_REQUIRER)('make-fetch-happen') as { defaults(options: unknown): Fetch };
deferCommonJsModule(REMOTE_DATA_SOURCE_REQUIRER, 'make-fetch-happen', {
  default: { defaults: (options: unknown): Fetch => (...args) => makeFetchHappen().defaults(options)(...args) },
});
