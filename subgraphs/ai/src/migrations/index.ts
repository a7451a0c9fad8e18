import { Migration20261123181202Initial } from './Migration20261123181202Initial.js';
import { Migration20261202161022PdfJobs } from './Migration20261202161022PdfJobs.js';
import { Migration20261203144800SampleLinks } from './Migration20261203144800SampleLinks.js';

/** Forward-only migrations, in order. Generate the next with scripts/generate-migration.ts. */
export const migrations = [Migration20261123181202Initial, Migration20261202161022PdfJobs, Migration20261203144800SampleLinks];
