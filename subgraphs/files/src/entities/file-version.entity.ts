import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ScanStatuses } from './enums.js';
import { StoredFile } from './stored-file.entity.js';

/** One immutable upload of a file's bytes; `storageKey` is content-addressed, so versions may share bytes. */
export const FileVersion = defineEntity({
  name: 'FileVersion',
  tableName: 'file_version',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    file: () => p.manyToOne(StoredFile),
    version: p.integer(),
    filename: p.string().length(255),
    contentType: p.string().length(150),
    byteSize: p.integer(),
    sha256: p.string().length(64),
    storageKey: p.string().length(255),
    comment: p.string().length(500).nullable(),
    scanStatus: p.enum([...ScanStatuses]).default('NOT_SCANNED'),
    scanSignature: p.string().length(200).nullable(),
    scanStartedAt: p.datetime().nullable(),
    scannedAt: p.datetime().nullable(),
    createdBy: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['file', 'version'] }],
  indexes: [{ properties: ['scanStatus'] }, { properties: ['storageKey'] }],
});
export type FileVersion = InferEntity<typeof FileVersion>;
