import type { BackgroundTask } from '@app/common';
import type { WorkflowDeps } from '../deps.js';
import { FlowCellExpiryService } from '../services/lab/flow-cell-expiry.service.js';
import { createScanScheduler } from './scan-scheduler.js';

/** Runs the flow-cell expiry scan every WORKFLOW_FLOWCELL_EXPIRY_SCAN_MS. */
export function createFlowCellExpiryScheduler(deps: WorkflowDeps): BackgroundTask {
  const service = new FlowCellExpiryService(deps);
  return createScanScheduler({
    name: 'workflow-flow-cell-expiry-scheduler', enabled: deps.config.lab.expiryScanEnabled, intervalMs: deps.config.lab.expiryScanMs,
    scan: () => service.scan(), emitted: 'flow cells expiring soon', failed: 'flow-cell expiry scan failed', logger: deps.logger,
  });
}
