import { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, SYSTEM, UnusableEventError, createEvent, recordEvents, type DomainEvent, type SampleStatusChangedData } from '@app/common';
import { SOURCE } from '../deps.js';
import { subjectOf } from './workflow-state.js';
import { PriorityRank, Priorities, SampleTypes, StepNames, type Priority } from '../entities/enums.js';
import { SubmissionReceipt, Workflow, WorkflowStep } from '../entities/index.js';
import type { WorkflowDeps } from '../deps.js';
import { dueDate } from './timing.js';

const sampleCreatedSchema = z.object({
  subject: z.object({ id: z.string().uuid(), labId: z.string().min(1), submissionId: z.string().uuid().nullish() }),
  data: z.object({
    name: z.string().min(1), sampleType: z.enum(SampleTypes).nullish(), priority: z.enum(Priorities).default('NORMAL'),
    submissionId: z.string().uuid().nullish(),
  }),
});

function parse<T>(schema: z.ZodType<T>, event: DomainEvent): T {
  const parsed = schema.safeParse(event);
  if (!parsed.success) throw new UnusableEventError(`${event.type}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Keeps workflows in step with the samples subgraph's events: creation, priority, receipt, archive. */
export class SampleSyncService {
  constructor(private readonly deps: WorkflowDeps) {}

  async handle(em: EntityManager, event: DomainEvent): Promise<void> {
    switch (event.type) {
      case EventTypes.SampleCreated: return this.sampleCreated(em, event);
      case EventTypes.SamplePriorityChanged: return this.priorityChanged(em, event);
      case EventTypes.SubmissionReceived: return this.submissionReceived(em, event);
      case EventTypes.SampleArchived: return this.sampleArchived(em, event);
      default: return undefined;
    }
  }

  private due(receivedAt: Date | null, priority: Priority): Date | null {
    return receivedAt ? dueDate(receivedAt, this.deps.config.sla[priority]) : null;
  }

  /** One workflow per sample with its 8 steps PENDING; a second SampleCreated for the same sample changes nothing. */
  private async sampleCreated(em: EntityManager, event: DomainEvent): Promise<void> {
    const { subject, data } = parse(sampleCreatedSchema, event);
    if (await em.count(Workflow, { sampleId: subject.id })) return;
    const submissionId = subject.submissionId ?? data.submissionId;
    if (!submissionId) throw new UnusableEventError('SampleCreated: subject.submissionId is missing');
    const receipt = await em.findOne(SubmissionReceipt, { submissionId });
    const receivedAt = receipt?.receivedAt ?? null;
    const now = this.deps.now();
    const workflow = em.create(Workflow, {
      sampleId: subject.id, submissionId, labId: subject.labId, sampleName: data.name, sampleType: data.sampleType ?? null,
      priority: data.priority, priorityRank: PriorityRank[data.priority], currentStep: 'SAMPLE_QC',
      receivedAt, dueAt: this.due(receivedAt, data.priority), sampleCreatedAt: new Date(event.occurredAt),
    });
    StepNames.forEach((name, i) => em.create(WorkflowStep, {
      workflow, sampleId: subject.id, name, position: i + 1, estimatedHours: this.deps.config.stepHours[name], statusChangedAt: now,
    }));
    await em.flush();
  }

  private async priorityChanged(em: EntityManager, event: DomainEvent): Promise<void> {
    const raw = (event.data as { priority?: unknown })?.priority ?? event.after?.priority;
    const priority = z.enum(Priorities).safeParse(raw);
    if (!priority.success) throw new UnusableEventError(`SamplePriorityChanged: priority ${JSON.stringify(raw)} is not one of ${Priorities.join(', ')}`);
    const workflow = await em.findOne(Workflow, { sampleId: event.subject.id });
    if (!workflow) return;
    workflow.priority = priority.data;
    workflow.priorityRank = PriorityRank[priority.data];
    workflow.dueAt = this.due(workflow.receivedAt ?? null, priority.data);
    await em.flush();
  }

  /** Starts the SLA clock of the submission's samples (and of samples added to it later). */
  private async submissionReceived(em: EntityManager, event: DomainEvent): Promise<void> {
    const submissionId = event.subject.submissionId ?? event.subject.id;
    const raw = (event.data as { receivedAt?: unknown })?.receivedAt ?? event.occurredAt;
    const receivedAt = new Date(String(raw));
    if (Number.isNaN(receivedAt.getTime())) throw new UnusableEventError(`SubmissionReceived: receivedAt ${JSON.stringify(raw)} is not a date`);
    if (!(await em.findOne(SubmissionReceipt, { submissionId }))) em.create(SubmissionReceipt, { submissionId, receivedAt });
    const workflows = await em.find(Workflow, { submissionId, receivedAt: null });
    for (const w of workflows) {
      w.receivedAt = receivedAt;
      w.dueAt = this.due(receivedAt, w.priority);
    }
    await em.flush();
  }

  /** An archived sample's workflow is closed: no further step changes, no longer queued or overdue. */
  /** Closes the workflow and reports ARCHIVED, so Sample.status (set only from workflow events) follows. */
  private async sampleArchived(em: EntityManager, event: DomainEvent): Promise<void> {
    const workflow = await em.findOne(Workflow, { sampleId: event.subject.id });
    if (!workflow || workflow.archived) return;
    const previousStatus = workflow.sampleStatus;
    workflow.archived = true;
    workflow.sampleStatus = 'ARCHIVED';
    workflow.seq += 1;
    await em.flush();
    await recordEvents(em, this.deps.schema, [createEvent({ source: SOURCE, principal: SYSTEM, correlationId: event.correlationId }, {
      type: EventTypes.SampleStatusChanged,
      subject: subjectOf(workflow),
      data: { status: 'ARCHIVED', previousStatus, step: workflow.currentStep, seq: workflow.seq } satisfies SampleStatusChangedData,
      before: { status: previousStatus }, after: { status: 'ARCHIVED' }, reason: 'the sample was archived',
    }) as DomainEvent]);
  }
}
