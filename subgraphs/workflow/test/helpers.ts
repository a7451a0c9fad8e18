import { randomUUID } from 'node:crypto';
import { createEvent, type DomainEvent, type Principal } from '@app/common';
import { userPrincipal, waitFor, type TestSigner, type TestSubgraph } from '@app/testing';

export const samplesActor = userPrincipal('SUBMITTER', { labId: 'lab-a' });

export interface NewSample {
  sampleId?: string;
  submissionId?: string;
  labId?: string;
  name?: string;
  sampleType?: 'DNA' | 'RNA' | 'PROTEIN' | 'OTHER';
  priority?: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
}

/** A SampleCreated event exactly as the samples subgraph emits it (schema/README.md). */
export function sampleCreatedEvent(s: NewSample = {}): DomainEvent {
  const sampleId = s.sampleId ?? randomUUID();
  const submissionId = s.submissionId ?? randomUUID();
  const labId = s.labId ?? 'lab-a';
  return createEvent({ source: 'samples', principal: samplesActor }, {
    type: 'SampleCreated',
    subject: { type: 'Sample', id: sampleId, sampleId, submissionId, labId },
    data: { name: s.name ?? `S-${sampleId.slice(0, 6)}`, number: 1, sampleType: s.sampleType ?? 'DNA', priority: s.priority ?? 'NORMAL', submissionId },
    after: { status: 'SUBMITTED' },
  }) as DomainEvent;
}

export function samplesEvent(type: string, subject: { id: string; submissionId?: string; labId?: string }, data: Record<string, unknown>): DomainEvent {
  return createEvent({ source: 'samples', principal: samplesActor }, {
    type, subject: { type: type.startsWith('Submission') ? 'Submission' : 'Sample', sampleId: type.startsWith('Sample') ? subject.id : null, ...subject }, data,
  }) as DomainEvent;
}

const WORKFLOW_Q = `query($id: ID!) { workflow(sampleId: $id) { id status seq completedSteps progress currentStep { name version } } }`;

/** Publishes SampleCreated and waits until the workflow exists. */
export async function createSample(sg: TestSubgraph, staff: Principal, s: NewSample = {}): Promise<{ sampleId: string; submissionId: string; event: DomainEvent }> {
  const event = sampleCreatedEvent(s);
  await sg.bus.publish(event);
  await waitFor(async () => (await sg.call(WORKFLOW_Q, { id: event.subject.id }, staff)).data?.workflow, { what: 'workflow created' });
  return { sampleId: event.subject.id, submissionId: event.subject.submissionId!, event };
}

/** Results that pass every default threshold, per step. */
export const goodResults: Record<string, Record<string, unknown>> = {
  SAMPLE_QC: { sampleQc: { qubitNgPerUl: 50, volumeUl: 30, a260280: 1.85, a260230: 2.1, fragmentSizeBp: 12000 } },
  LIBRARY_PREP: { libraryPrep: { kitCode: 'SQK-NBD114-24', kitLot: 'L123', barcodeKit: 'SQK-NBD114.24', barcode: 'barcode01', inputNg: 1000, meanFragmentLengthBp: 10000 } },
  LIBRARY_QC: { libraryQc: { concentrationNgPerUl: 12, meanSizeBp: 9500, fmolLoaded: 20 } },
  SEQUENCING_SETUP: { sequencingSetup: { device: 'PROMETHION', position: '1A', flowCellId: 'paw12345', flowCellProductCode: 'FLO-PRO114M', poreCountAtCheck: 7000 } },
  SEQUENCING_RUN: { sequencingRun: { runId: 'run-1', startedAt: '2026-01-05T10:00:00Z', endedAt: '2026-01-07T10:00:00Z', readCount: 5e6, baseCount: 4.2e10, n50: 15000, passPercent: 92.5, meanQScore: 18 } },
  BASECALLING: { basecalling: { software: 'dorado', softwareVersion: '1.0.0', model: 'dna_r10.4.1_e8.2_400bps_sup@v5.0.0', modifiedBases: ['5mCG_5hmCG'] } },
  QUALITY_ASSESSMENT: { qualityAssessment: { meanQScore: 18.2, coverage: 35, passReadsPercent: 91 } },
  DATA_DELIVERY: { dataDelivery: { method: 'WEB_DOWNLOAD', location: 'https://data.example.org/x', files: [{ path: 'reads.fastq.gz', bytes: 123456, sha256: 'A'.repeat(64) }] } },
};

