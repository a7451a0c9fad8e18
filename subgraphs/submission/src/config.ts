import { z } from 'zod';
import { loadConfig } from '@app/common';

/** Variables only the submission subgraph reads (the shared ones are parsed by the runtime). */
export const submissionEnvSchema = z.object({
  /** Largest sheet accepted, in bytes (CSV as sent, XLSX after base64 decoding). */
  INTAKE_MAX_BYTES: z.coerce.number().int().min(1_000).max(100_000_000).default(20 * 1024 * 1024),
  /** Most data rows in one sheet. */
  INTAKE_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
});
export type SubmissionConfig = z.infer<typeof submissionEnvSchema>;

export const loadSubmissionConfig = (env: Record<string, string | undefined>): SubmissionConfig => loadConfig(submissionEnvSchema, env);
