import { createEventConsumer, EventTypes, type BackgroundTask } from '@app/common';
import { CONSUMER_GROUP, type WorkflowDeps } from '../deps.js';
import { SampleSyncService } from '../services/sample-sync.service.js';

/** SampleCreated applied this many at a time (one transaction): an import creates them by the thousand. */
export const SAMPLE_CREATED_BATCH = 500;

/**
 * Reads samples' events (group `workflow`), each at most once; events it cannot use are dead-lettered.
 * Runs of SampleCreated are applied together, everything else one event at a time, in stream order.
 */
export function createSampleEventsConsumer(deps: WorkflowDeps): BackgroundTask {
  const sync = new SampleSyncService(deps);
  return createEventConsumer({
    name: 'workflow-sample-events', group: CONSUMER_GROUP, deps,
    types: [EventTypes.SampleCreated, EventTypes.SamplePriorityChanged, EventTypes.SubmissionReceived, EventTypes.SampleArchived],
    apply: (em, event) => sync.handle(em, event),
    batch: { types: [EventTypes.SampleCreated], size: SAMPLE_CREATED_BATCH, apply: (em, events) => sync.samplesCreated(em, events) },
  });
}
