import type { BackgroundTask } from '@app/common';
import type { WorkflowDeps } from '../deps.js';
import { FlowCellExpiryService } from '../services/lab/flow-cell-expiry.service.js';

/** Runs the flow-cell expiry scan every WORKFLOW_FLOWCELL_EXPIRY_SCAN_MS; one scan at a time, errors logged and retried next tick. */
export function createFlowCellExpiryScheduler(deps: WorkflowDeps): BackgroundTask {
  const service = new FlowCellExpiryService(deps);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = service.scan()
      .then((n) => { if (n) deps.logger.info({ emitted: n }, 'flow cells expiring soon'); })
      .catch((err) => deps.logger.error({ err }, 'flow-cell expiry scan failed'))
      .finally(() => { running = null; });
  };
  return {
    name: 'workflow-flow-cell-expiry-scheduler',
    async start() {
      if (!deps.config.lab.expiryScanEnabled) return;
      timer = setInterval(tick, deps.config.lab.expiryScanMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
