import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
const REDACTED_PATHS = [
  'password', '*.password', 'currentPassword', '*.currentPassword', 'newPassword', '*.newPassword',
  'token', '*.token', 'accessToken', '*.accessToken', 'refreshToken', '*.refreshToken',
  'authorization', '*.authorization', 'req.headers.authorization', 'headers.authorization',
  '*.headers["x-internal-token"]', 'secret', '*.secret', 'variables.password', 'variables.*.password',
];

/** The same keys, matched at any depth (the paths above only reach one or two levels). */
const REDACTED_KEYS = new Set([
  'password', 'currentpassword', 'newpassword', 'token', 'accesstoken', 'refreshtoken', 'authorization', 'x-internal-token', 'secret',
]);
const CENSOR = '[redacted]';

/** Copies plain objects and arrays, censoring sensitive keys at any depth; other values (errors, dates) are left to pino. */
function censorDeep(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 10) return value;
  if (Array.isArray(value)) return value.map((v) => censorDeep(v, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = REDACTED_KEYS.has(key.toLowerCase()) ? CENSOR : censorDeep(v, depth + 1);
  return out;
}

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where lines go; tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream;
}

/** JSON logger tagged with the service name; secrets are redacted at the source. */
export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: service,
      level: options.level ?? 'info',
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      formatters: { log: (object) => censorDeep(object) as Record<string, unknown> },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** Child logger for one request, so every line carries its request and correlation ids. */
export function requestLogger(logger: Logger, ids: { requestId: string; correlationId: string }): Logger {
  return logger.child({ requestId: ids.requestId, correlationId: ids.correlationId });
}
