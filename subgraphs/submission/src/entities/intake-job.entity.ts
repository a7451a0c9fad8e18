import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { IntakeKinds, IntakeStatuses } from './enums.js';

/** One uploaded sample sheet, parsed into draft rows waiting to be committed as samples. */
export const IntakeJob = defineEntity({
  name: 'IntakeJob',
  tableName: 'intake_job',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    kind: p.enum([...IntakeKinds]),
    status: p.enum([...IntakeStatuses]).default('PARSING'),
    submissionId: p.uuid().nullable(),
    labId: p.string().length(100),
    createdBy: p.uuid(),
    filename: p.string().length(255).nullable(),
    rowCount: p.integer().default(0),
    errorCount: p.integer().default(0),
    /** Header cells that matched no known column, kept so the user sees what was ignored. */
    ignoredColumns: p.json<string[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    committedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['labId', 'createdAt'] }, { properties: ['submissionId', 'createdAt'] }],
});
export type IntakeJob = InferEntity<typeof IntakeJob>;
