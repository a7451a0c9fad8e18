import type { EntityManager } from '@mikro-orm/postgresql';
import { StepNames, type StepName } from '../../entities/enums.js';
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

/** A trigger with its facts and the people it goes to. */
export interface Addressed {
  trigger: Trigger;
  facts: NotificationFacts;
  recipients: Recipient[];
}

const MAX_RECIPIENTS = 200;

const uniq = <T>(values: (T | null | undefined)[]): T[] => [...new Set(values.filter((v): v is T => v !== null && v !== undefined))];

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The step names whose assignees the trigger's audience asks for (its step, the step after it). */
function assigneeSteps(trigger: Trigger): StepName[] {
  const a = trigger.audience;
  if (!trigger.sampleId || !trigger.step) return [];
  const at = StepNames.indexOf(trigger.step);
  return [
    ...(a.stepAssignee ? [trigger.step] : []),
    ...(a.nextStepAssignee && at < StepNames.length - 1 ? [StepNames[at + 1]!] : []),
  ];
}

/**
 * Facts and recipients of a whole batch of triggers, read with one query per table (samples,
 * workflows, submissions, lab members, steps, staff, users, listed addresses) however many
 * triggers there are. For each trigger: everyone its audience names, once each (by user, then by
 * address): active users only, never the event's own actor (unless the audience is the actor);
 * delivery-list addresses that belong to a user count as that user. Assignees are read when the
 * event is processed.
 */
