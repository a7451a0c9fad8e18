import type { BackgroundTask } from '@app/common';
import type { WorkflowDeps } from '../deps.js';
import { OverdueService } from '../services/overdue.service.js';
import { createScanScheduler } from './scan-scheduler.js';

/** Runs the overdue scan every WORKFLOW_OVERDUE_SCAN_MS. */
export function createOverdueScheduler(deps: WorkflowDeps): BackgroundTask {
  const service = new OverdueService(deps);
  return createScanScheduler({
    name: 'workflow-overdue-scheduler', enabled: deps.config.overdueScanEnabled, intervalMs: deps.config.overdueScanMs,
    scan: () => service.scan(), emitted: 'samples flagged overdue', failed: 'overdue scan failed', logger: deps.logger,
  });
}
