import { GatewayClient, startDistributedSystem, waitFor, type ClientUser, type DistributedOptions, type DistributedSystem } from '@app/testing';
import type { Operation } from './load.js';

export const SAMPLE_QC = { sampleQc: { qubitNgPerUl: 40, volumeUl: 20, a260280: 1.85, a260230: 2.1, outcome: 'PASS' } };

/** A running distributed system with an admin, a staff member and a submitter, through gateway 1. */
export interface World {
  sys: DistributedSystem;
  client: GatewayClient;
  admin: string;
  /** The admin's password, to e-sign skips and overrides. */
  adminPassword: string;
  staff: ClientUser;
  submitter: ClientUser;
  stop(): Promise<void>;
}

export async function startWorld(options: DistributedOptions = {}): Promise<World> {
  const sys = await startDistributedSystem(options);
  try {
    const client = new GatewayClient(sys.gatewayUrls()[0]!);
    const admin = await client.login(sys.adminEmail, sys.secrets.ADMIN_PASSWORD);
    const [staff, submitter] = [await client.createUser(admin, 'STAFF'), await client.createUser(admin, 'SUBMITTER', 'lab-a')];
    return { sys, client, admin, adminPassword: sys.secrets.ADMIN_PASSWORD, staff, submitter, stop: () => stopChecked(sys) };
  } catch (err) {
    await sys.stop();
    throw err;
  }
}

/** Stops everything, then fails if any process ever wrote a secret to its output. */
async function stopChecked(sys: DistributedSystem): Promise<void> {
  await sys.stop();
  const leaks = sys.leakedSecrets();
  if (leaks.length) throw new Error(`secrets in process output: ${JSON.stringify(leaks)}`);
}

function data<T = Record<string, any>>(res: { data?: any; errors?: unknown[] }, what: string): T {
  if (res.errors?.length || !res.data) throw new Error(`${what} failed: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

type Answer = Awaited<ReturnType<GatewayClient['gql']>>;

/**
 * Skips a step as the admin, e-signed as every skip must be: the record from workflow, signed by auth
 * with the admin's password. A failed look-up or signature is returned as the answer, to retry.
 */
export async function signedSkip(w: World, sampleId: string, step: string, reason: string, client = w.client): Promise<Answer> {
  const record = await client.gql(`query($s: ID!, $a: StepAction!, $r: String!) { stepSignatureRecord(sampleId: $s, step: ${step}, action: $a, reason: $r) { recordType recordId hash } }`,
    { s: sampleId, a: 'SKIPPED', r: reason }, w.admin);
  const r = record.data?.stepSignatureRecord;
  if (!r) return record;
  const signed = await client.gql(`mutation($i: SignRecordInput!) { signRecord(input: $i) { token } }`,
    { i: { recordType: r.recordType, recordId: r.recordId, recordHash: r.hash, meaning: 'APPROVED_BY', password: w.adminPassword } }, w.admin);
  const token = signed.data?.signRecord?.token;
  if (!token) return signed;
  return client.gql(`mutation($s: ID!, $r: String!, $sig: String) { skipStep(sampleId: $s, step: ${step}, reason: $r, signature: $sig) { status } }`, { s: sampleId, r: reason, sig: token }, w.admin);
}

/** A received submission of `n` samples whose workflows exist: ready for step operations. */
export async function labSamples(w: World, n: number, client = w.client): Promise<string[]> {
  const p = data(await client.gql(`mutation { createProject(input: { name: "Fault project" }) { id } }`, {}, w.submitter.token), 'createProject').createProject.id;
  const s = data(await client.gql(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p }, w.submitter.token), 'createSubmission').createSubmission.id;
  const rows = Array.from({ length: n }, (_, i) => ({ name: `Fault ${i + 1}`, sampleType: 'DNA', volume: 20, qubitConcentration: 40 }));
  const ids = data(await client.gql(`mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id } }`, { s, x: rows }, w.submitter.token), 'addSamples')
    .addSamples.map((x: { id: string }) => x.id) as string[];
  data(await client.gql(`mutation($id: ID!) { updateSubmission(id: $id, input: { status: SUBMITTED }) { id } }`, { id: s }, w.submitter.token), 'submit');
  data(await client.gql(`mutation($id: ID!) { markSubmissionReceived(id: $id) { id } }`, { id: s }, w.staff.token), 'markSubmissionReceived');
  await waitFor(async () => {
    const res = await client.gql(`query($id: ID!) { sample(id: $id) { workflow { id } } }`, { id: ids[ids.length - 1] }, w.staff.token);
    return res.data?.sample?.workflow;
  }, { what: 'workflows of new samples', timeoutMs: 30_000, intervalMs: 100 });
  return ids;
}

/**
 * The mixed traffic of the fault tests: submitters creating projects and samples (samples), staff
 * moving samples through SAMPLE_QC (workflow), reads crossing samples, workflow and auth, and `me`.
 * Step operations walk the given samples, one step operation each per sample.
 */
export function mixedOperations(w: World, samples: string[], client = w.client): Operation[] {
  let cursor = 0;
  const stepOf = new Map<string, 'start' | 'complete' | 'done'>();
  const nextSample = () => {
    for (let i = 0; i < samples.length; i++) {
      const id = samples[cursor++ % samples.length]!;
      if (stepOf.get(id) !== 'done') return id;
    }
    return samples[0]!;
  };
  return [
    { name: 'createProject', run: () => client.gql(`mutation { createProject(input: { name: "Load project" }) { id } }`, {}, w.submitter.token) },
    { name: 'sampleWithWorkflow', run: () => client.gql(`query($id: ID!) { sample(id: $id) { id name status workflow { status currentStep { name } } submission { submitter { name } } } }`,
      { id: samples[cursor % samples.length] }, w.staff.token) },
    { name: 'stepOperation', run: async () => {
      const id = nextSample();
      const state = stepOf.get(id) ?? 'start';
      const res = state === 'start'
        ? await client.gql(`mutation($s: ID!) { startStep(sampleId: $s, step: SAMPLE_QC) { status } }`, { s: id }, w.staff.token)
        : await client.gql(`mutation($s: ID!, $r: StepResultsInput) { completeStep(sampleId: $s, step: SAMPLE_QC, results: $r) { status } }`, { s: id, r: SAMPLE_QC }, w.staff.token);
      // Done, or refused because it was already done (the answer was lost in a fault): move on.
      if (!res.errors?.length || res.errors.some((e) => e.extensions?.code === 'INVALID_TRANSITION')) stepOf.set(id, state === 'start' ? 'complete' : 'done');
      return res;
    } },
    { name: 'samplesPage', run: () => client.gql(`{ samples(first: 10) { totalCount edges { node { id status } } } }`, {}, w.staff.token) },
    { name: 'me', run: () => client.gql(`{ me { id email } }`, {}, w.submitter.token) },
  ];
}
