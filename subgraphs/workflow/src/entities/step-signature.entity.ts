import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SignatureMeanings, SignatureMethods } from '@app/common';
import { SignedStepActions } from './enums.js';
import { StepTransition } from './step-transition.entity.js';
import { WorkflowStep } from './workflow-step.entity.js';

/**
 * An e-signature spent on one step change (21 CFR Part 11 §11.50/§11.70): who signed, when, what it
 * means, and the SHA-256 of the canonical record signed, kept with that record beside the hash so
 * anyone can recompute it. The id is the signature token's `jti`, so a signature is spent once.
 */
export const StepSignature = defineEntity({
  name: 'StepSignature',
  tableName: 'step_signature',
  properties: {
    /** The signature token's id (`jti`): the primary key makes a second use impossible. */
    id: p.uuid().primary(),
    step: () => p.manyToOne(WorkflowStep),
    /** The transition the signature authorised (one each). */
    transition: () => p.manyToOne(StepTransition).unique(),
    sampleId: p.uuid(),
    action: p.enum([...SignedStepActions]),
    signerId: p.uuid(),
    signerName: p.string().length(255).nullable(),
    meaning: p.enum([...SignatureMeanings]),
    method: p.enum([...SignatureMethods]),
    recordHash: p.string().length(64),
    /** The canonical form of the record signed (its SHA-256 is recordHash). */
    record: p.text(),
    signedAt: p.datetime(),
    usedAt: p.datetime(),
  },
  indexes: [{ properties: ['step', 'usedAt'] }],
});
export type StepSignature = InferEntity<typeof StepSignature>;
