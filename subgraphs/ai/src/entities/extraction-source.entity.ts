import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** The bytes a PDF job reads, kept so a job picked up again after a crash reads the same file. */
export const ExtractionSource = defineEntity({
  name: 'ExtractionSource',
  tableName: 'extraction_source',
  properties: {
    jobId: p.uuid().primary(),
    bytes: p.blob(),
    byteSize: p.integer(),
    sha256: p.string().length(64),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ExtractionSource = InferEntity<typeof ExtractionSource>;
