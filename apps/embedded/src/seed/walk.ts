import { chunk, mapLimit, type GatewayClient } from './client.js';
import { STEPS, type PlannedSample, type StepName } from './plan.js';
import { stepResults, type ResultContext } from './results.js';

/** A planned sample once it exists: its id and what its step results are made from. */
export interface LiveSample {
  id: string;
  plan: PlannedSample;
  context: ResultContext;
}

export interface Workers {
  admin: GatewayClient;
  /** The admin's password, to e-sign the override (without it, the admin's recent sign-in signs). */
  adminPassword?: string;
  /** Staff clients and user ids, in the order of the staff list. */
  staff: { client: GatewayClient; id: string }[];
}

const START = `mutation SeedStartSteps($inputs: [StartStepInput!]!) { startSteps(inputs: $inputs) { sampleId ok error { code message field } } }`;
const COMPLETE = `mutation SeedCompleteSteps($inputs: [CompleteStepInput!]!) { completeSteps(inputs: $inputs) { sampleId ok error { code message field } } }`;
const COMPLETE_ONE = `mutation SeedCompleteStep($s: ID!, $step: WorkflowStepName!, $r: StepResultsInput) { completeStep(sampleId: $s, step: $step, results: $r) { status outcome } }`;
const REOPEN = `mutation SeedReopenStep($s: ID!, $step: WorkflowStepName!, $reason: String!) { reopenStep(sampleId: $s, step: $step, reason: $reason) { status } }`;
const OVERRIDE = `mutation SeedOverrideStep($s: ID!, $step: WorkflowStepName!, $reason: String!, $sig: String) { overrideStep(sampleId: $s, step: $step, reason: $reason, signature: $sig) { status } }`;
const SIGNABLE = `query SeedSignableStep($s: ID!, $step: WorkflowStepName!, $a: StepAction!, $r: String!) { stepSignatureRecord(sampleId: $s, step: $step, action: $a, reason: $r) { recordType recordId hash } }`;
const SIGN = `mutation SeedSignRecord($i: SignRecordInput!) { signRecord(input: $i) { token } }`;
const ARCHIVE = `mutation SeedArchive($id: ID!, $reason: String) { archiveSample(id: $id, reason: $reason) { status } }`;

type BulkResult = { sampleId: string; ok: boolean; error: { code: string; message: string; field: string | null } | null };

/** Bulk results must all be ok: the plan only asks for moves the state machine allows. */
function requireOk(what: string, results: BulkResult[]): void {
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${what}: ${failed.length} refused, e.g. ${failed[0]!.sampleId}: ${failed[0]!.error?.code} ${failed[0]!.error?.message}`);
}

/** The staff member who works a sample (its assignee, or the first in the rota). */
const workerOf = (w: Workers, s: LiveSample) => w.staff[s.plan.assignee ?? 0]!;

async function bulk(w: Workers, samples: LiveSample[], what: string, build: (s: LiveSample) => Record<string, unknown>, mutation: string, field: 'startSteps' | 'completeSteps'): Promise<void> {
  // Each staff member acts on the samples they are assigned, 96 (a plate) at a time.
  const byWorker = new Map<number, LiveSample[]>();
  for (const s of samples) byWorker.set(s.plan.assignee ?? 0, [...(byWorker.get(s.plan.assignee ?? 0) ?? []), s]);
  const batches = [...byWorker.entries()].flatMap(([worker, list]) => chunk(list, 96).map((part) => ({ worker, part })));
  await mapLimit(batches, 2, async ({ worker, part }) => {
    const data = await w.staff[worker]!.client.request<Record<string, BulkResult[]>>(mutation, { inputs: part.map(build) });
    requireOk(what, data[field]!);
  });
}

/** The admin's e-signature (APPROVED_BY) for overriding `step` of a sample, as the web client makes it. */
async function signOverride(w: Workers, sampleId: string, step: StepName, reason: string): Promise<string> {
  const { stepSignatureRecord: r } = await w.admin.request(SIGNABLE, { s: sampleId, step, a: 'OVERRIDDEN', r: reason });
  const input = { recordType: r.recordType, recordId: r.recordId, recordHash: r.hash, meaning: 'APPROVED_BY', ...(w.adminPassword ? { password: w.adminPassword } : {}) };
  return (await w.admin.request(SIGN, { i: input })).signRecord.token;
}

/** One sample's QC story, step by step, outside the bulk calls. */
async function story(w: Workers, s: LiveSample, step: StepName): Promise<boolean> {
  const staff = workerOf(w, s).client;
  const story = s.plan.target.story;
  if (step === 'SAMPLE_QC' && (story === 'qc-fail-open' || story === 'qc-fail-reopen')) {
    const failed = await staff.request(COMPLETE_ONE, { s: s.id, step, r: stepResults(step, s.plan, s.context, true) });
    if (failed.completeStep.status !== 'FAILED') throw new Error(`expected SAMPLE_QC of ${s.plan.fields.name} to fail its QC gate`);
    if (story === 'qc-fail-open') return true;
    await staff.request(REOPEN, { s: s.id, step, reason: 'A260/230 low: cleaned up with AMPure XP beads and re-measured' });
    await staff.request(COMPLETE_ONE, { s: s.id, step, r: stepResults(step, s.plan, s.context) });
    return true;
  }
  if (step === 'LIBRARY_QC' && story === 'library-qc-override') {
    await staff.request(COMPLETE_ONE, { s: s.id, step, r: stepResults(step, s.plan, s.context, true) });
    // Accepting a failed gate needs seniority and an e-signature: the admin signs it off.
    const reason = 'Low fmol accepted: precious sample, customer agreed to a lower yield';
    await w.admin.request(OVERRIDE, { s: s.id, step, reason, sig: await signOverride(w, s.id, step, reason) });
    return true;
  }
  return false;
}

/**
 * Walks every sample to its target: for each step in order, starts it for all samples that reach it
 * and completes it for those that pass it, in bulk; the QC stories run one by one.
 */
export async function walkWorkflows(w: Workers, samples: LiveSample[], progress: (line: string) => void): Promise<void> {
  for (const [i, step] of STEPS.entries()) {
    const starting = samples.filter((s) => s.plan.target.completed > i || (s.plan.target.completed === i && s.plan.target.started));
    if (!starting.length) break;
    await bulk(w, starting, `start ${step}`, (s) => ({ sampleId: s.id, step, assigneeId: workerOf(w, s).id }), START, 'startSteps');
    const special = starting.filter((s) => s.plan.target.story);
    const handled = new Set<string>();
    for (const s of special) if (await story(w, s, step)) handled.add(s.id);
    const completing = starting.filter((s) => s.plan.target.completed > i && !handled.has(s.id));
    await bulk(w, completing, `complete ${step}`, (s) => ({ sampleId: s.id, step, results: stepResults(step, s.plan, s.context) }), COMPLETE, 'completeSteps');
    progress(`  ${step.padEnd(18)} started ${String(starting.length).padStart(4)}, completed ${String(completing.length + handled.size).padStart(4)}`);
  }
  const archived = samples.filter((s) => s.plan.target.archived);
  await mapLimit(archived, 2, (s) => workerOf(w, s).client.request(ARCHIVE, { id: s.id, reason: 'Withdrawn by the customer: replaced by a re-extraction' }));
  if (archived.length) progress(`  archived ${archived.length} withdrawn sample(s)`);
}
