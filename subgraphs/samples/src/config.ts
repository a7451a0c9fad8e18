import { z } from 'zod';
import { loadConfig } from '@app/common';

/** Variables only the samples subgraph reads (the shared ones are parsed by the runtime). */
export const samplesEnvSchema = z.object({
  SUBMISSION_NUMBER_PREFIX: z.string().regex(/^[A-Z]{2,8}$/, 'must be 2-8 capital letters').default('SUB'),
});
export type SamplesConfig = z.infer<typeof samplesEnvSchema>;

export const loadSamplesConfig = (env: Record<string, string | undefined>): SamplesConfig => loadConfig(samplesEnvSchema, env);
