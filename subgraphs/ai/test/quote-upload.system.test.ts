// Through the real gateway and all seven subgraphs: a quote PDF sent as a GraphQL multipart upload
// (curl, as any client outside the process would) is streamed by the gateway to ai and read by the
// worker; once accepted and committed as samples through the submission subgraph's intake, each
// sample resolves the job it came from (`Sample.aiExtraction`) and its row (`Sample.aiExtractedSample`).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { curlMultipart, waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';
import { loadFixtures } from './fixtures/fixture-set.js';

const MAX_PDF = 400_000;
const fixtures = loadFixtures();
const quote = fixtures.find((f) => f.name === 'rna-direct')!;
const tooLarge = fixtures.find((f) => f.name === 'dna-200')!;

let t: TestSystem;
let dir: string;
let staff: TestUser;
let submitter: TestUser;
let otherLab: TestUser;

const START = `mutation($input: StartPdfExtractionInput!) { startPdfExtraction(input: $input) { id status labId fileId filename } }`;

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql(query, variables, token);
  if (res.errors?.length || !res.data) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

async function pdfFile(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, `${randomUUID()}-${name}`);
  await writeFile(path, bytes);
  return path;
}

/** `startPdfExtraction(input: { upload })` as a multipart request through the gateway. */
async function uploadQuote(token: string, bytes: Uint8Array, input: Record<string, unknown> = {}, filename = 'HTSF--RK-212.pdf') {
  return curlMultipart(`${t.url}/graphql`, { query: START, variables: { input: { upload: null, ...input } }, paths: ['input.upload'], files: [{ path: await pdfFile(filename, bytes), filename, type: 'application/pdf' }], token });
}

