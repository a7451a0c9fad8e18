import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { FlowCellStatuses } from './lab-enums.js';

/**
 * One flow cell of the facility's stock (facility inventory: it belongs to no lab). `serial` is the
 * id printed on the cell and reported by MinKNOW (FAW12345). `loadedPoolId`/`loadedSampleId` say
 * what the run it is in was picked for; `version` guards concurrent edits, and every change locks the row.
 */
export const FlowCell = defineEntity({
  name: 'FlowCell',
  tableName: 'flow_cell',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    productCode: p.string().length(30),
    serial: p.string().length(20).unique(),
    lot: p.string().length(50).nullable(),
    receivedAt: p.datetime(),
    expiresAt: p.datetime(),
    storageLocation: p.string().length(100).nullable(),
    status: p.enum([...FlowCellStatuses]).default('IN_STOCK'),
    /** Set by a platform check below the product's warranty pore count on an unused cell. */
    flaggedForReturn: p.boolean().default(false),
    returnReason: p.text().nullable(),
    /** The latest pore count of any kind, for lists. */
    latestPoreCount: p.integer().nullable(),
    /** Runs the cell was picked for. */
    useCount: p.integer().default(0),
    washCount: p.integer().default(0),
    loadedPoolId: p.uuid().nullable(),
    loadedSampleId: p.uuid().nullable(),
    loadedAt: p.datetime().nullable(),
    /** When FlowCellExpiringSoon was emitted for it: once per cell. */
    expiryAlertedAt: p.datetime().nullable(),
    receivedById: p.uuid().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer().version(),
  },
  indexes: [
    { properties: ['productCode', 'status'] },
    { properties: ['status', 'createdAt', 'id'] },
    { properties: ['createdAt', 'id'] },
    { properties: ['expiresAt'] },
  ],
});
export type FlowCell = InferEntity<typeof FlowCell>;
