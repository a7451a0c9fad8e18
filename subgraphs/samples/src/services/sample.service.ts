import {
  AppError, ConflictError, createEvent, diffFields, eventOrigin, EventTypes, ForbiddenError, InvalidTransitionError, isStaff, NotFoundError,
  Problems, recordEvents, requireWrite, ValidationError, type BaseContext, type DomainEvent, type EventType, type SampleArchivedData,
  type SampleCreatedData, type SamplePriorityChangedData, type SubmissionEventData,
} from '@app/common';
import { LockMode, OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Sample, Submission } from '../entities/index.js';
import type { Priority } from '../entities/enums.js';
import { SOURCE, type SamplesDeps } from '../deps.js';
import type { SamplesLoaders } from '../loaders/index.js';
import { checkUsableAccount } from './billing.service.js';
import { checkSampleDrafts, samplesLike } from './sample-drafts.js';
import { asSamples, insertSamples, newSampleRow } from './sample-insert.js';
import { checkSampleFields, checkSampleState, sampleSnapshot, stateOf, type SampleFields, type SampleInput } from './sample-rules.js';
import { addToSubmission, lastSampleNumber, refreshSubmission, submissionSnapshot } from './submission-status.js';

export type { SampleInput } from './sample-rules.js';

export const MAX_SAMPLES_PER_CALL = 1_000;
export const MAX_BULK = 100;

/** Fields `bulkUpdateSamples` may set on many samples at once. */
export interface BulkSamplePatch {
  priority?: Priority | null;
  assigneeId?: string | null;
  unassign?: boolean | null;
  flowCellDevice?: SampleFields['flowCellDevice'];
  poreChemistry?: SampleFields['poreChemistry'];
  flowCellCount?: number | null;
  billingAccountId?: string | null;
}

export interface BulkResult {
  id: string;
  ok: boolean;
  sample: Sample | null;
  error: { code: string; message: string; field: string | null } | null;
}

/** Which event carries which field: the workflow listens for priority and assignment separately. */
const PRIORITY_FIELDS = new Set(['priority']);
const ASSIGN_FIELDS = new Set(['assigneeId']);

type Change = { fields?: SampleFields; assigneeId?: string | null; archive?: { reason: string | null } };

export class SampleService {
  constructor(private readonly deps: SamplesDeps, private readonly ctx: BaseContext, private readonly loaders: SamplesLoaders) {}

  async get(id: string): Promise<Sample> {
    const sample = await this.loaders.sampleById.load(id);
    if (!sample) throw new NotFoundError('Sample', id);
    return sample;
  }

