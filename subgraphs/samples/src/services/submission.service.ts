import {
  diffFields, emitEvent, eventOrigin, EventTypes, ForbiddenError, InvalidTransitionError, isStaff, keysetPage, NotFoundError, Problems,
  qualified, requireRead, requireWrite, type BaseContext, type EventType, type PageArgs, type SubmissionEventData,
} from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Submission, type Project } from '../entities/index.js';
import { DeliveryMethods, Priorities, type Priority, type SubmissionStatus } from '../entities/enums.js';
import type { DataDeliveryPreferences } from '../entities/submission.entity.js';
import { SOURCE, type SamplesDeps } from '../deps.js';
import type { SamplesLoaders } from '../loaders/index.js';
import { checkUsableAccount } from './billing.service.js';
import { submissionOrder, submissionWhere, type Order, type SubmissionFilter, type SubmissionOrderField } from './filters.js';
import type { ProjectService } from './project.service.js';
import { refreshSubmission, submissionSnapshot } from './submission-status.js';
import { LockMode } from '@mikro-orm/core';

export interface DataDeliveryInput {
  method: DataDeliveryPreferences['method'];
  path?: string | null;
  notifyEmails?: string[] | null;
  notes?: string | null;
}

export interface SubmissionFields {
  priority?: Priority | null;
  externalQuoteId?: string | null;
  billingAccountId?: string | null;
  specialInstructions?: string | null;
  dataDeliveryPreferences?: DataDeliveryInput | null;
}

export interface CreateSubmissionInput extends SubmissionFields {
  projectId: string;
}

export interface UpdateSubmissionInput extends SubmissionFields {
  status?: SubmissionStatus | null;
}

const MAX_NOTIFY = 20;

