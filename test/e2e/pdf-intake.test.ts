import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';

// Issue 10, the PDF path: a quote PDF read by ai, reviewed and accepted by staff, becomes an intake
// job in submission (its sample table as rows, the form's fields on every row), is checked by
// samples like a sheet, and is committed as samples with their workflows.
const FIXTURES = join(import.meta.dirname, '..', '..', 'subgraphs', 'ai', 'test', 'fixtures');
const quote = readFileSync(join(FIXTURES, 'rna-direct.pdf'));
const truth = JSON.parse(readFileSync(join(FIXTURES, 'rna-direct.truth.json'), 'utf8')) as { samples: { sampleName: string }[] };

let t: TestSystem;
let staff: TestUser;
let submitter: TestUser;
let otherLab: TestUser;
let projectId: string;

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql(query, variables, token);
  if (res.errors?.length || !res.data) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

const FROM_EXTRACTION = `mutation($i: CreateIntakeFromExtractionInput!) { createIntakeFromExtraction(input: $i) { id kind status rowCount errorCount extractionJobId error } }`;

/** The submitter sends the quote inline; the worker reads it; staff accept the draft. */
async function acceptedExtraction(): Promise<string> {
  const { startPdfExtraction: job } = await ok(`mutation($p: String!) { startPdfExtraction(input: { pdfBase64: $p, filename: "HTSF--RK-212.pdf" }) { id } }`, { p: quote.toString('base64') }, submitter.token);
  await waitFor(async () => (await ok(`query($id: ID!) { extractionJob(id: $id) { status } }`, { id: job.id }, staff.token)).extractionJob.status === 'NEEDS_REVIEW',
    { what: 'the extraction to need review', timeoutMs: 120_000, intervalMs: 200 });
  await ok(`mutation($id: ID!) { acceptExtraction(jobId: $id) { status } }`, { id: job.id }, staff.token);
  return job.id;
}

beforeAll(async () => {
  t = await startTestSystem({ env: { AI_WORKER_POLL_MS: '200' } });
  staff = await t.createUser('STAFF');
  submitter = await t.createUser('SUBMITTER', 'lab-a');
  otherLab = await t.createUser('SUBMITTER', 'lab-b');
  projectId = (await ok(`mutation { createProject(input: { name: "Quotes" }) { id } }`, {}, submitter.token)).createProject.id;
}, 180_000);
afterAll(async () => { await t?.stop(); });

describe('intake from an accepted quote PDF', () => {
  it('turns the accepted sample table into checked rows, commits them as samples, and answers the same job when asked again', async () => {
    const extractionId = await acceptedExtraction();
    // Acceptance reaches submission by event: until it has, the extraction is not found there.
    const job = await waitFor(async () => (await t.gql(FROM_EXTRACTION, { i: { extractionJobId: extractionId, projectId } }, submitter.token)).data?.createIntakeFromExtraction,
      { what: 'the accepted extraction to reach submission', timeoutMs: 30_000, intervalMs: 100 });
    expect(job).toMatchObject({ kind: 'PDF', status: 'VALIDATED', rowCount: truth.samples.length, errorCount: 0, extractionJobId: extractionId, error: null });

    const rows = await ok(`query($id: ID!) { intakeJob(id: $id) { rows(first: 100) { edges { node { status parsed } } } } }`, { id: job.id }, submitter.token);
    const drafts = rows.intakeJob.rows.edges.map((e: { node: { parsed: Record<string, unknown> } }) => e.node.parsed);
    expect(drafts.map((d: { name: string }) => d.name)).toEqual(truth.samples.map((s) => s.sampleName));
    // The form's fields hold for every sample of the quote.
    for (const d of drafts) expect(d).toMatchObject({ sampleType: 'RNA', materialType: 'TOTAL_RNA', organism: 'Homo sapiens', flowCellDevice: 'PROMETHION', flowCellCount: 2 });

    const again = await ok(FROM_EXTRACTION, { i: { extractionJobId: extractionId, projectId } }, submitter.token);
    expect(again.createIntakeFromExtraction.id).toBe(job.id);

    await ok(`mutation($id: ID!, $k: String!) { commitIntake(id: $id, idempotencyKey: $k) { status } }`, { id: job.id, k: randomUUID() }, submitter.token);
    const done = await waitFor(async () => {
      const j = (await ok(`query($id: ID!) { intakeJob(id: $id) { status committedCount submission { id } } }`, { id: job.id }, submitter.token)).intakeJob;
      return j.status === 'COMMITTING' ? null : j;
    }, { what: 'the commit to finish', timeoutMs: 60_000 });
    expect(done).toMatchObject({ status: 'COMMITTED', committedCount: truth.samples.length });
    const samples = await waitFor(async () => {
      const page = (await ok(`query($s: ID!) { samples(filter: { submissionId: $s }, first: 100) { totalCount edges { node { name workflow { id } } } } }`, { s: done.submission.id }, submitter.token)).samples;
      return page.edges.every((e: { node: { workflow: unknown } }) => e.node.workflow) ? page : null;
    }, { what: 'workflows of the committed samples', timeoutMs: 60_000 });
    expect(samples.totalCount).toBe(truth.samples.length);
  }, 300_000);

  it('another lab cannot make an intake of the quote, and an id that is not an accepted extraction is not found', async () => {
    const extractionId = await acceptedExtraction();
    await waitFor(async () => (await t.gql(FROM_EXTRACTION, { i: { extractionJobId: extractionId } }, submitter.token)).errors?.[0]?.extensions?.field === 'projectId',
      { what: 'the accepted extraction to reach submission', timeoutMs: 30_000, intervalMs: 100 });
    const theirs = await t.gql(FROM_EXTRACTION, { i: { extractionJobId: extractionId, projectId } }, otherLab.token);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const missing = await t.gql(FROM_EXTRACTION, { i: { extractionJobId: randomUUID(), projectId } }, submitter.token);
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const bad = await t.gql(FROM_EXTRACTION, { i: { extractionJobId: 'not-an-id', projectId } }, submitter.token);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'extractionJobId' } });
    const noTarget = await t.gql(FROM_EXTRACTION, { i: { extractionJobId: extractionId } }, submitter.token);
    expect(noTarget.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'projectId' } });
  }, 300_000);
});
