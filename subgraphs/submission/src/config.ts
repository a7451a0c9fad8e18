import { z } from 'zod';
import { loadConfig } from '@app/common';

/** Variables only the submission subgraph reads (the shared ones are parsed by the runtime). */
export const submissionEnvSchema = z.object({
  /** Largest CSV (characters) or XLSX (bytes, after base64 decoding) accepted. */
  INTAKE_MAX_BYTES: z.coerce.number().int().min(1_000).max(20_000_000).default(2 * 1024 * 1024),
  INTAKE_MAX_ROWS: z.coerce.number().int().min(1).max(10_000).default(1_000),
  /** Chart fields are billing references; the pattern is per facility (domain.md §3.7). */
  INTAKE_CHART_FIELD_PATTERN: z.string().default('^(HTSF|NANO|SEQ)-\\d{3}$').transform((source, ctx) => {
    try {
      return new RegExp(source);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a regular expression' });
      return z.NEVER;
    }
  }),
});
export type SubmissionConfig = z.infer<typeof submissionEnvSchema>;

export const loadSubmissionConfig = (env: Record<string, string | undefined>): SubmissionConfig => loadConfig(submissionEnvSchema, env);