export const STEPS = ['SAMPLE_QC', 'LIBRARY_PREP', 'LIBRARY_QC', 'SEQUENCING_SETUP', 'SEQUENCING_RUN', 'BASECALLING', 'QUALITY_ASSESSMENT', 'DATA_DELIVERY'] as const;

export const STEP_FIELDS = `id name status version outcome overridden assignee { id } startedBy { id } completedBy { id } actualHours notes
  qcChecks { metric passed message }
  results { __typename ... on SampleQcResults { totalNg } ... on LibraryPrepResults { kitCode fmol } ... on DataDeliveryResults { acknowledgedAt files { sha256 } } }`;

export const M = {
  start: `mutation($s: ID!, $step: WorkflowStepName!, $a: ID, $v: Int) { startStep(sampleId: $s, step: $step, assigneeId: $a, expectedVersion: $v) { ${STEP_FIELDS} } }`,
  complete: `mutation($s: ID!, $step: WorkflowStepName!, $r: StepResultsInput, $n: String, $v: Int) { completeStep(sampleId: $s, step: $step, results: $r, notes: $n, expectedVersion: $v) { ${STEP_FIELDS} } }`,
  record: `mutation($s: ID!, $step: WorkflowStepName!, $r: StepResultsInput!, $v: Int!) { recordStepResults(sampleId: $s, step: $step, results: $r, expectedVersion: $v) { ${STEP_FIELDS} } }`,
  fail: `mutation($s: ID!, $step: WorkflowStepName!, $reason: String!) { failStep(sampleId: $s, step: $step, reason: $reason) { ${STEP_FIELDS} } }`,
  skip: `mutation($s: ID!, $step: WorkflowStepName!, $reason: String!, $sig: String) { skipStep(sampleId: $s, step: $step, reason: $reason, signature: $sig) { ${STEP_FIELDS} } }`,
  reopen: `mutation($s: ID!, $step: WorkflowStepName!, $reason: String!, $sig: String) { reopenStep(sampleId: $s, step: $step, reason: $reason, signature: $sig) { ${STEP_FIELDS} } }`,
  override: `mutation($s: ID!, $step: WorkflowStepName!, $reason: String!, $sig: String) { overrideStep(sampleId: $s, step: $step, reason: $reason, signature: $sig) { ${STEP_FIELDS} } }`,
  assign: `mutation($s: ID!, $step: WorkflowStepName!, $a: ID, $v: Int!) { assignStep(sampleId: $s, step: $step, assigneeId: $a, expectedVersion: $v) { ${STEP_FIELDS} } }`,
};

export const WORKFLOW_FULL = `query($id: ID!) { workflow(sampleId: $id) {
  id status seq completedSteps progress receivedAt dueAt eta overdue finishedAt
  currentStep { name }
  steps { ${STEP_FIELDS} }
  transitions(first: 100) { totalCount edges { node { stepName action from to reason seq actor { id } secondsInPreviousStatus } } }
} }`;

const SIGNABLE = `query($s: ID!, $step: WorkflowStepName!, $a: StepAction!, $r: String!) {
  stepSignatureRecord(sampleId: $s, step: $step, action: $a, reason: $r) { recordType recordId hash canonical stepVersion } }`;

/** An e-signature by `who` for `action` on the step as it is now (the record from stepSignatureRecord, signed by the test signer). */
export async function signFor(
  sg: TestSubgraph, signer: TestSigner, who: Principal, sampleId: string, step: string, action: 'OVERRIDDEN' | 'SKIPPED' | 'REOPENED', reason: string,
  options?: Parameters<TestSigner['sign']>[2],
): Promise<string> {
  const res = await sg.call(SIGNABLE, { s: sampleId, step, a: action, r: reason }, who);
  expectNoErrors(res);
  const { recordType, recordId, hash } = res.data!.stepSignatureRecord;
  return signer.sign(who, { recordType, recordId, recordHash: hash }, options);
}

export function expectNoErrors(res: { errors?: unknown[] }): void {
  if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
}

// ── The lab: flow cells and pools ──

export const CELL_FIELDS = `id productCode serial lot status flaggedForReturn returnReason warrantyPoreThreshold latestPoreCount useCount washCount
  storageLocation expired loadedAt loadedPool { id } loadedSample { id } version`;

