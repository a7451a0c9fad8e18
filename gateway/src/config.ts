import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError, baseEnvSchema, envBoolean, envPort, loadConfig } from '@app/common';

/** The committed supergraph, found relative to this file so the working directory does not matter. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

/** The dashboard's built assets (`npm run build` writes them), relative to this file like the supergraph. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const SUBGRAPH_URL_PREFIX = 'SUBGRAPH_URL_';

const optionalBoolean = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes')
  .optional();

const limit = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/** Every variable the gateway reads; documented one by one in gateway/README.md. */
export const gatewayEnvSchema = baseEnvSchema.extend({
  PORT: envPort(4000),
  EMBEDDED: envBoolean(false),
  SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
  /** Signs the internal tokens subgraphs verify; the embedded runner passes an issuer instead. */
  INTERNAL_TOKEN_PRIVATE_KEY: z.string().min(1).optional(),
  AUTH_SERVICE_URL: z.string().url().optional(),
  SAMPLES_SERVICE_URL: z.string().url().optional(),
  /** Base URL the /files/* proxy forwards to (signed upload/download URLs). */
  FILES_SERVICE_URL: z.string().url().optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_PUBLIC_KEY: z.string().min(1).optional(),
  AUTH_ISSUER: z.string().min(1).default('nanopore-auth'),
  AUTH_AUDIENCE: z.string().min(1).default('nanopore-api'),
  AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  CORS_ORIGINS: z.string().default(''),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'must look like 512kb or 1mb').default('1mb'),
  MAX_QUERY_DEPTH: limit(15),
  MAX_QUERY_ALIASES: limit(30),
  MAX_QUERY_COST: limit(10_000),
  MAX_ROOT_FIELDS: limit(20),
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).default(20_000),
  /** Exports, chain verifications, imports... per caller per minute on each gateway process; 0 disables. */
  EXPENSIVE_OPERATIONS_PER_MINUTE: limit(30),
  GRAPHQL_INTROSPECTION: optionalBoolean,
  SANDBOX: optionalBoolean,
  /** Serve the web dashboard at / and GraphiQL at /graphiql (Apollo Sandbox moves to /sandbox). */
  WEB_APP: optionalBoolean,
  WEB_DIR: z.string().min(1).default(DEFAULT_WEB_DIR),
  SUBGRAPH_MAX_SOCKETS: z.coerce.number().int().min(1).max(1_000).default(50),
  /** Apollo's usage telemetry (an hourly report to Apollo, after probing cloud metadata endpoints): off unless asked for. */
  APOLLO_TELEMETRY: envBoolean(false),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** GraphQL multipart uploads (forwarded to files as a stream): per file, per request, how many, how long. */
  UPLOAD_MAX_FILE_BYTES: z.coerce.number().int().min(1).default(50 * 1024 * 1024),
  UPLOAD_MAX_REQUEST_BYTES: z.coerce.number().int().min(1).default(100 * 1024 * 1024),
  UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(100).default(10),
  UPLOAD_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(600_000),
  /** The event bus live subscriptions read (distributed mode); without it the gateway serves no subscriptions. */
  REDIS_URL: z.string().url('must be a redis:// URL').optional(),
  EVENT_STREAM: z.string().min(1).default('nanopore:events'),
  SUBSCRIPTIONS_MAX_PER_CONNECTION: z.coerce.number().int().min(1).max(1_000).default(20),
  SUBSCRIPTION_CONNECTION_INIT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  /** Sockets are closed (1012, the client reconnects) after this long, so load rebalances after scale-out; 0 disables. */
  SUBSCRIPTION_MAX_LIFETIME_MS: z.coerce.number().int().min(0).default(3_600_000),
});

type ParsedEnv = z.infer<typeof gatewayEnvSchema>;

export interface GatewayConfig extends Omit<ParsedEnv, 'CORS_ORIGINS' | 'GRAPHQL_INTROSPECTION' | 'SANDBOX' | 'WEB_APP'> {
  CORS_ORIGINS: string[];
  GRAPHQL_INTROSPECTION: boolean;
  SANDBOX: boolean;
  WEB_APP: boolean;
  /** `SUBGRAPH_URL_<NAME>` overrides, keyed by lower-case subgraph name. */
  subgraphUrls: Record<string, string>;
}

/** Reads `SUBGRAPH_URL_<NAME>` variables, which have no fixed names so zod cannot list them. */
function subgraphUrlOverrides(env: Record<string, string | undefined>): Record<string, string> {
  const urls: Record<string, string> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith(SUBGRAPH_URL_PREFIX) || !value) continue;
    if (!URL.canParse(value)) problems.push(`${key}: must be a URL`);
    else urls[key.slice(SUBGRAPH_URL_PREFIX.length).toLowerCase()] = value;
  }
  if (problems.length) throw new ConfigError(problems);
  return urls;
}

/** Developer conveniences default on only where nobody outside can reach them. */
function devDefault(env: ParsedEnv): boolean {
  return env.EMBEDDED || env.NODE_ENV === 'development';
}

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const parsed = loadConfig(gatewayEnvSchema, env);
  if (!parsed.EMBEDDED && !parsed.INTERNAL_TOKEN_PRIVATE_KEY) {
    throw new ConfigError(['INTERNAL_TOKEN_PRIVATE_KEY: the gateway signing key (PEM/PKCS8 or JWK JSON) is required']);
  }
  return Object.freeze({
    ...parsed,
    CORS_ORIGINS: parsed.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    GRAPHQL_INTROSPECTION: parsed.GRAPHQL_INTROSPECTION ?? devDefault(parsed),
    SANDBOX: parsed.SANDBOX ?? devDefault(parsed),
    WEB_APP: parsed.WEB_APP ?? parsed.EMBEDDED,
    subgraphUrls: subgraphUrlOverrides(env),
  });
}
