import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { FlowCell } from './flow-cell.entity.js';

/** A wash of a flow cell after a run (wash kit EXP-WSH004), so it can be reused. */
export const FlowCellWash = defineEntity({
  name: 'FlowCellWash',
  tableName: 'flow_cell_wash',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    flowCell: () => p.manyToOne(FlowCell),
    washKit: p.string().length(30),
    at: p.datetime(),
    byId: p.uuid().nullable(),
    byName: p.string().length(255).nullable(),
    notes: p.text().nullable(),
    createdAt: p.datetime(),
  },
  indexes: [{ properties: ['flowCell', 'at', 'id'] }],
});
export type FlowCellWash = InferEntity<typeof FlowCellWash>;
