import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { StoredFile } from './stored-file.entity.js';

/** One immutable upload of a file's bytes. */
export const FileVersion = defineEntity({
  name: 'FileVersion',
  tableName: 'file_version',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    file: () => p.manyToOne(StoredFile),
    version: p.integer(),
    byteSize: p.integer(),
    sha256: p.string().length(64),
    storageKey: p.string().length(255),
    createdBy: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['file', 'version'] }],
});
export type FileVersion = InferEntity<typeof FileVersion>;
