import { ExtractionJob } from './extraction-job.entity.js';
import { ExtractionResult } from './extraction-result.entity.js';
import { ExtractionSampleLink } from './extraction-sample-link.entity.js';
import { ExtractionSource } from './extraction-source.entity.js';
import { FieldCorrection } from './field-correction.entity.js';
import { KnownFile } from './known-file.entity.js';

export { ExtractionJob, ExtractionResult, ExtractionSampleLink, ExtractionSource, FieldCorrection, KnownFile };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [ExtractionJob, ExtractionResult, ExtractionSource, KnownFile, FieldCorrection, ExtractionSampleLink];
