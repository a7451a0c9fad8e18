import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { executeBound, outboxInsert, qualified, type DomainEvent, type Role } from '@app/common';
import type { StepAction, StepName, StepStatus } from '../entities/enums.js';
import type { Workflow, WorkflowStep } from '../entities/index.js';

/** A step transition as written (the StepTransition entity's columns). */
export interface TransitionRow {
  id: string; workflowId: string; sampleId: string; stepName: StepName; action: StepAction; fromStatus: StepStatus; toStatus: StepStatus;
  actorId: string | null; actorName: string | null; actorRole: Role | null; at: Date; reason: string | null;
  secondsInPreviousStatus: number; seq: number;
}

/** What a plain step change may modify; anything else (a flow cell, a signature) goes through the ORM's flush. */
const STEP_FIELDS = new Set(['status', 'assigneeId', 'startedAt', 'startedById', 'completedAt', 'completedById', 'statusChangedAt', 'actualHours',
  'notes', 'results', 'outcome', 'qcChecks', 'overridden', 'version', 'updatedAt']);
const WORKFLOW_FIELDS = new Set(['completedSteps', 'currentStep', 'finishedAt', 'sampleStatus', 'seq', 'updatedAt']);

/**
 * Whether the unit of work holds exactly this change: the step and its workflow updated, in
 * fields `writeStepChange` writes, and nothing else. Computing the change sets is what the flush
 * would do first; a later flush computes them again.
 */
export function isPlainStepChange(em: EntityManager, workflow: Workflow, step: WorkflowStep): boolean {
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  const sets = uow.getChangeSets();
  if (sets.length !== 2 || uow.getCollectionUpdates().length > 0 || uow.getExtraUpdates().size > 0) return false;
  const of = (entity: object, fields: Set<string>) => sets.some((cs) => cs.entity === entity && cs.type === 'update' && Object.keys(cs.payload).every((k) => fields.has(k)));
  return of(step, STEP_FIELDS) && of(workflow, WORKFLOW_FIELDS);
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
const iso = (value: Date | null | undefined) => value?.toISOString() ?? null;

/**
 * Writes a plain step change (see `isPlainStepChange`) with its transition and events in one
 * statement, instead of the flush's three and the outbox insert: under load every statement of
 * the transaction is a wait for a turn of the event loop, between the event's `occurredAt` and its
 * commit (bench/README.md, subscriptions). The step's version is checked and bumped like the
 * ORM's optimistic lock, and both entities are marked clean afterwards so no later flush repeats it.
 */
export async function writeStepChange(
  em: EntityManager, schema: string, change: { workflow: Workflow; step: WorkflowStep; transition: TransitionRow; events: () => DomainEvent[] },
): Promise<DomainEvent[]> {
  const { workflow, step, transition } = change;
  const updatedAt = new Date();
  // The events carry the version the step will have, as they do after a flush.
  const expected = step.version;
  Object.assign(step, { version: expected + 1, updatedAt });
  workflow.updatedAt = updatedAt;
  const events = change.events();
  const outbox = outboxInsert(em, schema, events);
  const t = transition;
  const rows = await executeBound<{ seq: string; id: string; version: number | null }[]>(em, `with
    s as (update ${qualified(schema, 'workflow_step')} set status = ?, assignee_id = ?, started_at = ?, started_by_id = ?, completed_at = ?,
          completed_by_id = ?, status_changed_at = ?, actual_hours = ?, notes = ?, results = ?::jsonb, outcome = ?, qc_checks = ?::jsonb,
          overridden = ?, version = version + 1, updated_at = ?
          where id = ? and version = ? returning version),
    w as (update ${qualified(schema, 'workflow')} set completed_steps = ?, current_step = ?, finished_at = ?, sample_status = ?, seq = ?, updated_at = ? where id = ?),
    t as (insert into ${qualified(schema, 'step_transition')} (id, step_id, workflow_id, sample_id, step_name, action, from_status, to_status,
          actor_id, actor_name, actor_role, at, reason, seconds_in_previous_status, seq) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)),
    o as (${outbox.sql})
    select o.seq, o.id, (select version from s) as version from o`, [
    step.status, step.assigneeId ?? null, iso(step.startedAt), step.startedById ?? null, iso(step.completedAt),
    step.completedById ?? null, iso(step.statusChangedAt), step.actualHours ?? null, step.notes ?? null, json(step.results), step.outcome ?? null, json(step.qcChecks),
    step.overridden, iso(updatedAt), step.id, expected,
    workflow.completedSteps, workflow.currentStep ?? null, iso(workflow.finishedAt), workflow.sampleStatus, workflow.seq, iso(updatedAt), workflow.id,
    t.id, step.id, t.workflowId, t.sampleId, t.stepName, t.action, t.fromStatus, t.toStatus, t.actorId, t.actorName, t.actorRole, iso(t.at), t.reason,
    t.secondsInPreviousStatus, t.seq,
    ...outbox.params,
  ]);
  // Rows come back from the outbox insert; a version mismatch leaves `s` empty (and the transaction rolls back).
  if (rows[0]?.version !== expected + 1) throw OptimisticLockError.lockFailed(step);
  outbox.recorded(rows);
  const uow = em.getUnitOfWork();
  uow.merge(step);
  uow.merge(workflow);
  return events;
}
