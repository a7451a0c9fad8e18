import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { FileKinds } from '../services/file-kinds.js';
import { declaredFileProperties } from './declared-file.js';

/** A file attached to a sample or a submission; its bytes are in the versions. */
export const StoredFile = defineEntity({
  name: 'StoredFile',
  tableName: 'stored_file',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    ...declaredFileProperties(),
    kind: p.enum([...FileKinds]).default('OTHER'),
    currentVersion: p.integer().default(1),
    uploadedBy: p.uuid(),
    deleted: p.boolean().default(false),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.uuid().nullable(),
    /** When an admin removed the bytes of a deleted file; the record itself is kept for the audit trail. */
    purgedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['ownerType', 'ownerId'] }, { properties: ['labId'] }],
});
export type StoredFile = InferEntity<typeof StoredFile>;
