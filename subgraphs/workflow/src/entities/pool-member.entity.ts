import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Pool } from './pool.entity.js';

/**
 * One library of a pool: a sample (known here by its workflow), its barcode (the kit's label, NB05)
 * and its molar ratio. The database refuses a second sample on a barcode, or a sample twice, in one pool.
 */
export const PoolMember = defineEntity({
  name: 'PoolMember',
  tableName: 'pool_member',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    pool: () => p.manyToOne(Pool),
    sampleId: p.uuid(),
    sampleName: p.string().length(255),
    labId: p.string().length(100),
    barcode: p.string().length(10),
    /** Relative amount of this library in the pool (1 = equimolar share). */
    molarRatio: p.float(),
    /** The MinKNOW sample-sheet alias; the sample's name made MinKNOW-safe when not given. */
    alias: p.string().length(40).nullable(),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['pool', 'barcode'] }, { properties: ['pool', 'sampleId'] }],
  indexes: [{ properties: ['sampleId'] }],
});
export type PoolMember = InferEntity<typeof PoolMember>;