  /** Adds samples all or nothing: every row is checked first and every problem reported by row. */
  async addSamples(submissionId: string, inputs: SampleInput[]): Promise<Sample[]> {
    const { principal } = this.ctx;
    requireWrite(principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    if (inputs.length === 0 || inputs.length > MAX_SAMPLES_PER_CALL) throw ValidationError.field('samples', `must contain 1 to ${MAX_SAMPLES_PER_CALL} samples`);
    const visible = await this.loaders.submissionById.load(submissionId);
    if (!visible) throw new NotFoundError('Submission', submissionId);
    return this.ctx.em.transactional(async (em) => {
      const submission = await em.findOneOrFail(Submission, submissionId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      this.checkOpenForSamples(submission);
      const existing = await samplesLike(em, this.deps.schema, submission.id, inputs);
      const problems = new Problems();
      await checkSampleDrafts(em, problems, principal, { labId: submission.labId, priority: submission.priority, existing }, inputs);
      problems.throwIfAny();
      // A retried import sends the same keys again: those samples exist already and are returned as they are.
      const known = new Map(existing.filter((s) => s.externalKey).map((s) => [s.externalKey!, s]));
      const fresh = inputs.filter((input) => !input.externalKey || !known.has(input.externalKey));
      if (fresh.length < inputs.length) return this.withExisting(em, submission, inputs, fresh.length ? await this.create(em, submission, fresh) : []);
      return this.create(em, submission, inputs);
    });
  }

  /** The samples for `inputs` in order: those added before (by external key) and the ones just created. */
  private async withExisting(em: EntityManager, submission: Submission, inputs: SampleInput[], created: Sample[]): Promise<Sample[]> {
    const keys = inputs.map((i) => i.externalKey).filter((k): k is string => !!k);
    const earlier = await em.find(Sample, { submission, externalKey: { $in: keys } });
    const byKey = new Map([...earlier, ...created].filter((s) => s.externalKey).map((s) => [s.externalKey!, s]));
    const unkeyed = created.filter((s) => !s.externalKey);
    return inputs.map((input) => (input.externalKey ? byKey.get(input.externalKey)! : unkeyed.shift()!));
  }

  /**
   * Inside the transaction that locked the submission, so numbers cannot be taken twice. The
   * samples go in with one INSERT and their SampleCreated events with one more, in this transaction.
   */
  private async create(em: EntityManager, submission: Submission, inputs: SampleInput[]): Promise<Sample[]> {
    let number = await lastSampleNumber(em, this.deps.schema, submission.id);
    const now = this.deps.now();
    const createdAt = new Date();
    const rows = inputs.map((input) => newSampleRow(submission, input, ++number, now, createdAt));
    await insertSamples(em, this.deps.schema, rows);
    const before = submissionSnapshot(submission);
    addToSubmission(submission, rows.length);
    await em.flush();
    const samples = asSamples(rows);
    const origin = eventOrigin(this.ctx, SOURCE);
    const events = samples.map((s) => createEvent(origin, {
      type: EventTypes.SampleCreated,
      subject: { type: 'Sample', id: s.id, sampleId: s.id, submissionId: submission.id, labId: s.labId },
      data: { name: s.name, number: s.number, sampleType: s.sampleType, priority: s.priority, submissionId: submission.id, assigneeId: s.assigneeId ?? null } satisfies SampleCreatedData,
      after: sampleSnapshot(s),
    }, now) as DomainEvent);
    const diff = diffFields(before, submissionSnapshot(submission));
    if (diff) events.push(this.submissionEvent(submission, diff, now));
    await recordEvents(em, this.deps.schema, events);
    return samples;
  }

  /** Edits a sample if `expectedVersion` is still current; a concurrent edit gives CONFLICT. */
  update(id: string, input: SampleFields, expectedVersion: number): Promise<Sample> {
    const problems = new Problems();
    checkSampleFields(problems, '', input);
    problems.throwIfAny();
    return this.change(id, { fields: input }, expectedVersion);
  }

  /** Staff only; the assignee must be a staff user of auth (checked there: samples keeps only the id). */
  assign(id: string, assigneeId: string | null): Promise<Sample> {
    const problems = new Problems();
    problems.uuid('assigneeId', assigneeId);
    problems.throwIfAny();
    this.requireStaff('assign samples');
    return this.change(id, { assigneeId: assigneeId?.toLowerCase() ?? null });
  }

  setPriority(id: string, priority: Priority): Promise<Sample> {
    this.requireStaff('change a sample priority');
    return this.update(id, { priority }, -1);
  }

  /** Withdraws a sample from lists and counts; the workflow archives its work on SampleArchived. */
  archive(id: string, reason: string | null): Promise<Sample> {
    this.requireStaff('archive samples');
    const problems = new Problems();
    const why = problems.text('reason', reason, { required: false, max: 1000, multiline: true });
    problems.throwIfAny();
    return this.change(id, { archive: { reason: why } });
  }

  /** Applies one patch to up to 100 samples, each in its own transaction: one failure never hides the others. */
  async bulkUpdate(ids: string[], patch: BulkSamplePatch): Promise<BulkResult[]> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    if (ids.length === 0 || ids.length > MAX_BULK) throw ValidationError.field('ids', `must contain 1 to ${MAX_BULK} ids`);
    if (new Set(ids).size !== ids.length) throw ValidationError.field('ids', 'must not repeat an id');
    const problems = new Problems();
    const { assigneeId, unassign, ...fields } = patch;
    checkSampleFields(problems, 'patch.', fields);
    problems.uuid('patch.assigneeId', assigneeId);
    if (assigneeId && unassign) problems.add('patch.unassign', 'cannot both assign and unassign');
    if (Object.values(patch).every((v) => v === undefined || v === null)) problems.add('patch', 'names nothing to change');
    problems.throwIfAny();
    if (assigneeId || unassign) this.requireStaff('assign samples');
    const change: Change = { fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) };
    if (assigneeId || unassign) change.assigneeId = unassign ? null : assigneeId!.toLowerCase();
    const results: BulkResult[] = [];
    for (const id of ids) {
      try {
        results.push({ id, ok: true, sample: await this.change(id, change), error: null });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results.push({ id, ok: false, sample: null, error: { code: err.code, message: err.message, field: (err.extensions.field as string | undefined) ?? null } });
      }
    }
    return results;
  }

