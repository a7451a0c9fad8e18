import { executeBound, isStaff, qualified, type Principal } from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BillingAccount } from '../entities/index.js';
import type { Priority } from '../entities/enums.js';
import { checkSampleFields, checkSampleState, type SampleInput } from './sample-rules.js';
import type { Problems } from '@app/common';

/** What draft samples are checked against: the submission they join (or would join). */
export interface DraftTarget {
  labId: string;
  /** Default priority of the submission, used when a draft gives none. */
  priority: Priority;
  /** Samples already in the submission (empty for one not created yet). */
  existing: { name: string; externalKey?: string | null }[];
}

/**
 * The samples of a submission the drafts could collide with: the same name (case-insensitive) or
 * the same external key. Each draft is one index probe (the lateral `offset 0` keeps PostgreSQL
 * from turning 1,000 probes into one scan of the submission, which it prefers once a submission
 * has tens of thousands of samples and which made a 100,000-row import quadratic), so a call
 * costs the same in a submission of 100,000 samples as in an empty one.
 */
export async function samplesLike(em: EntityManager, schema: string, submissionId: string, inputs: SampleInput[]): Promise<{ name: string; externalKey: string | null }[]> {
  const names = [...new Set(inputs.map((i) => i.name?.trim().toLowerCase()).filter((n): n is string => !!n))];
  const keys = [...new Set(inputs.map((i) => i.externalKey).filter((k): k is string => !!k))];
  if (!names.length && !keys.length) return [];
  const table = qualified(schema, 'sample');
  const probe = (match: string) => `select s.name, s.external_key from jsonb_array_elements_text(?::jsonb) as d(v)
    cross join lateral (select name, external_key from ${table} where submission_id = ? and ${match} = d.v offset 0) as s`;
  const rows = await executeBound<{ name: string; external_key: string | null }[]>(em,
    `${probe('lower(name)')} union ${probe('external_key')}`, [JSON.stringify(names), submissionId, JSON.stringify(keys), submissionId]);
  return rows.map((r) => ({ name: r.name, externalKey: r.external_key }));
}

/** Longest external key a client may send (intake sends `intake:<job uuid>:<row>`). */
export const MAX_EXTERNAL_KEY = 200;

/**
 * Every per-sample rule of `addSamples`, in one place so `validateSampleDrafts` runs exactly the
 * same checks: field formats and ranges, cross-field state, names unique in the submission (case-
 * insensitive), who may assign, billing accounts usable in the lab. Drafts whose `externalKey` is
 * already in the submission are the same sample again (a retried import), not a clash.
 */
export async function checkSampleDrafts(
  em: EntityManager, problems: Problems, principal: Principal, target: DraftTarget, inputs: SampleInput[], at: (i: number) => string = (i) => `samples.${i}.`,
): Promise<void> {
  const keys = new Set(target.existing.map((s) => s.externalKey).filter((k): k is string => !!k));
  const names = new Set(target.existing.map((s) => s.name.toLowerCase()));
  const keysHere = new Set<string>();
  inputs.forEach((input, i) => {
    const path = at(i);
    problems.text(`${path}externalKey`, input.externalKey, { required: false, max: MAX_EXTERNAL_KEY });
    if (input.externalKey && keysHere.has(input.externalKey)) problems.add(`${path}externalKey`, 'is given to two samples of this call');
    if (input.externalKey) keysHere.add(input.externalKey);
    if (input.externalKey && keys.has(input.externalKey)) return;
    checkSampleFields(problems, path, input);
    const name = input.name?.trim();
    if (name && names.has(name.toLowerCase())) problems.add(`${path}name`, `"${name}" is already used in this submission`);
    if (name) names.add(name.toLowerCase());
    if (input.assigneeId && !isStaff(principal)) problems.add(`${path}assigneeId`, 'only facility staff assign samples');
    problems.uuid(`${path}assigneeId`, input.assigneeId);
    checkSampleState(problems, path, {
      sampleType: input.sampleType, materialType: input.materialType ?? null, qubitConcentration: input.qubitConcentration ?? null,
      nanodropConcentration: input.nanodropConcentration ?? null, volume: input.volume ?? null,
      priority: input.priority ?? target.priority, assigneeId: input.assigneeId ?? null,
    });
  });
  await checkAccounts(em, problems, inputs, target.labId, at);
}

/** Billing accounts named by the drafts, loaded once; each must exist, be active and belong to the lab. */
export async function checkAccounts(
  em: EntityManager, problems: Problems, inputs: SampleInput[], labId: string, at: (i: number) => string = (i) => `samples.${i}.`,
): Promise<Map<string, BillingAccount>> {
  const ids = [...new Set(inputs.map((i) => i.billingAccountId).filter((id): id is string => !!id && /^[0-9a-f-]{36}$/i.test(id)))];
  const found = ids.length ? await em.find(BillingAccount, { id: { $in: ids } }) : [];
  const byId = new Map(found.map((a) => [a.id, a]));
  inputs.forEach((input, i) => {
    if (!input.billingAccountId) return;
    const account = byId.get(input.billingAccountId);
    const field = `${at(i)}billingAccountId`;
    if (!account) problems.add(field, 'no such billing account');
    else if (account.labId !== labId) problems.add(field, `billing account ${account.code} belongs to another lab`);
    else if (!account.active) problems.add(field, `billing account ${account.code} is inactive`);
  });
  return byId;
}
