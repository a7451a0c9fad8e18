import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A sample the samples subgraph created from a row of an accepted PDF job's sample table (via the
 * submission subgraph's intake commit, `IntakeRowsCommitted`): what makes `Sample.aiExtraction`
 * and `Sample.aiExtractedSample` of such a sample resolve. A sample comes from one row of one job.
 */
export const ExtractionSampleLink = defineEntity({
  name: 'ExtractionSampleLink',
  tableName: 'extraction_sample_link',
  properties: {
    sampleId: p.uuid().primary(),
    jobId: p.uuid(),
    /** The row's number as printed in the quote (`ExtractedSample.sampleNumber`); null when the intake could not tell. */
    sampleNumber: p.string().length(50).nullable(),
    /** The intake job that committed the row. */
    intakeJobId: p.uuid(),
    linkedAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ properties: ['jobId'] }],
});
export type ExtractionSampleLink = InferEntity<typeof ExtractionSampleLink>;
