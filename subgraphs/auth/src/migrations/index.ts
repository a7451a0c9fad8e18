import { Migration20261123183055Initial } from './Migration20261123183055Initial.js';

/** Forward-only migrations, in order. Generate the next with scripts/generate-migration.ts. */
export const migrations = [Migration20261123183055Initial];
