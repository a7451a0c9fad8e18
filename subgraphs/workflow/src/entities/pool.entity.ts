import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PoolStatuses } from './lab-enums.js';
import { FlowCell } from './flow-cell.entity.js';

/**
 * Barcoded libraries sequenced together on one flow cell. `labId` is the members' lab when they all
 * share one (submitters of that lab may read the pool), null for a pool mixing labs (staff only).
 */
export const Pool = defineEntity({
  name: 'Pool',
  tableName: 'pool',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    name: p.string().length(100),
    /** The barcoding kit, in ONT's product form (SQK-NBD114.24). */
    barcodeKit: p.string().length(30),
    /** With an expansion barcoding kit (EXP-…), the kit it is sequenced with (SQK-LSK114). */
    sequencingKit: p.string().length(30).nullable(),
    labId: p.string().length(100).nullable(),
    status: p.enum([...PoolStatuses]).default('OPEN'),
    flowCell: () => p.manyToOne(FlowCell).nullable(),
    loadedAt: p.datetime().nullable(),
    memberCount: p.integer().default(0),
    createdById: p.uuid().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer().version(),
  },
  indexes: [{ properties: ['createdAt', 'id'] }, { properties: ['labId', 'createdAt', 'id'] }],
});
export type Pool = InferEntity<typeof Pool>;
