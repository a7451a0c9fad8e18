import type { BackgroundTask } from '@app/common';
import type { WorkflowDeps } from '../deps.js';
import { DeliveryWorker } from '../services/notifications/delivery-worker.js';

export interface DeliveryWorkerTask extends BackgroundTask {
  /** Wakes the worker now (new deliveries were committed) instead of at the next interval. */
  kick(): void;
  worker: DeliveryWorker;
}

/** Drains the delivery outbox every NOTIFY_WORKER_INTERVAL_MS and whenever kicked; one drain at a time. */
export function createDeliveryWorkerTask(deps: WorkflowDeps): DeliveryWorkerTask {
  const { notify } = deps.config;
  const worker = new DeliveryWorker(deps.orm, deps.schema, notify, deps.logger, deps.now);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  const tick = () => {
    if (stopped) return;
    if (running) { again = true; return; }
    running = worker.drain()
      .then(() => undefined)
      .catch((err) => deps.logger.error({ err }, 'notification delivery drain failed'))
      .finally(() => {
        running = null;
        if (again) { again = false; tick(); }
      });
  };
  return {
    name: 'workflow-notification-delivery',
    worker,
    kick: tick,
    async start() {
      if (!notify.worker.enabled) return;
      stopped = false;
      timer = setInterval(tick, notify.worker.intervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      worker.close();
    },
  };
}
