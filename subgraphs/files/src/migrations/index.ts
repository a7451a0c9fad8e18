import { Migration20261123181532Initial } from './Migration20261123181532Initial.js';
import { Migration20261202155853Versions } from './Migration20261202155853Versions.js';
import { Migration20261203073856LegalHolds } from './Migration20261203073856LegalHolds.js';

/** Forward-only migrations, in order. Generate the next with scripts/generate-migration.ts. */
export const migrations = [Migration20261123181532Initial, Migration20261202155853Versions, Migration20261203073856LegalHolds];
