import { Migration20261123181854Initial } from './Migration20261123181854Initial.js';
import { Migration20261202155946SampleExternalKey } from './Migration20261202155946SampleExternalKey.js';
import { Migration20261203143000SampleLowerNameIndex } from './Migration20261203143000SampleLowerNameIndex.js';
import { Migration20261207140000SampleCounts } from './Migration20261207140000SampleCounts.js';
import { Migration20261207150000SampleSubmittedStatusRank } from './Migration20261207150000SampleSubmittedStatusRank.js';

/** Forward-only migrations, in order. Generate the next with scripts/generate-migration.ts. */
export const migrations = [
  Migration20261123181854Initial, Migration20261202155946SampleExternalKey, Migration20261203143000SampleLowerNameIndex,
  Migration20261207140000SampleCounts, Migration20261207150000SampleSubmittedStatusRank,
];
