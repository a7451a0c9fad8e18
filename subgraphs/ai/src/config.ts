import { z } from 'zod';
import { loadConfig } from '@app/common';

/** Variables only the ai subgraph reads (the shared ones are parsed by the runtime). */
export const aiEnvSchema = z.object({
  /** Results below this confidence are flagged for a person to check. */
  AI_REVIEW_THRESHOLD: z.coerce.number().min(0).max(1).default(0.95),
  /** Largest pasted text accepted, in characters. */
  AI_MAX_TEXT_CHARS: z.coerce.number().int().min(100).max(1_000_000).default(200_000),
});
export type AiConfig = z.infer<typeof aiEnvSchema>;

export const loadAiConfig = (env: Record<string, string | undefined>): AiConfig => loadConfig(aiEnvSchema, env);
