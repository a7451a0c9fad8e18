import type { BackgroundTask } from '@app/common';
import type { WorkflowDeps } from '../deps.js';
import { OverdueService } from '../services/overdue.service.js';

/** Runs the overdue scan every WORKFLOW_OVERDUE_SCAN_MS; one scan at a time, errors logged and retried next tick. */
export function createOverdueScheduler(deps: WorkflowDeps): BackgroundTask {
  const service = new OverdueService(deps);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = service.scan()
      .then((n) => { if (n) deps.logger.info({ emitted: n }, 'samples flagged overdue'); })
      .catch((err) => deps.logger.error({ err }, 'overdue scan failed'))
      .finally(() => { running = null; });
  };
  return {
    name: 'workflow-overdue-scheduler',
    async start() {
      if (!deps.config.overdueScanEnabled) return;
      timer = setInterval(tick, deps.config.overdueScanMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
