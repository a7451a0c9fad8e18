import { z } from 'zod';
import { loadConfig } from '@app/common';

export const DEFAULT_ALLOWED_TYPES = [
  'application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'image/png', 'image/jpeg', 'text/plain',
].join(',');

/** Variables only the files subgraph reads (the shared ones are parsed by the runtime). */
export const filesEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  FILES_DIR: z.string().min(1).default('./data/files'),
  /** HMAC key of signed upload and download URLs; every replica must share it. */
  FILES_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Base URL clients reach this service at (through the ingress); unset: URLs are relative paths. */
  FILES_PUBLIC_URL: z.string().url('must be an http(s) URL').transform((u) => u.replace(/\/+$/, '')).optional(),
  FILES_MAX_BYTES: z.coerce.number().int().min(1).max(2_147_483_647).default(50 * 1024 * 1024),
  FILES_ALLOWED_TYPES: z.string().default(DEFAULT_ALLOWED_TYPES)
    .transform((list) => list.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))
    .refine((list) => list.length > 0, 'must list at least one content type'),
  FILES_UPLOAD_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  FILES_DOWNLOAD_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
}).superRefine((env, ctx) => {
  // A per-process secret would break URLs across replicas and restarts: production must set one.
  if (env.NODE_ENV === 'production' && !env.FILES_SIGNING_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['FILES_SIGNING_SECRET'], message: 'is required in production' });
  }
});
export type FilesConfig = z.infer<typeof filesEnvSchema>;

export const loadFilesConfig = (env: Record<string, string | undefined>): FilesConfig => loadConfig(filesEnvSchema, env);
