import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';

// Property-based fuzzing of what people upload, as opposed to the variables around it: CSV sample
// sheets (text and raw bytes), multipart file uploads, and damaged quote PDFs. Whatever arrives,
// the answer is a client error or a job that ends in a named state with a reason, never a server
// error, and the system keeps serving. FUZZ_RUNS cases each (CI: 5; `npm run fuzz`: 100).
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
const HEADER = 'sample_name,sample_type,volume,qubit_concentration,nanodrop_concentration,a260_280,organism';
const QUOTE = readFileSync(new URL('../../subgraphs/ai/test/fixtures/dna-single.pdf', import.meta.url));

let t: TestSystem;
let submitter: TestUser;
let staff: TestUser;
let projectId: string;
let submissionId: string;

beforeAll(async () => {
  t = await startTestSystem({ env: { EXPENSIVE_OPERATIONS_PER_MINUTE: '0' } });
  submitter = await t.createUser('SUBMITTER');
  staff = await t.createUser('STAFF');
  projectId = (await t.gql<any>(`mutation { createProject(input: { name: "Fuzz project" }) { id } }`, {}, submitter.token)).data.createProject.id;
  submissionId = (await t.gql<any>(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: projectId }, submitter.token)).data.createSubmission.id;
}, 180_000);
afterAll(async () => { await t?.stop(); });

