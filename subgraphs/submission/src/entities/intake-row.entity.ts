import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { IntakeRowStatuses } from './enums.js';
import { IntakeJob } from './intake-job.entity.js';

export interface RowProblem {
  field: string;
  message: string;
}

/** One data row of a sheet: the cells as given, the values as understood, and what is wrong. */
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
  },
  uniques: [{ properties: ['job', 'rowNumber'] }],
});
export type IntakeRow = InferEntity<typeof IntakeRow>;
