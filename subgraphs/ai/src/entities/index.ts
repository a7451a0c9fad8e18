import { ExtractionJob } from './extraction-job.entity.js';
import { ExtractionResult } from './extraction-result.entity.js';
import { ExtractionSource } from './extraction-source.entity.js';
import { FieldCorrection } from './field-correction.entity.js';
import { KnownFile } from './known-file.entity.js';

export { ExtractionJob, ExtractionResult, ExtractionSource, FieldCorrection, KnownFile };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [ExtractionJob, ExtractionResult, ExtractionSource, KnownFile, FieldCorrection];
