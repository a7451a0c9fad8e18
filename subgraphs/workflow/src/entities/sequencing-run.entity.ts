import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SequencerModels, SequencingRunStatuses } from './lab-enums.js';
import { FlowCell } from './flow-cell.entity.js';
import { Pool } from './pool.entity.js';

/**
 * One sequencing run (issue #15 point 2): a loaded pool, or a single sample, on one flow cell at one
 * position of a device. The database allows one RUNNING run per flow cell (a partial unique index,
 * beside the row lock the service takes). Metrics come from a MinKNOW summary import (RunMetrics).
 */
export const SequencingRun = defineEntity({
  name: 'SequencingRun',
  tableName: 'sequencing_run',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    pool: () => p.manyToOne(Pool).nullable(),
    sampleId: p.uuid().nullable(),
    /** The pool's (or the sample's) lab when there is one lab; null for a pool mixing labs. */
    labId: p.string().length(100).nullable(),
    flowCell: () => p.manyToOne(FlowCell),
    model: p.enum([...SequencerModels]),
    /** The device's serial (GXB01234, PCA100123, P2S-01234), when given. */
    deviceSerial: p.string().length(30).nullable(),
    position: p.string().length(30),
    /** MinKNOW's protocol_run_id (a UUID), known at start or filled by the summary import. */
    minknowRunId: p.string().length(100).nullable(),
    experimentId: p.string().length(40),
    status: p.enum([...SequencingRunStatuses]).default('RUNNING'),
    startedAt: p.datetime(),
    endedAt: p.datetime().nullable(),
    endReason: p.text().nullable(),
    poreCountAtStart: p.integer().nullable(),
    poreCountAtEnd: p.integer().nullable(),
    readCount: p.bigint('number').nullable(),
    passReadCount: p.bigint('number').nullable(),
    baseCount: p.bigint('number').nullable(),
    passBaseCount: p.bigint('number').nullable(),
    n50: p.integer().nullable(),
    passPercent: p.float().nullable(),
    meanQScore: p.float().nullable(),
    /** The final_summary key=value pairs as imported (bounded), for display. */
    finalSummary: p.json<Record<string, string>>().nullable(),
    metricsImportedAt: p.datetime().nullable(),
    startedById: p.uuid().nullable(),
    endedById: p.uuid().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer().version(),
  },
  indexes: [
    { properties: ['createdAt', 'id'] },
    { properties: ['status', 'createdAt', 'id'] },
    { properties: ['flowCell', 'status'] },
    { properties: ['pool'] },
    { properties: ['sampleId'] },
  ],
});
export type SequencingRun = InferEntity<typeof SequencingRun>;
