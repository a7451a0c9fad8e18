import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Priorities, SampleStatuses, SampleTypes } from './enums.js';
import { Submission } from './submission.entity.js';

/** One tube of material, tracked from submission to data delivery. */
export const Sample = defineEntity({
  name: 'Sample',
  tableName: 'sample',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    submission: () => p.manyToOne(Submission),
    number: p.integer(),
    name: p.string().length(255),
    sampleType: p.enum([...SampleTypes]),
    labId: p.string().length(100),
    priority: p.enum([...Priorities]).default('NORMAL'),
    status: p.enum([...SampleStatuses]).default('SUBMITTED'),
    assigneeId: p.uuid().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['submission', 'name'] }, { properties: ['submission', 'number'] }],
  indexes: [{ properties: ['labId'] }, { properties: ['status'] }],
});
export type Sample = InferEntity<typeof Sample>;
