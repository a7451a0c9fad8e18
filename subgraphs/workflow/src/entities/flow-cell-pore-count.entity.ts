import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PoreCountKinds } from './lab-enums.js';
import { FlowCell } from './flow-cell.entity.js';

/** One pore count of a flow cell: each platform check and each run's start and end (when, how many, who). */
export const FlowCellPoreCount = defineEntity({
  name: 'FlowCellPoreCount',
  tableName: 'flow_cell_pore_count',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    flowCell: () => p.manyToOne(FlowCell),
    kind: p.enum([...PoreCountKinds]),
    poreCount: p.integer(),
    /** The product's warranty pore count when it was counted, and whether the count was below it. */
    warrantyThreshold: p.integer(),
    belowWarranty: p.boolean(),
    at: p.datetime(),
    byId: p.uuid().nullable(),
    byName: p.string().length(255).nullable(),
    sampleId: p.uuid().nullable(),
    poolId: p.uuid().nullable(),
    notes: p.text().nullable(),
    createdAt: p.datetime(),
  },
  indexes: [{ properties: ['flowCell', 'at', 'id'] }],
});
export type FlowCellPoreCount = InferEntity<typeof FlowCellPoreCount>;
