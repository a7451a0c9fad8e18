import { z } from 'zod';
import { envBoolean, loadConfig } from '@app/common';

const minutes = (fallback: number, max = 60 * 24 * 365) => z.coerce.number().int().min(1).max(max).default(fallback);

/** argon2id cost; the defaults take about 85 ms per hash on the 2-core reference machine (README). */
export const passwordHashEnvSchema = z.object({
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(8_192).max(1_048_576).default(65_536),
  ARGON2_TIME_COST: z.coerce.number().int().min(1).max(20).default(2),
  ARGON2_PARALLELISM: z.coerce.number().int().min(1).max(16).default(4),
});

/** Variables only the auth subgraph reads (the shared ones are parsed by the runtime). */
export const authEnvSchema = z.object({
  AUTH_ISSUER: z.string().min(1).default('nanopore-auth'),
  AUTH_AUDIENCE: z.string().min(1).default('nanopore-api'),
  AUTH_SIGNING_KEY: z.string().min(1).optional(),
  AUTH_SIGNING_KID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, dot, dash or underscore').optional(),
  AUTH_KEYS_DIR: z.string().min(1).optional(),
  AUTH_RETIRED_PUBLIC_KEYS: z.string().min(1).optional(),
  ACCESS_TOKEN_MINUTES: minutes(15, 60),
  REFRESH_TOKEN_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Seconds a just-spent refresh token may be presented again without counting as theft (0 turns the grace off). */
  AUTH_REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  PASSWORD_RESET_MINUTES: minutes(60, 24 * 60),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_FAILURE_WINDOW_MINUTES: minutes(15),
  LOGIN_LOCK_MINUTES: minutes(30),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(50),
  ...passwordHashEnvSchema.shape,
  API_TOKEN_DEFAULT_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  API_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  ADMIN_EMAIL: z.string().email('must be an email address').optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  ADMIN_NAME: z.string().min(1).max(200).default('Administrator'),
  AUTH_GENERATE_ADMIN: envBoolean(false),
}).superRefine((c, ctx) => {
  if (!c.AUTH_SIGNING_KEY && !c.AUTH_KEYS_DIR) ctx.addIssue({ code: 'custom', path: ['AUTH_SIGNING_KEY'], message: 'set AUTH_SIGNING_KEY (PEM) or AUTH_KEYS_DIR (keys generated and kept there)' });
  if (c.AUTH_SIGNING_KEY && !c.AUTH_SIGNING_KID) ctx.addIssue({ code: 'custom', path: ['AUTH_SIGNING_KID'], message: 'is required with AUTH_SIGNING_KEY' });
  if (!!c.ADMIN_EMAIL !== !!c.ADMIN_PASSWORD) ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
  if (c.API_TOKEN_DEFAULT_DAYS > c.API_TOKEN_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['API_TOKEN_DEFAULT_DAYS'], message: 'must not exceed API_TOKEN_MAX_DAYS' });
});
export type AuthConfig = z.infer<typeof authEnvSchema>;

export const loadAuthConfig = (env: Record<string, string | undefined>): AuthConfig => loadConfig(authEnvSchema, env);
