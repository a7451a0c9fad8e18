import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Priorities, SampleStatuses, SampleTypes, StepNames } from './enums.js';

/**
 * The workflow of one sample: created from samples' SampleCreated event. It keeps what the queues
 * and visibility checks need (lab, priority, name) so no request reaches into the samples schema,
 * plus the state derived from its steps, updated in the same transaction as every step change.
 */
export const Workflow = defineEntity({
  name: 'Workflow',
  tableName: 'workflow',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    sampleId: p.uuid().unique(),
    submissionId: p.uuid(),
    labId: p.string().length(100),
    sampleName: p.string().length(255),
    sampleType: p.enum([...SampleTypes]).nullable(),
    priority: p.enum([...Priorities]).default('NORMAL'),
    /** URGENT 0 … LOW 3, so the queue sorts with an index. */
    priorityRank: p.smallint().default(2),
    /** Derived from the steps (domain.md §4.3) and pushed to samples as SampleStatusChanged. */
    sampleStatus: p.enum([...SampleStatuses]).default('SUBMITTED'),
    /** First step not completed or skipped; null once all are. */
    currentStep: p.enum([...StepNames]).nullable(),
    completedSteps: p.smallint().default(0),
    /** Per-sample event sequence: every step event carries the next value, so live clients can drop stale ones. */
    seq: p.integer().default(0),
    receivedAt: p.datetime().nullable(),
    dueAt: p.datetime().nullable(),
    /** The due date a SampleOverdue was emitted for: one notification per breach. */
    overdueNotifiedFor: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    archived: p.boolean().default(false),
    sampleCreatedAt: p.datetime(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [
    { properties: ['currentStep', 'priorityRank', 'sampleCreatedAt', 'id'] },
    { properties: ['submissionId'] },
    { properties: ['labId'] },
    { properties: ['dueAt'] },
  ],
});
export type Workflow = InferEntity<typeof Workflow>;
