import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OwnerTypes, UploadStatuses } from './enums.js';

/** A promise to accept one upload: what was declared, by whom, until when, and what arrived. */
export const UploadTicket = defineEntity({
  name: 'UploadTicket',
  tableName: 'upload_ticket',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    ownerType: p.enum([...OwnerTypes]),
    ownerId: p.uuid(),
    labId: p.string().length(100),
    filename: p.string().length(255),
    contentType: p.string().length(150),
    byteSize: p.integer(),
    sha256: p.string().length(64),
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
