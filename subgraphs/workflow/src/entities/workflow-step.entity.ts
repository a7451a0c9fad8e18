import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { QcOutcomes, StepNames, StepStatuses } from './enums.js';
import { Workflow } from './workflow.entity.js';

/** One of the 8 steps of a workflow; `version` guards concurrent edits (CONFLICT on a stale one). */
export const WorkflowStep = defineEntity({
  name: 'WorkflowStep',
  tableName: 'workflow_step',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    workflow: () => p.manyToOne(Workflow),
    sampleId: p.uuid(),
    name: p.enum([...StepNames]),
    position: p.smallint(),
    status: p.enum([...StepStatuses]).default('PENDING'),
    assigneeId: p.uuid().nullable(),
    startedAt: p.datetime().nullable(),
    startedById: p.uuid().nullable(),
    completedAt: p.datetime().nullable(),
    completedById: p.uuid().nullable(),
    /** When the step entered its current status, for time-in-step on the next transition. */
    statusChangedAt: p.datetime(),
    estimatedHours: p.float(),
    actualHours: p.float().nullable(),
    notes: p.text().nullable(),
    /** Typed per step, validated by the step's zod schema before it is stored. */
    results: p.json<Record<string, unknown>>().nullable(),
    outcome: p.enum([...QcOutcomes]).nullable(),
    qcChecks: p.json<Record<string, unknown>[]>().nullable(),
    overridden: p.boolean().default(false),
    version: p.integer().version(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['workflow', 'name'] }],
  indexes: [{ properties: ['assigneeId', 'status'] }, { properties: ['sampleId'] }],
});
export type WorkflowStep = InferEntity<typeof WorkflowStep>;
