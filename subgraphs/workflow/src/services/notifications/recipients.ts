import type { EntityManager } from '@mikro-orm/postgresql';
import { StepNames } from '../../entities/enums.js';
import { NotifySample, NotifySubmission, NotifyUser, Workflow, WorkflowStep } from '../../entities/index.js';
import type { Trigger } from './triggers.js';

/** One person or address to notify; `userId` is null for addresses that are not users. */
export interface Recipient {
  userId: string | null;
  email: string;
  name: string | null;
}

/** Facts about the sample and submission that templates and webhook bodies quote. */
export interface NotificationFacts {
  sample: { id: string; name: string; number: number | null; sampleType: string | null; priority: string | null; status: string | null } | null;
  submission: { id: string; number: string | null; deliveryMethod: string | null } | null;
  labId: string | null;
  labName: string | null;
}

const MAX_RECIPIENTS = 200;

/** What is known locally about the trigger's sample and submission. */
export async function factsOf(em: EntityManager, trigger: Trigger): Promise<NotificationFacts> {
  const sample = trigger.sampleId ? await em.findOne(NotifySample, trigger.sampleId) : null;
  const workflow = trigger.sampleId ? await em.findOne(Workflow, { sampleId: trigger.sampleId }) : null;
  const submissionId = trigger.submissionId ?? sample?.submissionId ?? workflow?.submissionId ?? null;
  const submission = submissionId ? await em.findOne(NotifySubmission, submissionId) : null;
  const labId = trigger.labId ?? sample?.labId ?? workflow?.labId ?? submission?.labId ?? null;
  const labMember = labId ? await em.findOne(NotifyUser, { labId, labName: { $ne: null } }) : null;
  return {
    sample: trigger.sampleId ? {
      id: trigger.sampleId, name: sample?.name ?? workflow?.sampleName ?? 'sample', number: sample?.number ?? null,
      sampleType: sample?.sampleType ?? workflow?.sampleType ?? null, priority: workflow?.priority ?? null, status: workflow?.sampleStatus ?? null,
    } : null,
    submission: submissionId ? { id: submissionId, number: submission?.number ?? null, deliveryMethod: submission?.deliveryMethod ?? null } : null,
    labId,
    labName: labMember?.labName ?? null,
  };
}

/** Assignees of the trigger's step, the step after it, and the sample (whichever the audience asks for). */
async function assigneeIds(em: EntityManager, trigger: Trigger): Promise<string[]> {
  const ids: (string | null | undefined)[] = [];
  const a = trigger.audience;
  if (!trigger.sampleId) return [];
  if (a.sampleAssignee) ids.push((await em.findOne(NotifySample, trigger.sampleId))?.assigneeId);
  if ((a.stepAssignee || a.nextStepAssignee) && trigger.step) {
    const names = [
      ...(a.stepAssignee ? [trigger.step] : []),
      ...(a.nextStepAssignee && StepNames.indexOf(trigger.step) < StepNames.length - 1 ? [StepNames[StepNames.indexOf(trigger.step) + 1]!] : []),
    ];
    const steps = await em.find(WorkflowStep, { sampleId: trigger.sampleId, name: { $in: names } });
    ids.push(...steps.map((s) => s.assigneeId));
  }
  return ids.filter((id): id is string => !!id);
}

/**
 * Everyone the trigger's audience names, once each (by user, then by address): active users only,
 * never the event's own actor (unless the audience is the actor); delivery-list addresses that
 * belong to a user count as that user. Assignees are read when the event is processed.
 */
export async function recipientsOf(em: EntityManager, trigger: Trigger): Promise<Recipient[]> {
  const a = trigger.audience;
  const userIds = new Set<string>();
  const addresses = new Set<string>();
  const submission = trigger.submissionId ? await em.findOne(NotifySubmission, trigger.submissionId)
    : trigger.sampleId ? await submissionOfSample(em, trigger.sampleId) : null;
  const labId = trigger.labId ?? submission?.labId ?? null;
  if (a.customers) {
    if (submission?.submitterId) userIds.add(submission.submitterId);
    if (labId) for (const u of await em.find(NotifyUser, { labId, active: true, role: 'SUBMITTER' }, { limit: MAX_RECIPIENTS })) userIds.add(u.id);
  }
  if (a.deliveryList) for (const e of submission?.notifyEmails ?? []) addresses.add(e.toLowerCase());
  if (a.actor && trigger.source.actor.userId) userIds.add(trigger.source.actor.userId);
  const assignees = await assigneeIds(em, trigger);
  assignees.forEach((id) => userIds.add(id));
  if (a.allStaff === 'always' || (a.allStaff === 'fallback' && assignees.length === 0)) {
    for (const u of await em.find(NotifyUser, { role: 'STAFF', active: true }, { limit: MAX_RECIPIENTS })) userIds.add(u.id);
  }
  // Nobody is told about what they just did themselves, unless the audience names the actor.
  const actorId = trigger.source.actor.userId;
  if (actorId && !a.actor) userIds.delete(actorId);
  const users = userIds.size ? await em.find(NotifyUser, { id: { $in: [...userIds] }, active: true }) : [];
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));
  const listed = addresses.size ? await em.find(NotifyUser, { email: { $in: [...addresses] }, active: true }) : [];
  for (const u of listed) if (!byEmail.has(u.email.toLowerCase())) { users.push(u); byEmail.set(u.email.toLowerCase(), u); }
  const out: Recipient[] = users.map((u) => ({ userId: u.id, email: u.email, name: u.name ?? null }));
  for (const address of addresses) if (!byEmail.has(address)) out.push({ userId: null, email: address, name: null });
  return out.slice(0, MAX_RECIPIENTS);
}

async function submissionOfSample(em: EntityManager, sampleId: string) {
  const sample = await em.findOne(NotifySample, sampleId);
  const submissionId = sample?.submissionId ?? (await em.findOne(Workflow, { sampleId }))?.submissionId;
  return submissionId ? em.findOne(NotifySubmission, submissionId) : null;
}
