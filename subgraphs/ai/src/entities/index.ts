import { ExtractionJob } from './extraction-job.entity.js';
import { ExtractionResult } from './extraction-result.entity.js';

export { ExtractionJob, ExtractionResult };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [ExtractionJob, ExtractionResult];
