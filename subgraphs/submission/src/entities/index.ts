import { IntakeJob } from './intake-job.entity.js';
import { IntakeRow } from './intake-row.entity.js';

export { IntakeJob, IntakeRow };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [IntakeJob, IntakeRow];
