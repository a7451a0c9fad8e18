import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';
import { tinyPdf } from '../../subgraphs/ai/test/fixtures/tiny-pdf.js';
import { damaged, garbageBytes, nastyString } from './arbitraries.js';
import { catchUnhandled, delta, fuzzOptions, replayable, serverErrors, settledFootprint, show } from './harness.js';

// Property-based fuzzing of quote-PDF extraction (subgraphs/ai): startPdfExtraction with damaged
// copies of a real quote (cut short, bytes overwritten, runs deleted or inserted, the xref table
// and startxref broken), generated PDFs (tiny-pdf.ts: many pages, odd text, encrypted) and files
// that are not PDFs at all under a .pdf name. Whatever is sent, the mutation answers a client
// error (and stores nothing) or a queued job, and the job ends FAILED with a reason or
// NEEDS_REVIEW within a bounded wait, on its first attempt (the worker neither hung nor crashed
// on it); afterwards the worker still reads an intact quote.

const TABLES = ['ai.extraction_job', 'ai.extraction_source'] as const;
const QUOTE = readFileSync(new URL('../../subgraphs/ai/test/fixtures/dna-single.pdf', import.meta.url));
/** Each job must end within this; the extractor's own budget (AI_PDF_TIMEOUT_MS) is well inside it. */
const JOB_WAIT_MS = 90_000;

let t: TestSystem;
let staff: TestUser;
let unhandled: ReturnType<typeof catchUnhandled>;

beforeAll(async () => {
  unhandled = catchUnhandled();
  t = await startTestSystem({ env: { EXPENSIVE_OPERATIONS_PER_MINUTE: '0', AI_PDF_TIMEOUT_MS: '15000', AI_WORKER_POLL_MS: '200' } });
  staff = await t.createUser('STAFF');
}, 180_000);
afterAll(async () => {
  unhandled?.stop();
  await t?.stop();
});

/** The quote as latin1 text, so that its PDF structure (xref, trailer, startxref) can be edited. */
const text = QUOTE.toString('latin1');
const edit = (what: string, change: (pdf: string) => string) => ({ what, bytes: Buffer.from(change(text), 'latin1') });

interface PdfCase { what: string; bytes: Buffer }
const pdfCase: fc.Arbitrary<PdfCase> = fc.oneof(
  { weight: 4, arbitrary: damaged(QUOTE).map((bytes) => ({ what: 'the quote, damaged', bytes })) },
  { weight: 2, arbitrary: fc.oneof(
    fc.integer({ min: 0, max: 10 * QUOTE.length }).map((n) => edit(`startxref pointing at ${n}`, (p) => p.replace(/startxref\s+\d+/g, `startxref\n${n}`))),
    fc.constant(edit('no startxref', (p) => p.replace(/startxref\s+\d+/g, ''))),
    fc.constant(edit('no trailer', (p) => p.replace(/trailer\s*<<[\s\S]*?>>/g, ''))),
    fc.constant(edit('xref entries zeroed', (p) => p.replace(/\d{10} \d{5} n/g, '0000000000 00000 n'))),
    fc.integer({ min: 1, max: 400 }).map((n) => edit(`xref shifted by ${n}`, (p) => p.replace(/(\d{10}) (\d{5}) n/g, (_, o, g) => `${String(Number(o) + n).padStart(10, '0').slice(-10)} ${g} n`))),
    fc.constant(edit('a /Pages loop', (p) => p.replace(/\/Kids\s*\[[^\]]*\]/, '/Kids [1 0 R 2 0 R]'))),
    fc.constant(edit('streams with no end', (p) => p.replace(/endstream/g, ''))),
    fc.constant(edit('an enormous /Count', (p) => p.replace(/\/Count\s+\d+/, '/Count 999999999'))),
  ) },
  { weight: 2, arbitrary: fc.record({ pages: fc.integer({ min: 0, max: 60 }), text: nastyString.map((s) => s.slice(0, 200).replace(/[()\\]/g, '')), encrypted: fc.boolean() })
    .chain((o) => fc.oneof(
      fc.constant({ what: `a generated PDF ${JSON.stringify({ ...o, text: show(o.text, 30) })}`, bytes: Buffer.from(tinyPdf(o)) }),
      damaged(tinyPdf(o)).map((bytes) => ({ what: `a generated PDF ${JSON.stringify({ ...o, text: show(o.text, 30) })}, damaged`, bytes })),
    )) },
  { weight: 1, arbitrary: fc.oneof(
    garbageBytes.map((bytes) => ({ what: 'random bytes named .pdf', bytes })),
    fc.constantFrom({ what: 'a CSV named .pdf', bytes: Buffer.from('name,sample_type\nS-1,DNA\n') }, { what: 'an empty file', bytes: Buffer.alloc(0) },
      { what: 'a PDF header only', bytes: Buffer.from('%PDF-1.7\n') }, { what: 'the header late', bytes: Buffer.concat([Buffer.alloc(2000, 0x20), QUOTE]) }),
  ) },
);

