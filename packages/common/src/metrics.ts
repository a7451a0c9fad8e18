import { Registry, collectDefaultMetrics, Gauge, Histogram, Counter } from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';

export interface ServiceMetrics {
  registry: Registry;
  operationDuration: Histogram<'operation' | 'type' | 'outcome'>;
  operationErrors: Counter<'operation' | 'code'>;
}

let processRegistry: Registry | undefined;

/**
 * Node's default metrics (CPU, memory, GC, event-loop lag) describe the process, so they are
 * collected once per process: embedded mode runs eight services in one, and each collecting them
 * kept eight event-loop-delay monitors (a 10 ms timer each) and eight GC observers (bench/README.md, memory).
 */
function processMetrics(): Registry {
  if (processRegistry) return processRegistry;
  processRegistry = new Registry();
  collectDefaultMetrics({ register: processRegistry });
  // Node's default metrics stop at `external`, which in embedded mode is mostly PGlite's WebAssembly
  // memory; the ArrayBuffers inside it (Node Buffers: sockets, request bodies) are what grows with traffic.
  new Gauge({
    name: 'nodejs_array_buffers_bytes',
    help: 'Memory allocated for ArrayBuffers and SharedArrayBuffers (Node Buffers included), part of external memory',
    registers: [processRegistry],
    collect() { this.set(process.memoryUsage().arrayBuffers); },
  });
  return processRegistry;
}

/** A registry per service (so several services can share one process): its own metrics, and the process's labelled with it. */
export function createMetrics(service: string): ServiceMetrics {
  const own = new Registry();
  const operationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time to execute one GraphQL operation, by operation name and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [own],
  });
  const operationErrors = new Counter({
    name: 'graphql_operation_errors_total',
    help: 'GraphQL errors returned, by operation name and error code',
    labelNames: ['operation', 'code'] as const,
    registers: [own],
  });
  const registry = Registry.merge([own, processMetrics()]);
  registry.setDefaultLabels({ service });
  return { registry, operationDuration, operationErrors };
}

/** Apollo plugin timing every operation; unnamed operations are grouped so label cardinality stays bounded. */
export function metricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(ctx) {
          const operation = ctx.operationName ?? (ctx.operation ? 'anonymous' : 'invalid');
          const type = ctx.operation?.operation ?? 'unknown';
          const errors = ctx.errors ?? [];
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.operationDuration.observe({ operation, type, outcome: errors.length ? 'error' : 'ok' }, seconds);
          for (const e of errors) metrics.operationErrors.inc({ operation, code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        },
      };
    },
  };
}