export const LAB = {
  receive: `mutation($i: [ReceiveFlowCellInput!]!) { receiveFlowCells(input: $i) { ${CELL_FIELDS} } }`,
  check: `mutation($id: ID!, $n: Int!, $notes: String) { checkFlowCell(id: $id, input: { poreCount: $n, notes: $notes }) { ${CELL_FIELDS} } }`,
  wash: `mutation($id: ID!, $kit: String!, $n: Int) { washFlowCell(id: $id, input: { washKit: $kit, poreCountAtEnd: $n }) { ${CELL_FIELDS} } }`,
  retire: `mutation($id: ID!, $r: String!) { retireFlowCell(id: $id, input: { reason: $r }) { ${CELL_FIELDS} } }`,
  cell: `query($id: ID!) { flowCell(id: $id) { ${CELL_FIELDS}
    poreCounts(first: 20) { totalCount edges { node { kind poreCount warrantyThreshold belowWarranty by { id } byName sample { id } pool { id } } } }
    washes { totalCount edges { node { washKit by { id } } } } } }`,
  createPool: `mutation($i: CreatePoolInput!) { createPool(input: $i) { id name barcodeKit status labId memberCount flowCell { id serial }
    members { sample { id } sampleName barcode sampleSheetBarcode molarRatio alias } } }`,
  addMembers: `mutation($p: ID!, $m: [PoolMemberInput!]!) { addPoolMembers(poolId: $p, members: $m) { id memberCount labId members { sample { id } barcode } } }`,
  removeMember: `mutation($p: ID!, $s: ID!) { removePoolMember(poolId: $p, sampleId: $s) { id memberCount members { barcode } } }`,
  load: `mutation($p: ID!, $f: ID!) { loadPool(poolId: $p, flowCellId: $f) { id status loadedAt flowCell { id serial status loadedPool { id } } } }`,
  pool: `query($id: ID!) { pool(id: $id) { id name status labId memberCount flowCell { id } members { sample { id } barcode alias } } }`,
  sheet: `query($p: ID!, $e: String!) { poolSampleSheet(poolId: $p, experimentId: $e) { filename contentType csv rowCount flowCellSerial downloadPath } }`,
};

let serialSeq = 0;
/** A flow-cell id nobody else in this process has used (5-12 letters and digits). */
export function freshSerial(prefix = 'FA'): string {
  serialSeq += 1;
  return `${prefix}${randomUUID().replace(/-/g, '').slice(0, 5).toUpperCase()}${serialSeq}`.slice(0, 12);
}

/** Receives `n` flow cells of a product (expiring in 180 days); returns their ids. */
export async function receiveCells(sg: TestSubgraph, staff: Principal, n: number, productCode = 'FLO-MIN114', extra: Record<string, unknown> = {}): Promise<string[]> {
  const expiresAt = new Date(Date.now() + 180 * 86_400_000).toISOString();
  const res = await sg.call(LAB.receive, { i: Array.from({ length: n }, () => ({ productCode, serial: freshSerial(), expiresAt, ...extra })) }, staff);
  expectNoErrors(res);
  return res.data!.receiveFlowCells.map((c: { id: string }) => c.id);
}

/** A received cell that passed its platform check (MinION: 1500 pores). */
export async function checkedCell(sg: TestSubgraph, staff: Principal, productCode = 'FLO-MIN114', pores = 1500): Promise<string> {
  const [id] = await receiveCells(sg, staff, 1, productCode);
  expectNoErrors(await sg.call(LAB.check, { id, n: pores }, staff));
  return id!;
}

/** Walks a sample through steps 1-3 and starts SEQUENCING_SETUP. */
export async function toSequencingSetup(sg: TestSubgraph, staff: Principal, sampleId: string): Promise<void> {
  for (const step of STEPS.slice(0, 3)) {
    expectNoErrors(await sg.call(M.start, { s: sampleId, step }, staff));
    expectNoErrors(await sg.call(M.complete, { s: sampleId, step, r: goodResults[step] }, staff));
  }
  expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SEQUENCING_SETUP' }, staff));
}

export const SETUP_WITH_STOCK = `mutation($s: ID!, $f: ID!, $n: Int) { completeStep(sampleId: $s, step: SEQUENCING_SETUP, results: { sequencingSetup: { device: MINION_MK1D, position: "X1", stockFlowCellId: $f, poreCountAtCheck: $n } }) {
  status results { ... on SequencingSetupResults { flowCellId flowCellProductCode poreCountAtCheck stockFlowCell { id status } } } } }`;

export const errorCode = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;
