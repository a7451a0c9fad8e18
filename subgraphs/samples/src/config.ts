import { z } from 'zod';
import { loadConfig } from '@app/common';

/** Variables only the samples subgraph reads (the shared ones are parsed by the runtime). */
export const samplesEnvSchema = z.object({
  SUBMISSION_NUMBER_PREFIX: z.string().regex(/^[A-Z]{2,8}$/, 'must be 2-8 capital letters').default('SUB'),
  EXPORT_DIR: z.string().min(1).default('data/exports'),
  EXPORT_BATCH_SIZE: z.coerce.number().int().min(100).max(50_000).default(2_000),
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).default(2_000_000),
  /** Above this many rows (the planner's estimate) a filter the counters cannot answer gets the estimate as its total, not a count. */
  SAMPLE_COUNT_ESTIMATE_THRESHOLD: z.coerce.number().int().min(0).default(10_000),
  /** How often the counters' deltas are folded into their totals (services/sample-count-compactor.ts). */
  SAMPLE_COUNT_COMPACT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
});
export type SamplesConfig = z.infer<typeof samplesEnvSchema>;

export const loadSamplesConfig = (env: Record<string, string | undefined>): SamplesConfig => loadConfig(samplesEnvSchema, env);
