import { z } from 'zod';

/** Thrown when the environment does not satisfy a service's schema; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const booleanFromEnv = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

/** Parses a boolean written in an environment variable ("true", "1", "yes" and their opposites). */
export const envBoolean = (fallback: boolean) => booleanFromEnv.default(fallback);

/** Parses a port number written in an environment variable. */
export const envPort = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** Variables every service reads. Services extend this with their own. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('0.0.0.0'),
});

/** Variables of a service that owns data: its database, its schema and the event bus. */
export const dataServiceEnvSchema = baseEnvSchema.extend({
  DATABASE_URL: z.string().url('must be a postgres:// URL'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  REDIS_URL: z.string().url('must be a redis:// URL').optional(),
  EVENT_STREAM: z.string().min(1).default('nanopore:events'),
  INTERNAL_TOKEN_PUBLIC_KEY: z.string({ error: 'the gateway public key (PEM/SPKI or JWK JSON) is required' }).min(1, 'the gateway public key (PEM/SPKI or JWK JSON) is required'),
});

/**
 * Validates `env` against `schema`, collecting every problem before failing so an operator fixes
 * the whole environment in one pass rather than one variable per restart.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return Object.freeze(result.data) as z.infer<S>;
}
