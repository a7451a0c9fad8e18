import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor, type TestSubgraph } from '@app/testing';
import type { DomainEvent } from '@app/common';
import { b64, field, fixturePdf, GET_JOB, otherLab, staff, START_PDF, startAi, submitter, type AiHarness } from './helpers.js';

const single = fixturePdf('dna-single');

let ai: AiHarness;
let sg: TestSubgraph;
let events: DomainEvent[];

beforeAll(async () => {
  ai = await startAi({ AI_WORKER_POLL_MS: '100' });
  ({ sg, events } = ai);
});
afterAll(async () => { await ai?.stop(); });

const CORRECT = `mutation($input: CorrectExtractionFieldInput!) { correctExtractionField(input: $input) { fieldName value values source confidence needsReview correctionId correctedBy extractedValue } }`;
const ACCEPT = `mutation($id: ID!) { acceptExtraction(jobId: $id) { id status reviewedBy reviewedAt } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectExtraction(jobId: $id, reason: $reason) { id status rejectReason } }`;

async function reviewableJob(principal = submitter) {
  const res = await sg.call(START_PDF, { input: { pdfBase64: b64(single) } }, principal);
  expect(res.errors).toBeUndefined();
  const id = res.data!.startPdfExtraction.id as string;
  return waitFor(async () => {
    const job = (await sg.call(GET_JOB, { id }, staff)).data?.extractionJob;
    return job?.status === 'NEEDS_REVIEW' ? job : null;
  }, { timeoutMs: 30_000, what: 'NEEDS_REVIEW' });
}
describe('review of extraction drafts', () => {
  it('corrects a field, accepts the draft (the event carries it) and remembers the correction for the next job', async () => {
    const job = await reviewableJob();
    expect(field(job, 'genomeSize')).toMatchObject({ value: '4.6 Mb', source: 'LAYOUT' });
    expect((await sg.call(CORRECT, { input: { jobId: job.id, fieldName: 'genomeSize', value: '4.6 Mbp' } }, submitter)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const corrected = await sg.call(CORRECT, { input: { jobId: job.id, fieldName: 'genomeSize', value: '4.6 Mbp' } }, staff);
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.correctExtractionField).toMatchObject({ value: '4.6 Mbp', source: 'MANUAL', confidence: 1, needsReview: false, correctedBy: staff.userId, extractedValue: '"4.6 Mb"' });
    const multi = await sg.call(CORRECT, { input: { jobId: job.id, fieldName: 'dataRetrieval', values: ['URL', 'ITS_PROJ'] } }, staff);
    expect(multi.data!.correctExtractionField).toMatchObject({ value: 'URL, ITS_PROJ', values: ['URL', 'ITS_PROJ'] });
    const unknown = await sg.call(CORRECT, { input: { jobId: job.id, fieldName: 'favouriteColour', value: 'x' } }, staff);
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fieldName' });

    const accepted = await sg.call(ACCEPT, { id: job.id }, staff);
    expect(accepted.data!.acceptExtraction).toMatchObject({ status: 'ACCEPTED', reviewedBy: staff.userId });
    const event = await waitFor(() => events.find((e) => e.type === 'ExtractionAccepted' && e.subject.id === job.id), { what: 'ExtractionAccepted' });
    expect(event.data).toMatchObject({ form: 'DNA', fields: expect.objectContaining({ genomeSize: '4.6 Mbp', kit: 'SQK-RAD114', dataRetrieval: ['URL', 'ITS_PROJ'] }) });
    expect((event.data as { samples: unknown[] }).samples).toHaveLength(1);
    expect((await sg.call(CORRECT, { input: { jobId: job.id, fieldName: 'kit', value: 'SQK-LSK114' } }, staff)).errors![0]!.extensions!.code).toBe('INVALID_TRANSITION');

    const next = await reviewableJob();
    expect(field(next, 'genomeSize')).toMatchObject({ value: '4.6 Mbp', source: 'RETRIEVAL', correctionId: corrected.data!.correctExtractionField.correctionId, needsReview: true });
    expect(field(next, 'kit')).toMatchObject({ source: 'CHECKBOX', correctionId: null });
  });

  it('rejects with a reason; submitters see only their lab and cannot review', async () => {
    const job = await reviewableJob();
    expect((await sg.call(GET_JOB, { id: job.id }, otherLab)).data!.extractionJob).toBeNull();
    expect((await sg.call(GET_JOB, { id: job.id }, submitter)).data!.extractionJob.id).toBe(job.id);
    expect((await sg.call(REJECT, { id: job.id, reason: 'x' }, submitter)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await sg.call(REJECT, { id: job.id, reason: ' ' }, staff)).errors![0]!.extensions!.field).toBe('reason');
    const rejected = await sg.call(REJECT, { id: job.id, reason: 'Wrong quote attached' }, staff);
    expect(rejected.data!.rejectExtraction).toEqual({ id: job.id, status: 'REJECTED', rejectReason: 'Wrong quote attached' });
    expect((await sg.call(ACCEPT, { id: job.id }, staff)).errors![0]!.extensions!.code).toBe('INVALID_TRANSITION');
    await waitFor(() => events.find((e) => e.type === 'ExtractionRejected' && e.subject.id === job.id), { what: 'ExtractionRejected' });
  });

  it('corrects a cell of the sample table', async () => {
    const job = await reviewableJob();
    const q = `mutation($i: CorrectExtractedSampleInput!) { correctExtractedSample(input: $i) { sampleNumber sampleName volume isControl confidence } }`;
    expect((await sg.call(q, { i: { jobId: job.id, sampleNumber: '1', field: 'volume', value: '3' } }, submitter)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const bad = await sg.call(q, { i: { jobId: job.id, sampleNumber: '1', field: 'labId', value: 'x' } }, staff);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.field' });
    expect((await sg.call(q, { i: { jobId: job.id, sampleNumber: '99', field: 'volume', value: '3' } }, staff)).errors![0]!.extensions!.field).toBe('input.sampleNumber');
    const res = await sg.call(q, { i: { jobId: job.id, sampleNumber: '1', field: 'sampleName', value: 'Negative control' } }, staff);
    expect(res.data!.correctExtractedSample).toEqual({ sampleNumber: '1', sampleName: 'Negative control', volume: '2', isControl: true, confidence: 1 });
    const read = (await sg.call(GET_JOB, { id: job.id }, staff)).data!.extractionJob;
    expect(read.samples[0]).toMatchObject({ sampleName: 'Negative control', isControl: true });
    await waitFor(() => events.find((e) => e.type === 'ExtractedSampleCorrected' && e.subject.id === job.id), { what: 'ExtractedSampleCorrected' });
  });
});
