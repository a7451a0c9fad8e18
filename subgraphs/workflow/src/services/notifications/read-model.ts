import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, Roles, type DomainEvent, type Role } from '@app/common';
import { NotifySample, NotifySubmission, NotifyUser } from '../../entities/index.js';

/** Event types that keep the local read model of users, submissions and samples. */
export const READ_MODEL_TYPES = new Set<string>([
  EventTypes.UserCreated, EventTypes.UserUpdated, EventTypes.UserRoleChanged, EventTypes.UserDeactivated,
  EventTypes.SubmissionCreated, EventTypes.SubmissionUpdated, EventTypes.SampleCreated, EventTypes.SampleAssigned, EventTypes.SampleUpdated,
]);

type Fields = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const has = (o: Fields | null | undefined, key: string): o is Fields => !!o && Object.prototype.hasOwnProperty.call(o, key);
const roleOf = (v: unknown): Role | null => ((Roles as readonly string[]).includes(v as string) ? (v as Role) : null);

/**
 * Applies auth's and samples' events to the tables notifications read (design.md §2: no reading
 * other subgraphs' tables). Updates carry only changed fields, so each is merged over what is known.
 */
export async function applyToReadModel(em: EntityManager, event: DomainEvent): Promise<void> {
  if (event.type.startsWith('User')) return applyUser(em, event);
  if (event.type.startsWith('Submission')) return applySubmission(em, event);
  return applySample(em, event);
}

async function applyUser(em: EntityManager, event: DomainEvent): Promise<void> {
  const after = { ...(event.data as Fields), ...(event.after ?? {}) };
  let user = await em.findOne(NotifyUser, event.subject.id);
  if (!user) {
    const email = str(after.email);
    if (!email) return; // a user we never saw created: nothing to address
    user = em.create(NotifyUser, { id: event.subject.id, email, updatedAt: new Date(event.occurredAt) });
  }
  if (has(after, 'email') && str(after.email)) user.email = str(after.email)!;
  if (has(after, 'name')) user.name = str(after.name);
  if (has(after, 'role') && roleOf(after.role)) user.role = roleOf(after.role);
  if (has(after, 'labId')) user.labId = str(after.labId);
  else if (event.type === EventTypes.UserCreated) user.labId = str(event.subject.labId);
  if (has(after, 'labName')) user.labName = str(after.labName);
  if (has(after, 'active')) user.active = after.active !== false;
  if (event.type === EventTypes.UserDeactivated) user.active = false;
  user.updatedAt = new Date(event.occurredAt);
  await em.flush();
}

async function applySubmission(em: EntityManager, event: DomainEvent): Promise<void> {
  const data = (event.data ?? {}) as Fields;
  const after = (event.after ?? {}) as Fields;
  let row = await em.findOne(NotifySubmission, event.subject.id);
  if (!row) row = em.create(NotifySubmission, { id: event.subject.id, notifyEmails: [], updatedAt: new Date(event.occurredAt) });
  row.number = str(data.number) ?? row.number ?? null;
  row.labId = str(event.subject.labId) ?? row.labId ?? null;
  // samples stamps the submitter as the creator; `submitterId` in data when present (added for notifications).
  row.submitterId = str(data.submitterId) ?? row.submitterId ?? (event.type === EventTypes.SubmissionCreated ? event.actor.userId : null);
  if (has(after, 'dataDeliveryPreferences')) {
    const prefs = (after.dataDeliveryPreferences ?? null) as { notifyEmails?: unknown; method?: unknown } | null;
    row.notifyEmails = Array.isArray(prefs?.notifyEmails) ? prefs.notifyEmails.filter((e): e is string => typeof e === 'string').slice(0, 50) : [];
    row.deliveryMethod = str(prefs?.method);
  }
  row.updatedAt = new Date(event.occurredAt);
  await em.flush();
}

async function applySample(em: EntityManager, event: DomainEvent): Promise<void> {
  const data = (event.data ?? {}) as Fields;
  const after = (event.after ?? {}) as Fields;
  let row = await em.findOne(NotifySample, event.subject.id);
  if (!row) {
    if (event.type !== EventTypes.SampleCreated) return;
    row = em.create(NotifySample, { id: event.subject.id, name: str(data.name) ?? 'sample', updatedAt: new Date(event.occurredAt) });
  }
  if (event.type === EventTypes.SampleCreated) {
    row.submissionId = str(event.subject.submissionId) ?? str(data.submissionId);
    row.labId = str(event.subject.labId);
    row.number = typeof data.number === 'number' ? data.number : null;
    row.sampleType = str(data.sampleType);
  }
  if (str(data.name)) row.name = str(data.name)!;
  if (has(data, 'assigneeId')) row.assigneeId = str(data.assigneeId);
  else if (has(after, 'assigneeId')) row.assigneeId = str(after.assigneeId);
  row.updatedAt = new Date(event.occurredAt);
  await em.flush();
}