export async function addressAll(em: EntityManager, triggers: Trigger[]): Promise<Addressed[]> {
  const sampleIds = uniq(triggers.map((t) => t.sampleId));
  const samples = new Map((sampleIds.length ? await em.find(NotifySample, { id: { $in: sampleIds } }) : []).map((s) => [s.id, s]));
  const workflows = new Map((sampleIds.length ? await em.find(Workflow, { sampleId: { $in: sampleIds } }) : []).map((w) => [w.sampleId, w]));
  const submissionIdOf = (t: Trigger) => t.submissionId ?? (t.sampleId ? samples.get(t.sampleId)?.submissionId ?? workflows.get(t.sampleId)?.submissionId : null) ?? null;
  const submissionIds = uniq(triggers.map(submissionIdOf));
  const submissions = new Map((submissionIds.length ? await em.find(NotifySubmission, { id: { $in: submissionIds } }) : []).map((s) => [s.id, s]));

  /** The lab the facts name, and the lab whose members are the customers. */
  const factLabOf = (t: Trigger) => {
    const sample = t.sampleId ? samples.get(t.sampleId) : undefined;
    const workflow = t.sampleId ? workflows.get(t.sampleId) : undefined;
    const submissionId = submissionIdOf(t);
    return t.labId ?? sample?.labId ?? workflow?.labId ?? (submissionId ? submissions.get(submissionId)?.labId : null) ?? null;
  };
  const customerLabOf = (t: Trigger) => {
    const submissionId = submissionIdOf(t);
    return t.labId ?? (submissionId ? submissions.get(submissionId)?.labId : null) ?? null;
  };
  const labIds = uniq([...triggers.map(factLabOf), ...triggers.filter((t) => t.audience.customers).map(customerLabOf)]);
  const labUsers = groupBy(labIds.length ? await em.find(NotifyUser, { labId: { $in: labIds } }, { orderBy: { id: 'asc' } }) : [], (u) => u.labId);

  const stepped = triggers.filter((t) => assigneeSteps(t).length > 0);
  const stepNames = uniq(stepped.flatMap(assigneeSteps));
  const steps = groupBy(stepped.length
    ? await em.find(WorkflowStep, { sampleId: { $in: uniq(stepped.map((t) => t.sampleId)) }, name: { $in: stepNames } })
    : [], (s) => s.sampleId);

  const needStaff = triggers.some((t) => t.audience.allStaff !== 'never');
  const staff = needStaff ? await em.find(NotifyUser, { role: 'STAFF', active: true }, { limit: MAX_RECIPIENTS, orderBy: { id: 'asc' } }) : [];

  // Who each trigger names, before looking the people up.
  const wanted = triggers.map((t) => {
    const a = t.audience;
    const userIds = new Set<string>();
    const addresses = new Set<string>();
    const submissionId = submissionIdOf(t);
    const submission = submissionId ? submissions.get(submissionId) : undefined;
    if (a.customers) {
      if (submission?.submitterId) userIds.add(submission.submitterId);
      const lab = customerLabOf(t);
      const members = (lab ? labUsers.get(lab) ?? [] : []).filter((u) => u.active && u.role === 'SUBMITTER');
      for (const u of members.slice(0, MAX_RECIPIENTS)) userIds.add(u.id);
    }
    if (a.deliveryList) for (const e of submission?.notifyEmails ?? []) addresses.add(e.toLowerCase());
    if (a.actor && t.source.actor.userId) userIds.add(t.source.actor.userId);
    const assignees: string[] = [];
    if (t.sampleId && a.sampleAssignee) {
      const id = samples.get(t.sampleId)?.assigneeId;
      if (id) assignees.push(id);
    }
    const names = new Set<string>(assigneeSteps(t));
    for (const s of t.sampleId ? steps.get(t.sampleId) ?? [] : []) if (names.has(s.name) && s.assigneeId) assignees.push(s.assigneeId);
    assignees.forEach((id) => userIds.add(id));
    if (a.allStaff === 'always' || (a.allStaff === 'fallback' && assignees.length === 0)) for (const u of staff) userIds.add(u.id);
    // Nobody is told about what they just did themselves, unless the audience names the actor.
    const actorId = t.source.actor.userId;
    if (actorId && !a.actor) userIds.delete(actorId);
    return { userIds, addresses };
  });

  // Everyone named, in two queries: by id (those not already read with their lab or as staff) and by listed address.
  const known = new Map<string, NotifyUser>([...labUsers.values()].flat().concat(staff).map((u) => [u.id, u]));
  const missing = uniq(wanted.flatMap((w) => [...w.userIds])).filter((id) => !known.has(id));
  for (const u of missing.length ? await em.find(NotifyUser, { id: { $in: missing } }) : []) known.set(u.id, u);
  const allAddresses = uniq(wanted.flatMap((w) => [...w.addresses]));
  const listed = new Map<string, NotifyUser>();
  for (const u of allAddresses.length ? await em.find(NotifyUser, { email: { $in: allAddresses }, active: true }, { orderBy: { id: 'asc' } }) : []) {
    if (!listed.has(u.email.toLowerCase())) listed.set(u.email.toLowerCase(), u);
  }

  return triggers.map((trigger, i) => {
    const { userIds, addresses } = wanted[i]!;
    const users = [...userIds].map((id) => known.get(id)).filter((u): u is NotifyUser => !!u && u.active);
    const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));
    for (const address of addresses) {
      const u = listed.get(address);
      if (u && !byEmail.has(address)) { users.push(u); byEmail.set(address, u); }
    }
    const recipients: Recipient[] = users.map((u) => ({ userId: u.id, email: u.email, name: u.name ?? null }));
    for (const address of addresses) if (!byEmail.has(address)) recipients.push({ userId: null, email: address, name: null });

    const sample = trigger.sampleId ? samples.get(trigger.sampleId) : undefined;
    const workflow = trigger.sampleId ? workflows.get(trigger.sampleId) : undefined;
    const submissionId = submissionIdOf(trigger);
    const submission = submissionId ? submissions.get(submissionId) : undefined;
    const labId = factLabOf(trigger);
    const facts: NotificationFacts = {
      sample: trigger.sampleId ? {
        id: trigger.sampleId, name: sample?.name ?? workflow?.sampleName ?? 'sample', number: sample?.number ?? null,
        sampleType: sample?.sampleType ?? workflow?.sampleType ?? null, priority: workflow?.priority ?? null, status: workflow?.sampleStatus ?? null,
      } : null,
      submission: submissionId ? { id: submissionId, number: submission?.number ?? null, deliveryMethod: submission?.deliveryMethod ?? null } : null,
      labId,
      labName: (labId ? labUsers.get(labId)?.find((u) => u.labName)?.labName : null) ?? null,
    };
    return { trigger, facts, recipients: recipients.slice(0, MAX_RECIPIENTS) };
  });
}
