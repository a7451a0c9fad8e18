import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { declaredFileProperties } from './declared-file.js';
import { UploadStatuses } from './enums.js';

/** A promise to accept one upload: what was declared, by whom, until when, and what arrived. */
export const UploadTicket = defineEntity({
  name: 'UploadTicket',
  tableName: 'upload_ticket',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    ...declaredFileProperties(),
    status: p.enum([...UploadStatuses]).default('PENDING'),
    storageKey: p.string().length(255),
    receivedBytes: p.integer().nullable(),
    receivedSha256: p.string().length(64).nullable(),
    failure: p.string().length(500).nullable(),
    fileId: p.uuid().nullable(),
    createdBy: p.uuid(),
    expiresAt: p.datetime(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ properties: ['createdBy'] }, { properties: ['expiresAt'] }],
});
export type UploadTicket = InferEntity<typeof UploadTicket>;