/** Error codes in a GraphQL answer that mean the server, not the caller, went wrong. */
function serverErrors(body: { errors?: { message: string; extensions?: { code?: string } }[] }): string[] {
  return (body.errors ?? []).filter((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR').map((e) => e.message);
}

const cell = fc.oneof(
  fc.string({ maxLength: 40 }), fc.double().map(String), fc.constantFrom('DNA', 'RNA', '=cmd|"/c calc"!A1', '"', '""', '\r', '\u0000', '𝕏', '1,5', ''),
);
const delimiter = fc.constantFrom(',', ';', '\t', '|');
/** A sheet that looks like ours (header, rows of odd cells, odd delimiters and line ends) or does not. */
const sheet = fc.oneof(
  fc.tuple(delimiter, fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([d, rows, eol]) => [HEADER.replaceAll(',', d), ...rows.map((r) => r.join(d))].join(eol)),
  fc.string({ maxLength: 2000 }),
  fc.string({ unit: 'binary', maxLength: 2000 }),
);

async function intakeEnds(jobId: string): Promise<{ status: string; error: string | null }> {
  return waitFor(async () => {
    const job = (await t.gql<any>(`query($id: ID!) { intakeJob(id: $id) { status error } }`, { id: jobId }, submitter.token)).data?.intakeJob;
    return job && job.status !== 'PARSING' ? job : null;
  }, { timeoutMs: 30_000, what: `intake job ${jobId} to finish reading` });
}

describe('fuzzed documents', () => {
  it('CSV sheets, as text or as bytes, end VALIDATED or FAILED with a reason, never with a server error', async () => {
    const failures: string[] = [];
    let jobs = 0;
    await fc.assert(fc.asyncProperty(sheet, fc.boolean(), async (csv, asBytes) => {
      const input = asBytes ? { submissionId, csvBase64: Buffer.from(csv, 'latin1').toString('base64') } : { submissionId, csv };
      const res = await t.gql<any>(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { id } }`, { i: input }, submitter.token);
      const bad = serverErrors(res);
      if (bad.length) failures.push(`createIntakeFromCsv: ${bad.join('; ')} for ${JSON.stringify(csv.slice(0, 80))}`);
      const id = res.data?.createIntakeFromCsv?.id;
      if (!id) return;
      jobs++;
      const job = await intakeEnds(id);
      if (!['VALIDATED', 'FAILED'].includes(job.status)) failures.push(`job ${id} ended ${job.status}`);
      if (job.status === 'FAILED' && !job.error) failures.push(`job ${id} FAILED without a reason`);
    }), { numRuns: RUNS, examples: [[`${HEADER}\nS1,DNA,20,40,,1.8,human`, false]] });
    expect(failures).toEqual([]);
    expect(jobs).toBeGreaterThan(0);
  });

  it('multipart uploads of any bytes, name and kind answer a client error or a stored file, never a server error', async () => {
    const failures: string[] = [];
    let stored = 0;
    const kinds = fc.constantFrom('OTHER', 'QC_REPORT', 'GEL_IMAGE', 'SAMPLE_SHEET', 'QUOTE', 'NOT_A_KIND');
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.string({ maxLength: 300 }), kinds, async (bytes, filename, kind) => {
      const form = new FormData();
      const query = `mutation($f: Upload!, $s: ID!) { uploadFile(file: $f, attachTo: { submissionId: $s }, kind: ${kind}, labId: "lab-a") { id } }`;
      form.append('operations', JSON.stringify({ query, variables: { f: null, s: submissionId } }));
      form.append('map', JSON.stringify({ 0: ['variables.f'] }));
      form.append('0', new Blob([bytes]), filename || 'unnamed');
      const res = await fetch(`${t.url}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${staff.token}`, 'apollo-require-preflight': 'true' } });
      if (res.status >= 500) failures.push(`HTTP ${res.status} for ${bytes.length} bytes named ${JSON.stringify(filename.slice(0, 40))}`);
      const body = await res.json().catch(() => ({})) as Parameters<typeof serverErrors>[0];
      const bad = serverErrors(body);
      if (bad.length) failures.push(`uploadFile: ${bad.join('; ')}`);
      if ((body as { data?: { uploadFile?: unknown } }).data?.uploadFile) stored++;
    }), { numRuns: RUNS, examples: [[new TextEncoder().encode('plain notes\n'), 'notes.txt', 'OTHER']] });
    expect(failures).toEqual([]);
    expect(stored).toBeGreaterThan(0);
  });

  it('damaged quote PDFs end NEEDS_REVIEW or FAILED with a reason, and the worker keeps serving', async () => {
    const failures: string[] = [];
    const damage = fc.oneof(
      fc.integer({ min: 0, max: QUOTE.length - 1 }).map((n) => QUOTE.subarray(0, n)),
      fc.array(fc.tuple(fc.integer({ min: 0, max: QUOTE.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 50 })
        .map((flips) => { const copy = Buffer.from(QUOTE); for (const [at, byte] of flips) copy[at] = byte; return copy; }),
      fc.uint8Array({ maxLength: 2048 }).map((garbage) => Buffer.concat([Buffer.from('%PDF-1.7\n'), garbage])),
    );
    await fc.assert(fc.asyncProperty(damage, async (pdf) => {
      const res = await t.gql<any>(`mutation($i: StartPdfExtractionInput!) { startPdfExtraction(input: $i) { id } }`, {
        i: { pdfBase64: Buffer.from(pdf).toString('base64'), filename: 'damaged.pdf', labId: 'lab-a' },
      }, staff.token);
      const bad = serverErrors(res);
      if (bad.length) failures.push(`startPdfExtraction: ${bad.join('; ')}`);
      const id = res.data?.startPdfExtraction?.id;
      if (!id) return;
      const job = await waitFor(async () => {
        const j = (await t.gql<any>(`query($id: ID!) { extractionJob(id: $id) { status error } }`, { id }, staff.token)).data?.extractionJob;
        return j && ['NEEDS_REVIEW', 'FAILED'].includes(j.status) ? j : null;
      }, { timeoutMs: 60_000, what: `extraction job ${id} to finish` });
      if (job.status === 'FAILED' && !job.error) failures.push(`job ${id} FAILED without a reason`);
    }), { numRuns: Math.max(3, Math.ceil(RUNS / 2)) });
    expect(failures).toEqual([]);
    // The worker still reads an intact quote after all of it.
    const ok = await t.gql<any>(`mutation($i: StartPdfExtractionInput!) { startPdfExtraction(input: $i) { id } }`, {
      i: { pdfBase64: QUOTE.toString('base64'), filename: 'quote.pdf', labId: 'lab-a' },
    }, staff.token);
    const intact = ok.data.startPdfExtraction.id;
    await waitFor(async () => (await t.gql<any>(`query($id: ID!) { extractionJob(id: $id) { status } }`, { id: intact }, staff.token)).data?.extractionJob?.status === 'NEEDS_REVIEW',
      { timeoutMs: 60_000, what: 'the intact quote to be read' });
  }, 240_000);
});
