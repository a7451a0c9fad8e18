import { Migration20261123181615Initial } from './Migration20261123181615Initial.js';
import { Migration20261202155940Notifications } from './Migration20261202155940Notifications.js';
import { Migration20261203143101FlowCellsAndPools } from './Migration20261203143101FlowCellsAndPools.js';
import { Migration20261204013022SequencingRuns } from './Migration20261204013022SequencingRuns.js';
import { Migration20261204020000StepSignatures } from './Migration20261204020000StepSignatures.js';
import { Migration20261207135918PoolSequencingKit } from './Migration20261207135918PoolSequencingKit.js';

/** Forward-only migrations, in order. Generate the next with scripts/generate-migration.ts. */
export const migrations = [Migration20261123181615Initial, Migration20261202155940Notifications, Migration20261203143101FlowCellsAndPools, Migration20261204013022SequencingRuns, Migration20261204020000StepSignatures, Migration20261207135918PoolSequencingKit];