/** Transitions people make; IN_PROGRESS and COMPLETED follow the samples and are never set by hand. */
const MANUAL: Record<SubmissionStatus, SubmissionStatus[]> = {
  DRAFT: ['SUBMITTED', 'CANCELLED'],
  SUBMITTED: ['DRAFT', 'RECEIVED', 'CANCELLED'],
  RECEIVED: ['CANCELLED'],
  IN_PROGRESS: ['CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};
const STAFF_ONLY: SubmissionStatus[] = ['RECEIVED'];

export class SubmissionService {
  constructor(private readonly deps: SamplesDeps, private readonly ctx: BaseContext, private readonly projects: ProjectService, private readonly loaders: SamplesLoaders) {}

  async create(input: CreateSubmissionInput): Promise<Submission> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    if (!this.ctx.principal.userId) throw new ForbiddenError('Submissions need a person as submitter');
    const problems = new Problems();
    const fields = this.checkFields(problems, input);
    problems.throwIfAny();
    const project: Project = await this.projects.get(input.projectId);
    if (project.status !== 'ACTIVE') throw new InvalidTransitionError(`Project ${project.name} is ${project.status}; new submissions need an active project`, { field: 'projectId' });
    return this.ctx.em.transactional(async (em) => {
      const billingAccount = fields.billingAccountId ? await checkUsableAccount(em, problems, 'billingAccountId', fields.billingAccountId, project.labId) : null;
      problems.throwIfAny();
      const number = await this.nextNumber(em);
      const submission = em.create(Submission, {
        number, project, submitterId: this.ctx.principal.userId!, labId: project.labId, priority: fields.priority ?? 'NORMAL',
        externalQuoteId: fields.externalQuoteId, billingAccount, specialInstructions: fields.specialInstructions,
        dataDeliveryPreferences: fields.dataDeliveryPreferences,
      });
      await em.flush();
      await this.emit(em, EventTypes.SubmissionCreated, submission, null, submissionSnapshot(submission));
      return submission;
    });
  }

  /** Edits fields and makes the manual status moves; moving to RECEIVED also emits SubmissionReceived. */
  async update(id: string, input: UpdateSubmissionInput, receivedAt?: Date | null): Promise<Submission> {
    const { principal } = this.ctx;
    requireWrite(principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const problems = new Problems();
    const fields = this.checkFields(problems, input);
    if (receivedAt && receivedAt.getTime() > this.deps.now().getTime() + 60_000) problems.add('receivedAt', 'cannot be in the future');
    problems.throwIfAny();
    if (!(await this.loaders.submissionById.load(id))) throw new NotFoundError('Submission', id);
    return this.ctx.em.transactional(async (em) => {
      const submission = await em.findOneOrFail(Submission, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const staff = isStaff(principal);
      if (!staff && !['DRAFT', 'SUBMITTED'].includes(submission.status)) throw new ForbiddenError(`The facility has the submission (${submission.status}); ask staff to change it`);
      if (submission.status === 'CANCELLED') throw new InvalidTransitionError('A cancelled submission cannot change', { field: 'status' });
      const before = submissionSnapshot(submission);
      if (fields.billingAccountId !== undefined) {
        submission.billingAccount = fields.billingAccountId ? await checkUsableAccount(em, problems, 'billingAccountId', fields.billingAccountId, submission.labId) : null;
        problems.throwIfAny();
      }
      if (fields.priority) submission.priority = fields.priority;
      if (fields.externalQuoteId !== undefined) submission.externalQuoteId = fields.externalQuoteId;
      if (fields.specialInstructions !== undefined) submission.specialInstructions = fields.specialInstructions;
      if (fields.dataDeliveryPreferences !== undefined) submission.dataDeliveryPreferences = fields.dataDeliveryPreferences;
      const received = input.status && input.status !== submission.status ? this.move(submission, input.status, receivedAt ?? null) : false;
      await em.flush();
      const diff = diffFields(before, submissionSnapshot(submission));
      if (diff) await this.emit(em, EventTypes.SubmissionUpdated, submission, diff.before, diff.after);
      if (received) await this.emit(em, EventTypes.SubmissionReceived, submission, null, { receivedAt: submission.receivedAt!.toISOString() });
      return submission;
    });
  }

  markReceived(id: string, receivedAt?: Date | null): Promise<Submission> {
    // Receiving material is the facility's act: refuse others before looking the submission up.
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF');
    return this.update(id, { status: 'RECEIVED' }, receivedAt);
  }

  list(filter: SubmissionFilter = {}, orderBy: Order<SubmissionOrderField> | null = null, args: PageArgs = {}) {
    requireRead(this.ctx.principal, 'samples:read');
    return keysetPage<Submission>(this.ctx.em, Submission, submissionWhere(this.ctx.principal, filter), submissionOrder(orderBy), args);
  }

  /** Applies a manual status move; returns true when the submission was just received. */
  private move(submission: Submission, to: SubmissionStatus, receivedAt: Date | null): boolean {
    const from = submission.status as SubmissionStatus;
    if (!MANUAL[from].includes(to)) {
      throw new InvalidTransitionError(`A ${from} submission cannot become ${to}${to === 'IN_PROGRESS' || to === 'COMPLETED' ? ' by hand; that follows its samples' : ''}`, { field: 'status', from, to });
    }
    if (STAFF_ONLY.includes(to) && !isStaff(this.ctx.principal)) throw new ForbiddenError('Only facility staff can mark a submission received');
    if (to === 'SUBMITTED' && submission.sampleCount === 0) throw new InvalidTransitionError('Add at least one sample before submitting', { field: 'status' });
    const now = this.deps.now();
    submission.status = to;
    if (to === 'SUBMITTED') submission.submittedAt = now;
    if (to === 'DRAFT') submission.submittedAt = null;
    if (to === 'RECEIVED') submission.receivedAt = receivedAt ?? now;
    return to === 'RECEIVED';
  }

  private checkFields(problems: Problems, input: SubmissionFields) {
    const out: SubmissionFields & { dataDeliveryPreferences?: DataDeliveryPreferences | null } = {};
    if (input.priority !== undefined) out.priority = problems.oneOf('priority', input.priority ?? 'missing', Priorities);
    if (input.externalQuoteId !== undefined) out.externalQuoteId = problems.text('externalQuoteId', input.externalQuoteId, { required: false, max: 100, pattern: 'identifier' });
    if (input.billingAccountId !== undefined) out.billingAccountId = problems.uuid('billingAccountId', input.billingAccountId);
    if (input.specialInstructions !== undefined) out.specialInstructions = problems.text('specialInstructions', input.specialInstructions, { required: false, max: 5000, multiline: true });
    if (input.dataDeliveryPreferences !== undefined) out.dataDeliveryPreferences = this.checkDelivery(problems, input.dataDeliveryPreferences);
    return out;
  }

  private checkDelivery(problems: Problems, d: DataDeliveryInput | null): DataDeliveryPreferences | null {
    if (!d) return null;
    const at = 'dataDeliveryPreferences';
    const method = problems.oneOf(`${at}.method`, d.method ?? 'missing', DeliveryMethods);
    const path = problems.text(`${at}.path`, d.path, { required: false, max: 500 });
    const notes = problems.text(`${at}.notes`, d.notes, { required: false, max: 2000, multiline: true });
    const emails = d.notifyEmails ?? [];
    if (emails.length > MAX_NOTIFY) problems.add(`${at}.notifyEmails`, `may list at most ${MAX_NOTIFY} addresses`);
    const notifyEmails = [...new Set(emails.slice(0, MAX_NOTIFY).map((e, i) => problems.email(`${at}.notifyEmails.${i}`, e)))];
    return { method: method!, path, notifyEmails, notes };
  }

  /** Keeps counts and the derived status in step with the samples (inside the caller's transaction). */
  refresh(em: EntityManager, submission: Submission): Promise<void> {
    return refreshSubmission(em, this.deps.schema, submission, this.deps.now());
  }

  private emit(em: EntityManager, type: EventType, s: Submission, before: Record<string, unknown> | null, after: Record<string, unknown>) {
    return emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
      type, subject: { type: 'Submission', id: s.id, submissionId: s.id, labId: s.labId },
      data: { number: s.number, projectId: s.project.id, receivedAt: s.receivedAt?.toISOString() ?? null, priority: s.priority, status: s.status, submitterId: s.submitterId } satisfies SubmissionEventData,
      before, after,
    });
  }

  /** SUB-<year>-<6 digits> from a database sequence: unique across replicas, readable on a label. */
  private async nextNumber(em: EntityManager): Promise<string> {
    const rows = await em.getConnection().execute<{ n: string }[]>(
      `select nextval('${qualified(this.deps.schema, 'submission_number_seq')}') as n`, [], 'all', em.getTransactionContext(),
    );
    const year = this.deps.now().getUTCFullYear();
    return `${this.deps.config.SUBMISSION_NUMBER_PREFIX}-${year}-${String(rows[0]!.n).padStart(6, '0')}`;
  }
}
