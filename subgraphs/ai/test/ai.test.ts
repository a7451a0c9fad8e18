import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor, type TestSubgraph } from '@app/testing';
import { ANONYMOUS, type DomainEvent } from '@app/common';
import { otherLab, staff, startAi, submitter, viewer, type AiHarness } from './helpers.js';

let ai: AiHarness;
let sg: TestSubgraph;
let events: DomainEvent[];

beforeAll(async () => {
  ai = await startAi();
  ({ sg, events } = ai);
});
afterAll(async () => { await ai?.stop(); });

const START = `#graphql
  mutation($input: StartTextExtractionInput!) {
    startTextExtraction(input: $input) {
      id status method progress labId createdBy startedAt finishedAt needsReviewCount
      submission { id } sample { id }
      results { fieldName value confidence sourceText line page boundingBox needsReview }
    }
  }`;
const TEXT = ['Sample Name: Soil-7', 'Concentration: 42.5 ng/µL', 'Volume (µL): 20', 'Organizm: E. coli', 'Comments: keep cold'].join('\n');

async function start(input: Record<string, unknown>, principal = submitter) {
  return sg.call(START, { input: { submissionId: randomUUID(), text: TEXT, ...input } }, principal);
}

describe('ai subgraph', () => {
  it('extracts labelled values with honest confidence and emits created and completed events', async () => {
    const sampleId = randomUUID();
    const res = await start({ sampleId });
    expect(res.errors).toBeUndefined();
    const job = res.data!.startTextExtraction;
    expect(job).toMatchObject({ status: 'NEEDS_REVIEW', method: 'PATTERN', progress: 1, labId: 'lab-a', createdBy: submitter.userId, sample: { id: sampleId }, needsReviewCount: 1 });
    expect(job.results).toEqual([
      { fieldName: 'sampleName', value: 'Soil-7', confidence: 1, sourceText: 'Sample Name: Soil-7', line: 1, page: null, boundingBox: null, needsReview: false },
      expect.objectContaining({ fieldName: 'concentration', value: '42.5 ng/µL', confidence: 1, needsReview: false }),
      expect.objectContaining({ fieldName: 'volume', value: '20', confidence: 1 }),
      expect.objectContaining({ fieldName: 'organism', value: 'E. coli', confidence: 0.875, needsReview: true }),
    ]);
    await waitFor(() => events.some((e) => e.type === 'ExtractionCompleted' && e.subject.id === job.id), { what: 'ExtractionCompleted' });
    const created = events.find((e) => e.type === 'ExtractionJobCreated' && e.subject.id === job.id)!;
    expect(created.subject).toMatchObject({ submissionId: job.submission.id, sampleId, labId: 'lab-a' });
    expect(events.find((e) => e.type === 'ExtractionCompleted' && e.subject.id === job.id)!.data).toMatchObject({ resultCount: 4, needsReviewCount: 1 });
  });

  it('reports every invalid field at once and stores nothing', async () => {
    const res = await sg.call(START, { input: { submissionId: 'not-a-uuid', sampleId: 'x', text: '  ' } }, submitter);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'submissionId' });
    expect(res.errors![0]!.extensions!.problems.map((p: { field: string }) => p.field)).toEqual(['submissionId', 'sampleId', 'text']);
    const staffWithoutLab = await start({}, staff);
    expect(staffWithoutLab.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'labId' });
  });

  it('refuses viewers, anonymous callers and submitters naming another lab', async () => {
    expect((await start({}, viewer)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await start({}, ANONYMOUS)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await start({ labId: 'lab-b' })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('confines submitters to their lab in lookups and lists; staff see every lab', async () => {
    const submissionId = randomUUID();
    const mine = (await start({ submissionId })).data!.startTextExtraction;
    const staffJob = (await start({ submissionId, labId: 'lab-c' }, staff)).data!.startTextExtraction;
    const get = `query($id: ID!) { extractionJob(id: $id) { id } }`;
    expect((await sg.call(get, { id: mine.id }, otherLab)).data!.extractionJob).toBeNull();
    const list = `query($s: ID!) { extractionJobs(filter: { submissionId: $s }, first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const forSubmitter = (await sg.call(list, { s: submissionId }, submitter)).data!.extractionJobs;
    expect(forSubmitter).toMatchObject({ totalCount: 1, edges: [{ node: { id: mine.id } }], pageInfo: { hasNextPage: false } });
    const forStaff = (await sg.call(list, { s: submissionId }, staff)).data!.extractionJobs;
    expect(forStaff).toMatchObject({ totalCount: 2, edges: [{ node: { id: staffJob.id } }], pageInfo: { hasNextPage: true } });
    const next = await sg.call(`query($s: ID!, $a: String) { extractionJobs(filter: { submissionId: $s }, first: 1, after: $a) { edges { node { id } } } }`, { s: submissionId, a: forStaff.pageInfo.endCursor }, staff);
    expect(next.data!.extractionJobs.edges).toEqual([{ node: { id: mine.id } }]);
    expect((await sg.call(`{ extractionJobs(first: 500) { totalCount } }`, {}, staff)).errors![0]!.extensions!.field).toBe('first');
  });

  it('adds the latest visible job to Sample and Submission references', async () => {
    const sampleId = randomUUID();
    const submissionId = randomUUID();
    await start({ sampleId, submissionId });
    const latest = (await start({ sampleId, submissionId, text: 'Sample Name: again' })).data!.startTextExtraction;
    const q = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Sample { id aiExtraction { id results { value } } }
      ... on Submission { id extraction { id } } } }`;
    const r = [{ __typename: 'Sample', id: sampleId }, { __typename: 'Submission', id: submissionId }, { __typename: 'Sample', id: randomUUID() }];
    const mine = await sg.call(q, { r }, submitter);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!._entities).toEqual([
      { id: sampleId, aiExtraction: { id: latest.id, results: [{ value: 'again' }] } },
      { id: submissionId, extraction: { id: latest.id } },
      { id: r[2]!.id, aiExtraction: null },
    ]);
    const theirs = await sg.call(q, { r }, otherLab);
    expect(theirs.data!._entities).toEqual([
      { id: sampleId, aiExtraction: null }, { id: submissionId, extraction: null }, { id: r[2]!.id, aiExtraction: null },
    ]);
    const byRef = await sg.call(`query($r: [_Any!]!) { _entities(representations: $r) { ... on ExtractionJob { id status } } }`, { r: [{ __typename: 'ExtractionJob', id: latest.id }] }, otherLab);
    expect(byRef.data!._entities).toEqual([null]);
  });
});