const settled = (id: string, token: string) => waitFor(async () => {
  const job = (await ok(`query($id: ID!) { extractionJob(id: $id) { id status error form samples { sampleNumber sampleName } } }`, { id }, token)).extractionJob;
  return job && !['QUEUED', 'RUNNING'].includes(job.status) ? job : null;
}, { what: `job ${id} to be read`, timeoutMs: 120_000, intervalMs: 200 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quote-upload-'));
  t = await startTestSystem({ env: { AI_WORKER_POLL_MS: '200', AI_MAX_PDF_BYTES: String(MAX_PDF) } });
  [staff, submitter, otherLab] = await Promise.all([t.createUser('STAFF'), t.createUser('SUBMITTER', 'lab-a'), t.createUser('SUBMITTER', 'lab-b')]);
}, 180_000);
afterAll(async () => {
  await t?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a quote PDF uploaded through the gateway', () => {
  let jobId: string;

  it('is streamed to ai, kept with its job like inline bytes, and read by the worker', async () => {
    const res = await uploadQuote(submitter.token, quote.pdf);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.startPdfExtraction).toMatchObject({ status: 'QUEUED', labId: 'lab-a', fileId: null, filename: 'HTSF--RK-212.pdf' });
    jobId = res.body.data.startPdfExtraction.id;
    const job = await settled(jobId, staff.token);
    expect(job).toMatchObject({ status: 'NEEDS_REVIEW', form: 'RNA', error: null });
    expect(job.samples.map((s: { sampleName: string }) => s.sampleName)).toEqual(quote.truth.samples.map((s) => s.sampleName));
    // The queued event says where the bytes came from, and how many arrived.
    const queued = await waitFor(async () => (await ok(`query($f: AuditEntryFilter) { auditEntries(filter: $f) { edges { node { type data } } } }`,
      { f: { subjectId: jobId } }, t.admin.token)).auditEntries.edges.find((e: { node: { type: string } }) => e.node.type === 'ExtractionJobQueued'), { what: 'the audit entry', timeoutMs: 20_000 });
    expect(queued.node.data).toMatchObject({ source: 'UPLOAD', byteSize: quote.pdf.byteLength, fileId: null });
    // Another lab does not see it.
    expect((await t.gql(`query($id: ID!) { extractionJob(id: $id) { id } }`, { id: jobId }, otherLab.token)).data!.extractionJob).toBeNull();
  });

  it('refuses what is not a proper upload, naming input.upload', async () => {
    const large = await uploadQuote(staff.token, tooLarge.pdf, { labId: 'lab-a' });
    expect(large.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.upload' });
    expect(large.body.errors[0].message).toBe(`input.upload: is larger than ${MAX_PDF} bytes`);

    const both = await uploadQuote(staff.token, quote.pdf, { labId: 'lab-a', pdfBase64: Buffer.from('%PDF-').toString('base64') });
    expect(both.body.errors[0].extensions.problems).toEqual([expect.objectContaining({ field: 'input.pdfBase64', message: 'must not be given with input.upload' })]);

    const inline = await t.gql(`mutation { startPdfExtraction(input: { upload: "not a file", labId: "lab-a" }) { id } }`, {}, staff.token);
    expect(inline.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.upload' });

    const otherLabs = await uploadQuote(submitter.token, quote.pdf, { labId: 'lab-b' });
    expect(otherLabs.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const noPreflight = await curlMultipart(`${t.url}/graphql`, { query: START, variables: { input: { upload: null } }, paths: ['input.upload'], files: [{ path: await pdfFile('q.pdf', quote.pdf) }], token: submitter.token, preflight: false });
    expect(noPreflight.status).toBe(400);
  });

  it('once accepted and committed as samples, each sample resolves its quote job and row', async () => {
    await ok(`mutation($id: ID!) { acceptExtraction(jobId: $id) { status } }`, { id: jobId }, staff.token);
    const projectId = (await ok(`mutation { createProject(input: { name: "Uploaded quotes" }) { id } }`, {}, submitter.token)).createProject.id;
    const FROM = `mutation($i: CreateIntakeFromExtractionInput!) { createIntakeFromExtraction(input: $i) { id status rowCount } }`;
    const intake = await waitFor(async () => (await t.gql(FROM, { i: { extractionJobId: jobId, projectId } }, submitter.token)).data?.createIntakeFromExtraction,
      { what: 'the accepted extraction to reach submission', timeoutMs: 30_000, intervalMs: 100 });
    expect(intake).toMatchObject({ status: 'VALIDATED', rowCount: quote.truth.samples.length });
    await ok(`mutation($id: ID!, $k: String!) { commitIntake(id: $id, idempotencyKey: $k) { status } }`, { id: intake.id, k: randomUUID() }, submitter.token);
    const done = await waitFor(async () => {
      const j = (await ok(`query($id: ID!) { intakeJob(id: $id) { status submission { id } } }`, { id: intake.id }, submitter.token)).intakeJob;
      return j.status === 'COMMITTING' ? null : j;
    }, { what: 'the commit to finish', timeoutMs: 60_000 });
    expect(done.status).toBe('COMMITTED');

    const SAMPLES = `query($s: ID!) { samples(filter: { submissionId: $s }, first: 100) { edges { node { id name aiExtraction { id status filename }
      aiExtractedSample { sampleNumber sampleName qubitConc isControl } } } } }`;
    // The links arrive by event (IntakeRowsCommitted): wait until every sample has its job.
    const samples = await waitFor(async () => {
      const edges = (await ok(SAMPLES, { s: done.submission.id }, submitter.token)).samples.edges as { node: Record<string, any> }[];
      return edges.length === quote.truth.samples.length && edges.every((e) => e.node.aiExtraction) ? edges.map((e) => e.node) : null;
    }, { what: 'every sample to resolve its extraction', timeoutMs: 30_000, intervalMs: 200 });
    for (const s of samples) {
      expect(s.aiExtraction).toEqual({ id: jobId, status: 'ACCEPTED', filename: 'HTSF--RK-212.pdf' });
      const row = quote.truth.samples.find((r) => r.sampleName === s.name)!;
      expect(s.aiExtractedSample).toEqual({ sampleNumber: row.sampleNumber, sampleName: row.sampleName, qubitConc: row.qubitConc ?? null, isControl: row.isControl ?? false });
    }
    // The sample's jobs, as a list, include the quote it came from.
    const listed = await ok(`query($id: ID!) { extractionJobs(filter: { sampleId: $id }) { totalCount edges { node { id } } } }`, { id: samples[0]!.id }, staff.token);
    expect(listed.extractionJobs).toEqual({ totalCount: 1, edges: [{ node: { id: jobId } }] });
  }, 240_000);
});
