import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Priorities, SubmissionStatuses } from './enums.js';
import { Project } from './project.entity.js';

/** One order from a customer (one quote = one submission = many samples). */
export const Submission = defineEntity({
  name: 'Submission',
  tableName: 'submission',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    number: p.string().length(30).unique(),
    project: () => p.manyToOne(Project),
    submitterId: p.uuid(),
    labId: p.string().length(100),
    priority: p.enum([...Priorities]).default('NORMAL'),
    status: p.enum([...SubmissionStatuses]).default('DRAFT'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['labId'] }],
});
export type Submission = InferEntity<typeof Submission>;
