import { Migration20261123181911Initial } from './Migration20261123181911Initial.js';
import { Migration20261202160206IntakeCommit } from './Migration20261202160206IntakeCommit.js';
import { Migration20261203082500AcceptedExtractions } from './Migration20261203082500AcceptedExtractions.js';

/** Forward-only migrations, in order. Generate the next with scripts/generate-migration.ts. */
export const migrations = [Migration20261123181911Initial, Migration20261202160206IntakeCommit, Migration20261203082500AcceptedExtractions];
