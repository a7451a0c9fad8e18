import type { Server } from 'node:http';
import type { Logger } from './logger.js';

export type ShutdownStep = { name: string; run: () => Promise<void> | void };

/** Closes an HTTP server, ending idle keep-alive sockets so it does not wait for them. */
export function closeHttpServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err && (err as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING' ? reject(err) : resolve()));
    server.closeIdleConnections();
  });
}

/** Runs steps in order, logging and continuing past failures so one stuck resource cannot block the rest. */
export async function runShutdown(steps: ShutdownStep[], logger: Logger): Promise<void> {
  for (const step of steps) {
    try {
      await step.run();
    } catch (err) {
      logger.error({ err, step: step.name }, 'shutdown step failed');
    }
  }
}

/**
 * On SIGTERM/SIGINT: drain (stop accepting, finish in-flight requests and sockets), close resources,
 * exit. A second signal, or the deadline passing, exits at once.
 */
export function registerShutdown(steps: ShutdownStep[], logger: Logger, deadlineMs = 15_000): void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) process.exit(1);
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => { logger.error('shutdown deadline passed; exiting'); process.exit(1); }, deadlineMs);
    deadline.unref();
    void runShutdown(steps, logger).then(() => process.exit(0));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
