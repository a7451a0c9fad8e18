import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ExportFormats, ExportKinds, ExportStatuses } from './enums.js';

/** A file export run in the background; its file is downloaded by the user who asked for it. */
export const ExportJob = defineEntity({
  name: 'ExportJob',
  tableName: 'export_job',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    kind: p.enum([...ExportKinds]),
    format: p.enum([...ExportFormats]),
    filter: p.json<Record<string, unknown>>(),
    fields: p.json<string[]>(),
    status: p.enum([...ExportStatuses]).default('QUEUED'),
    requestedById: p.uuid(),
    /** The requester's lab scope at request time: the export never shows more than they could see. */
    labScope: p.string().length(100).nullable(),
    rowsTotal: p.integer().nullable(),
    rowsWritten: p.integer().default(0),
    byteSize: p.bigint('number').nullable(),
    fileName: p.string().length(200).nullable(),
    error: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    finishedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['requestedById', 'createdAt'] }],
});
export type ExportJob = InferEntity<typeof ExportJob>;
