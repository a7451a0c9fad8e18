import { createEventConsumer, EventTypes, type BackgroundTask } from '@app/common';
import { CONSUMER_GROUP, type FilesDeps } from '../deps.js';
import { LegalHoldService } from '../services/legal-hold.service.js';

/** Keeps the legal holds purges consult (group `files`), each event applied once; events it cannot use are dead-lettered. */
export function createLegalHoldsConsumer(deps: FilesDeps): BackgroundTask {
  const holds = new LegalHoldService();
  return createEventConsumer({
    name: 'files-legal-holds', group: CONSUMER_GROUP, deps, types: [EventTypes.LegalHoldPlaced, EventTypes.LegalHoldReleased],
    apply: (em, event) => holds.apply(em, event),
  });
}
