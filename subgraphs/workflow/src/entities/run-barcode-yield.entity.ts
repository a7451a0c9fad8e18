import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SequencingRun } from './sequencing-run.entity.js';

/**
 * One barcode's yield in a run, from the sequencing summary: mapped back to the pool member on that
 * barcode (its sample), or to no sample (`unclassified`, or a barcode no member uses). A single-sample
 * run has one row for its sample. Replaced as a whole by each import.
 */
export const RunBarcodeYield = defineEntity({
  name: 'RunBarcodeYield',
  tableName: 'run_barcode_yield',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    run: () => p.manyToOne(SequencingRun),
    /** As MinKNOW names it: barcode05, unclassified (or `all` for a run without barcodes). */
    barcode: p.string().length(30),
    sampleId: p.uuid().nullable(),
    sampleName: p.string().length(255).nullable(),
    labId: p.string().length(100).nullable(),
    readCount: p.bigint('number'),
    passReadCount: p.bigint('number'),
    baseCount: p.bigint('number'),
    passBaseCount: p.bigint('number'),
    n50: p.integer().nullable(),
    meanQScore: p.float().nullable(),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['run', 'barcode'] }],
  indexes: [{ properties: ['sampleId'] }],
});
export type RunBarcodeYield = InferEntity<typeof RunBarcodeYield>;
