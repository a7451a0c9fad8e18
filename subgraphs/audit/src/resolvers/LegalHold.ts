import type { LegalHold as LegalHoldEntity } from '../entities/index.js';

export const LegalHold = {
  from: (hold: LegalHoldEntity) => hold.fromTime,
  to: (hold: LegalHoldEntity) => hold.toTime,
};
