import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { IntakeRowStatuses } from './enums.js';
import { IntakeJob } from './intake-job.entity.js';

/** A problem with one value: `field` is the sample field (or `row`), `column` the sheet's header for it. */
export interface RowProblem {
  field: string;
  column: string | null;
  message: string;
}

/** One data row of a sheet: the cells as given, the sample draft as understood, and what is wrong. */
export const IntakeRow = defineEntity({
  name: 'IntakeRow',
  tableName: 'intake_row',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    job: () => p.manyToOne(IntakeJob),
    rowNumber: p.integer(),
    raw: p.json<Record<string, string>>(),
    parsed: p.json<Record<string, unknown>>(),
    errors: p.json<RowProblem[]>(),
    status: p.enum([...IntakeRowStatuses]),
    /** Lower-cased sample name, for duplicate checks across the sheet. */
    nameKey: p.string().length(255).nullable(),
    /** The sample this row became. */
    sampleId: p.uuid().nullable(),
  },
  uniques: [{ properties: ['job', 'rowNumber'] }],
  indexes: [{ properties: ['job', 'status', 'rowNumber'] }, { properties: ['job', 'nameKey'] }],
});
export type IntakeRow = InferEntity<typeof IntakeRow>;