  /** One edit in one transaction: permission, version, merged-state rules, per-concern events with before/after. */
  private async change(id: string, change: Change, expectedVersion = -1): Promise<Sample> {
    const { principal } = this.ctx;
    requireWrite(principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    if (!(await this.loaders.sampleById.load(id))) throw new NotFoundError('Sample', id);
    try {
      return await this.ctx.em.transactional(async (em) => {
        // Locked like the workflow status consumer locks it (sample, then submission), so the two
        // serialise instead of racing on the version.
        const sample = await em.findOneOrFail(Sample, id, { refresh: true, lockMode: LockMode.PESSIMISTIC_WRITE });
        if (expectedVersion >= 0 && sample.version !== expectedVersion) {
          throw new ConflictError(`Sample ${sample.name} was changed by someone else (version ${sample.version}, you sent ${expectedVersion}); reload and retry`, { currentVersion: sample.version });
        }
        if (sample.archivedAt) throw new InvalidTransitionError(`Sample ${sample.name} is archived and cannot change`);
        if (!isStaff(principal) && sample.status !== 'SUBMITTED') throw new ForbiddenError(`Sample ${sample.name} is already in the lab (${sample.status}); ask staff to change it`);
        const before = sampleSnapshot(sample);
        const problems = new Problems();
        await this.apply(em, problems, sample, change);
        checkSampleState(problems, '', stateOf(sample));
        problems.throwIfAny();
        await em.flush();
        await this.emitChanges(em, sample, before, change);
        return sample;
      });
    } catch (err) {
      if (err instanceof OptimisticLockError) throw new ConflictError('The sample was changed by someone else while saving; reload and retry');
      throw err;
    }
  }

  private async apply(em: EntityManager, problems: Problems, sample: Sample, change: Change): Promise<void> {
    const { billingAccountId, ...fields } = change.fields ?? {};
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      if (key === 'name' && typeof value === 'string') {
        const name = value.trim();
        const clash = name.toLowerCase() !== sample.name.toLowerCase() && (await em.count(Sample, { submission: sample.submission, name: { $ilike: name }, id: { $ne: sample.id } }));
        if (clash) problems.add('name', `"${name}" is already used in this submission`);
        sample.name = name;
      } else if (['sampleType', 'priority', 'flowCellCount', 'isControl'].includes(key)) {
        if (value !== null) (sample as Record<string, unknown>)[key] = value;
      } else {
        (sample as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() || null : value;
      }
    }
    if (billingAccountId !== undefined) {
      sample.billingAccount = billingAccountId ? await checkUsableAccount(em, problems, 'billingAccountId', billingAccountId, sample.labId) : null;
    }
    if (change.assigneeId !== undefined) sample.assigneeId = change.assigneeId;
    if (change.archive) sample.archivedAt = this.deps.now();
  }

  private async emitChanges(em: EntityManager, sample: Sample, before: Record<string, unknown>, change: Change): Promise<void> {
    const diff = diffFields(before, sampleSnapshot(sample));
    if (!diff) return;
    const now = this.deps.now();
    const origin = eventOrigin(this.ctx, SOURCE);
    const subject = { type: 'Sample', id: sample.id, sampleId: sample.id, submissionId: sample.submission.id, labId: sample.labId };
    const pick = (keep: (k: string) => boolean) => {
      const keys = Object.keys(diff.after).filter(keep);
      return keys.length ? { before: Object.fromEntries(keys.map((k) => [k, diff.before[k]])), after: Object.fromEntries(keys.map((k) => [k, diff.after[k]])) } : null;
    };
    const events: DomainEvent[] = [];
    const add = (type: EventType, part: { before: Record<string, unknown>; after: Record<string, unknown> } | null, data: Record<string, unknown>, reason?: string | null) => {
      if (part) events.push(createEvent(origin, { type, subject, data: { name: sample.name, ...data }, ...part, reason }, now) as DomainEvent);
    };
    if (change.archive) {
      add(EventTypes.SampleArchived, pick(() => true), { archivedAt: sample.archivedAt!.toISOString() } satisfies Omit<SampleArchivedData, 'name'>, change.archive.reason);
    } else {
      const priority = { priority: sample.priority, previousPriority: diff.before.priority ?? sample.priority } satisfies Omit<SamplePriorityChangedData, 'name'>;
      add(EventTypes.SamplePriorityChanged, pick((k) => PRIORITY_FIELDS.has(k)), priority);
      add(EventTypes.SampleAssigned, pick((k) => ASSIGN_FIELDS.has(k)), { assigneeId: sample.assigneeId ?? null });
      add(EventTypes.SampleUpdated, pick((k) => !PRIORITY_FIELDS.has(k) && !ASSIGN_FIELDS.has(k)), { version: sample.version });
    }
    if (change.archive) {
      const submission = await em.findOneOrFail(Submission, sample.submission.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const subBefore = submissionSnapshot(submission);
      await refreshSubmission(em, this.deps.schema, submission, now);
      await em.flush();
      const subDiff = diffFields(subBefore, submissionSnapshot(submission));
      if (subDiff) events.push(this.submissionEvent(submission, subDiff, now));
    }
    await recordEvents(em, this.deps.schema, events);
  }

  private submissionEvent(submission: Submission, diff: { before: Record<string, unknown>; after: Record<string, unknown> }, now: Date): DomainEvent {
    return createEvent(eventOrigin(this.ctx, SOURCE), {
      type: EventTypes.SubmissionUpdated, subject: { type: 'Submission', id: submission.id, submissionId: submission.id, labId: submission.labId },
      data: { number: submission.number, projectId: submission.project.id, status: submission.status } satisfies SubmissionEventData, ...diff,
    }, now) as DomainEvent;
  }

  private checkOpenForSamples(submission: Submission): void {
    if (submission.status === 'CANCELLED' || submission.status === 'COMPLETED') {
      throw new InvalidTransitionError(`Submission ${submission.number} is ${submission.status}; it takes no more samples`);
    }
    if (!isStaff(this.ctx.principal) && !['DRAFT', 'SUBMITTED'].includes(submission.status)) {
      throw new ForbiddenError(`Submission ${submission.number} is with the facility (${submission.status}); ask staff to add samples`);
    }
  }

  private requireStaff(what: string): void {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF');
    if (!isStaff(this.ctx.principal)) throw new ForbiddenError(`Only facility staff can ${what}`);
  }
}
