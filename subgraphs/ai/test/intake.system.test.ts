// The acceptance path through the real gateway and all seven subgraphs: a STAFF user uploads a quote
// through files, starts its extraction by fileId, watches progress over graphql-ws, corrects one
// field and accepts; submitters see only their own lab's jobs.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WebSocket } from 'ws';
import { createClient } from 'graphql-ws';
import { freePort, waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';
import { fixturePdf } from './helpers.js';

const quote = fixturePdf('dna-200');

let t: TestSystem;
let staff: TestUser;
let submitter: TestUser;
let otherLab: TestUser;

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql(query, variables, token);
  if (res.errors?.length || !res.data) throw new Error(`${query.slice(0, 50)}…: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

/** createUpload, PUT through the gateway's /files proxy, completeUpload: a StoredFile id. */
async function upload(bytes: Uint8Array, token: string): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { createUpload } = await ok(`mutation($i: CreateUploadInput!) { createUpload(input: $i) { uploadId uploadUrl headers { name value } } }`, {
    i: { ownerType: 'SUBMISSION', ownerId: randomUUID(), filename: 'HTSF--ZZ-900_quote.pdf', contentType: 'application/pdf', byteSize: bytes.byteLength, sha256, labId: 'lab-a' },
  }, token);
  const url = new URL(createUpload.uploadUrl);
  const headers = Object.fromEntries(createUpload.headers.map((h: { name: string; value: string }) => [h.name, h.value]));
  const put = await fetch(`${t.url}${url.pathname}${url.search}`, { method: 'PUT', headers, body: Buffer.from(bytes) });
  expect(put.status).toBeLessThan(300);
  const { completeUpload } = await ok(`mutation($u: ID!) { completeUpload(uploadId: $u) { id } }`, { u: createUpload.uploadId }, token);
  return completeUpload.id;
}

beforeAll(async () => {
  const port = await freePort();
  t = await startTestSystem({ port, env: { AI_FILES_URL: `http://127.0.0.1:${port}/files`, AI_WORKER_POLL_MS: '200' } });
  staff = await t.createUser('STAFF');
  submitter = await t.createUser('SUBMITTER', 'lab-a');
  otherLab = await t.createUser('SUBMITTER', 'lab-b');
}, 120_000);
afterAll(async () => { await t?.stop(); });

describe('quote intake through the gateway', () => {
  it('uploads, extracts by fileId with live progress, corrects, accepts; lab scoping holds', async () => {
    const fileId = await upload(quote, staff.token);
    const { startPdfExtraction: job } = await ok(`mutation($f: ID!) { startPdfExtraction(input: { fileId: $f }) { id status labId } }`, { f: fileId }, staff.token);
    expect(job).toMatchObject({ status: 'QUEUED', labId: 'lab-a' });

    const client = createClient({ url: `${t.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${staff.token}` }, retryAttempts: 0, lazy: true });
    const seen: Record<string, any>[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe({ query: `subscription($id: ID!) { extractionProgress(jobId: $id) { jobId status stage page pages progress message } }`, variables: { id: job.id } }, {
        next: (r) => { if (r.errors) reject(new Error(JSON.stringify(r.errors))); else seen.push(r.data!.extractionProgress as Record<string, any>); },
        error: reject, complete: resolve,
      });
    });
    await done;
    await client.dispose();
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.at(-1)).toMatchObject({ jobId: job.id, status: 'NEEDS_REVIEW', stage: 'DONE', page: 6, pages: 6, progress: 1 });
    for (const [i, p] of seen.entries()) if (i > 0) expect(p.progress).toBeGreaterThanOrEqual(seen[i - 1]!.progress);

    const read = await ok(`query($id: ID!) { extractionJob(id: $id) { status form pagesTotal samples { sampleNumber } results { fieldName value source } } }`, { id: job.id }, staff.token);
    expect(read.extractionJob).toMatchObject({ status: 'NEEDS_REVIEW', form: 'DNA', pagesTotal: 6 });
    expect(read.extractionJob.samples).toHaveLength(200);
    expect(read.extractionJob.results.find((r: { fieldName: string }) => r.fieldName === 'kit')).toMatchObject({ value: 'SQK-NBD114.96', source: 'CHECKBOX' });

    expect((await t.gql(`query($id: ID!) { extractionJob(id: $id) { id } }`, { id: job.id }, otherLab.token)).data!.extractionJob).toBeNull();
    expect((await t.gql(`query($id: ID!) { extractionJob(id: $id) { id } }`, { id: job.id }, submitter.token)).data!.extractionJob.id).toBe(job.id);
    const theirs = await ok(`{ extractionJobs(first: 10) { totalCount } }`, {}, otherLab.token);
    expect(theirs.extractionJobs.totalCount).toBe(0);

    await ok(`mutation($id: ID!) { correctExtractionField(input: { jobId: $id, fieldName: "organism", value: "Escherichia coli K-12" }) { source } }`, { id: job.id }, staff.token);
    const { acceptExtraction } = await ok(`mutation($id: ID!) { acceptExtraction(jobId: $id) { status reviewedBy } }`, { id: job.id }, staff.token);
    expect(acceptExtraction).toEqual({ status: 'ACCEPTED', reviewedBy: staff.id });
    await waitFor(async () => (await t.gql(`query($id: ID!) { extractionJob(id: $id) { results { fieldName value source } } }`, { id: job.id }, staff.token))
      .data?.extractionJob.results.find((r: { fieldName: string; source: string }) => r.fieldName === 'organism' && r.source === 'MANUAL'));
  });
});
