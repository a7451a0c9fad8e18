import { AcceptedExtraction } from './accepted-extraction.entity.js';
import { IntakeJob } from './intake-job.entity.js';
import { IntakeRow } from './intake-row.entity.js';

export { AcceptedExtraction, IntakeJob, IntakeRow };
export type { AcceptedSampleRow } from './accepted-extraction.entity.js';
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [AcceptedExtraction, IntakeJob, IntakeRow];
