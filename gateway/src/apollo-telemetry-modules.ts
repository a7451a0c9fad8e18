import { createRequire } from 'node:module';
import { deferCommonJsModule } from '@app/common';

/**
 * Imported before @apollo/gateway (first import of every module that loads it). Its
 * utilities/opentelemetry.js requires, at the top, everything its usage report to Apollo needs:
 * OpenTelemetry's metrics SDK, OTLP exporter, resources, four clouds' detectors and the incubating
 * semantic conventions (1.7 MB of source alone). They are used only when that report is on
 * (`APOLLO_TELEMETRY=true`; off by default, see settleApolloTelemetry in server.ts), so they load on
 * first use: ~6 MB of heap less in every gateway (bench/README.md, memory).
 * apollo-telemetry-modules.test.ts checks that none loads at import and that they still work.
 */
export const APOLLO_TELEMETRY_REQUIRER = createRequire(import.meta.url).resolve('@apollo/gateway/dist/utilities/opentelemetry.js');

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
