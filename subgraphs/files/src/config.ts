import { z } from 'zod';
import { envBoolean, loadConfig } from '@app/common';

export const DEFAULT_ALLOWED_TYPES = [
  'application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'image/png', 'image/jpeg', 'text/plain',
].join(',');

const CLAMD_URL = /^(tcp:\/\/[^/:]+:\d{1,5}|unix:\/\/\/.+)$/;

/** Variables only the files subgraph reads (the shared ones are parsed by the runtime). */
export const filesEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  FILES_STORAGE: z.enum(['local', 's3']).default('local'),
  FILES_DIR: z.string().min(1).default('./data/files'),
  FILES_S3_BUCKET: z.string().min(3).max(63).optional(),
  FILES_S3_REGION: z.string().min(1).default('us-east-1'),
  /** An S3-compatible endpoint (MinIO, Ceph); unset: AWS itself. */
  FILES_S3_ENDPOINT: z.string().url('must be an http(s) URL').optional(),
  FILES_S3_FORCE_PATH_STYLE: envBoolean(false),
  FILES_S3_PREFIX: z.string().regex(/^([a-z0-9-]+\/)*$/, 'must be empty or end with / (lower-case letters, digits, -)').default(''),
  /** Unset: the AWS SDK's default credential chain (AWS_ACCESS_KEY_ID, profiles, instance roles). */
  FILES_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  FILES_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** HMAC key of signed upload and download URLs; every replica must share it. */
  FILES_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Base URL clients reach this service at (through the ingress); unset: URLs are relative paths. */
  FILES_PUBLIC_URL: z.string().url('must be an http(s) URL').transform((u) => u.replace(/\/+$/, '')).optional(),
  FILES_MAX_BYTES: z.coerce.number().int().min(1).max(2_147_483_647).default(50 * 1024 * 1024),
  /** Most bytes the files of one multipart request may carry together (`uploadFiles`); counted as they stream in. */
  FILES_MAX_REQUEST_BYTES: z.coerce.number().int().min(1).max(2_147_483_647).default(100 * 1024 * 1024),
  /** Most files one multipart request may carry (`uploadFiles`). */
  FILES_MAX_FILES: z.coerce.number().int().min(1).max(100).default(10),
  FILES_ALLOWED_TYPES: z.string().default(DEFAULT_ALLOWED_TYPES)
    .transform((list) => list.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))
    .refine((list) => list.length > 0, 'must list at least one content type'),
  FILES_UPLOAD_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  FILES_DOWNLOAD_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /** clamd to scan every upload with (INSTREAM): `tcp://host:3310` or `unix:///run/clamav/clamd.ctl`; unset: no scanning. */
  CLAMD_URL: z.string().regex(CLAMD_URL, 'must be tcp://host:port or unix:///path').optional(),
  FILES_SCAN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(120_000),
  /** How often quarantined versions left by a crash or a clamd outage are retried. */
  FILES_SCAN_RETRY_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
  /** A deleted file's bytes may be purged this many days after the delete, not before. */
  FILES_PURGE_AFTER_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
}).superRefine((env, ctx) => {
  // A per-process secret would break URLs across replicas and restarts: production must set one.
  if (env.NODE_ENV === 'production' && !env.FILES_SIGNING_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['FILES_SIGNING_SECRET'], message: 'is required in production' });
  }
  if (env.FILES_STORAGE === 's3' && !env.FILES_S3_BUCKET) {
    ctx.addIssue({ code: 'custom', path: ['FILES_S3_BUCKET'], message: 'is required when FILES_STORAGE is s3' });
  }
  if (Boolean(env.FILES_S3_ACCESS_KEY_ID) !== Boolean(env.FILES_S3_SECRET_ACCESS_KEY)) {
    ctx.addIssue({ code: 'custom', path: ['FILES_S3_SECRET_ACCESS_KEY'], message: 'must be set together with FILES_S3_ACCESS_KEY_ID' });
  }
});
export type FilesConfig = z.infer<typeof filesEnvSchema>;

export const loadFilesConfig = (env: Record<string, string | undefined>): FilesConfig => loadConfig(filesEnvSchema, env);
