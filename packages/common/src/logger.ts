import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
const REDACTED_PATHS = [
  'password', '*.password', 'currentPassword', '*.currentPassword', 'newPassword', '*.newPassword',
  'token', '*.token', 'accessToken', '*.accessToken', 'refreshToken', '*.refreshToken',
  'authorization', '*.authorization', 'req.headers.authorization', 'headers.authorization',
  '*.headers["x-internal-token"]', 'secret', '*.secret', 'variables.password', 'variables.*.password',
];

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
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** Child logger for one request, so every line carries its request and correlation ids. */
export function requestLogger(logger: Logger, ids: { requestId: string; correlationId: string }): Logger {
  return logger.child({ requestId: ids.requestId, correlationId: ids.correlationId });
}
