import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@app/common';

/** A logger that keeps every line, so tests can assert what was (and was not) logged. */
export function captureLogger(service = 'test', level: 'debug' | 'info' | 'silent' = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { logger: createLogger(service, { level, destination }), lines };
}

/** A logger for tests that prints only warnings and worse (LOG_LEVEL overrides). */
export function testLogger(service = 'test'): Logger {
  return createLogger(service, { level: (process.env.LOG_LEVEL as 'warn') ?? 'warn' });
}
