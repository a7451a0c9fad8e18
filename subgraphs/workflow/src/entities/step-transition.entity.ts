import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Roles } from '@app/common';
import { StepActions, StepNames, StepStatuses } from './enums.js';
import { WorkflowStep } from './workflow-step.entity.js';

/** Every change to a step, kept forever: who, when, from, to, why and how long it sat in `from`. */
export const StepTransition = defineEntity({
  name: 'StepTransition',
  tableName: 'step_transition',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    step: () => p.manyToOne(WorkflowStep),
    workflowId: p.uuid(),
    sampleId: p.uuid(),
    stepName: p.enum([...StepNames]),
    action: p.enum([...StepActions]),
    fromStatus: p.enum([...StepStatuses]),
    toStatus: p.enum([...StepStatuses]),
    actorId: p.uuid().nullable(),
    actorName: p.string().length(255).nullable(),
    actorRole: p.enum([...Roles]).nullable(),
    at: p.datetime(),
    reason: p.text().nullable(),
    secondsInPreviousStatus: p.integer(),
    /** The workflow's seq of the event this transition emitted. */
    seq: p.integer(),
  },
  indexes: [{ properties: ['workflowId', 'seq'] }],
});
export type StepTransition = InferEntity<typeof StepTransition>;
