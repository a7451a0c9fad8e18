import { createEventConsumer, EventTypes, type BackgroundTask } from '@app/common';
import type { AiDeps } from '../deps.js';
import { recordSampleLinks } from '../services/sample-links.js';

export const SAMPLE_LINKS_GROUP = 'ai-sample-links';

/** Consumes the submission subgraph's IntakeRowsCommitted (group `ai-sample-links`), once each: the samples made from a PDF job's rows. */
export const createSampleLinksConsumer = (deps: AiDeps): BackgroundTask => createEventConsumer({
  name: 'ai-sample-links-consumer', group: SAMPLE_LINKS_GROUP, deps, types: [EventTypes.IntakeRowsCommitted],
  apply: (em, event) => recordSampleLinks(em, event),
});
