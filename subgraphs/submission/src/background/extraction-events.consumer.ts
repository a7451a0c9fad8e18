import { createEventConsumer, EventTypes, type BackgroundTask } from '@app/common';
import type { SubmissionDeps } from '../deps.js';
import { recordAcceptedExtraction } from '../services/accepted-extraction.js';

export const EXTRACTIONS_GROUP = 'submission-extractions';

/** Consumes the ai subgraph's ExtractionAccepted events (group `submission-extractions`), once each. */
export const createAcceptedExtractionConsumer = (deps: SubmissionDeps): BackgroundTask => createEventConsumer({
  name: 'submission-extraction-consumer', group: EXTRACTIONS_GROUP, deps, types: [EventTypes.ExtractionAccepted],
  apply: (em, event) => recordAcceptedExtraction(em, event),
});