const START = `mutation($i: StartPdfExtractionInput!) { startPdfExtraction(input: $i) { id status } }`;
const JOB = `query($id: ID!) { extractionJob(id: $id) { status error attempts } }`;

/** Starts a job; the answer and the job must show no server fault. */
async function extract(bytes: Buffer, filename: string): Promise<{ id: string | null; problems: string[] }> {
  const res = await t.gql<any>(START, { i: { pdfBase64: bytes.toString('base64'), filename, labId: 'lab-a' } }, staff.token);
  const bad = serverErrors(res);
  return { id: res.data?.startPdfExtraction?.id ?? null, problems: bad.length ? [`startPdfExtraction: ${bad.join('; ')}`] : [] };
}

/** Waits (bounded) for the job to leave QUEUED and RUNNING. */
const finished = (id: string) => waitFor(async () => {
  const job = (await t.gql<any>(JOB, { id }, staff.token)).data?.extractionJob;
  return job && !['QUEUED', 'RUNNING'].includes(job.status) ? job : null;
}, { timeoutMs: JOB_WAIT_MS, intervalMs: 200, what: `extraction job ${id} to end` });

describe('fuzzed quote PDFs', () => {
  it('end FAILED with a reason or NEEDS_REVIEW on the first attempt, within a bounded wait; a refused one stores nothing', async () => {
    const failures: string[] = [];
    let jobs = 0;
    await fc.assert(fc.asyncProperty(pdfCase, fc.constantFrom('quote.pdf', '../../x.pdf', 'scan'), async ({ what, bytes }, filename) => {
      const before = await settledFootprint(t, TABLES);
      const { id, problems } = await extract(bytes, filename);
      if (!id) {
        const wrote = delta(before, await settledFootprint(t, TABLES));
        if (Object.keys(wrote).length) problems.push(`refused, yet wrote ${JSON.stringify(wrote)}`);
      } else {
        jobs++;
        const job = await finished(id).catch((err: Error) => ({ status: 'STILL RUNNING', error: err.message, attempts: null }));
        if (!['FAILED', 'NEEDS_REVIEW'].includes(job.status)) problems.push(`ended ${job.status}`);
        if (job.status === 'FAILED' && !job.error?.trim()) problems.push('FAILED without a reason');
        // The runner's catch-all: the extractor threw something it does not classify (a crash, not a reason).
        if (job.status === 'FAILED' && /extractor failed on this file/.test(job.error ?? '')) problems.push(`FAILED by an unexpected error: ${job.error}`);
        if (job.attempts !== 1) problems.push(`took ${job.attempts} attempts (a worker lost it)`);
      }
      if (problems.length) failures.push(`${what} (${bytes.length} bytes as ${filename}): ${problems.join('; ')}`);
    }), fuzzOptions());
    expect(replayable(failures)).toEqual([]);
    expect(jobs).toBeGreaterThan(0);
  }, 900_000);

  it('left nothing unhandled, and the worker still reads an intact quote', async () => {
    const { id, problems } = await extract(QUOTE, 'quote.pdf');
    expect(problems).toEqual([]);
    expect((await finished(id!)).status).toBe('NEEDS_REVIEW');
    expect(unhandled.errors).toEqual([]);
  }, 120_000);
});
