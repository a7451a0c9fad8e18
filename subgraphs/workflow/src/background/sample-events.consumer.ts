import { createEventConsumer, EventTypes, type BackgroundTask } from '@app/common';
import { CONSUMER_GROUP, type WorkflowDeps } from '../deps.js';
import { SampleSyncService } from '../services/sample-sync.service.js';

/** Reads samples' events (group `workflow`), each at most once; events it cannot use are dead-lettered. */
export function createSampleEventsConsumer(deps: WorkflowDeps): BackgroundTask {
  const sync = new SampleSyncService(deps);
  return createEventConsumer({
    name: 'workflow-sample-events', group: CONSUMER_GROUP, deps,
    types: [EventTypes.SampleCreated, EventTypes.SamplePriorityChanged, EventTypes.SubmissionReceived, EventTypes.SampleArchived],
    apply: (em, event) => sync.handle(em, event),
  });
}
