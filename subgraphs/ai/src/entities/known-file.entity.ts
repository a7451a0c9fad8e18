import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A stored file as the files subgraph announced it (FileUploaded / FileDeleted): who may read it. */
export const KnownFile = defineEntity({
  name: 'KnownFile',
  tableName: 'known_file',
  properties: {
    id: p.uuid().primary(),
    labId: p.string().length(100).nullable(),
    filename: p.string().length(255),
    contentType: p.string().length(200),
    byteSize: p.bigint('number'),
    sha256: p.string().length(64),
    version: p.integer(),
    deleted: p.boolean().default(false),
    uploadedBy: p.uuid().nullable(),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type KnownFile = InferEntity<typeof KnownFile>;
