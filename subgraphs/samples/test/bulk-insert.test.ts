import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectEvents, startTestSubgraph, userPrincipal, waitFor, type CollectedEvents, type TestSubgraph } from '@app/testing';
import { samplesSubgraph } from '../src/server.js';
import { Sample, Submission } from '../src/entities/index.js';
import { addSamples, makeProject, makeSubmission, ok } from './helpers.js';

// addSamples inserts with one statement, bypassing the entity's onCreate hooks: what it stores
// must be exactly what the unit of work would have stored for the same sample.
let sg: TestSubgraph;
let events: CollectedEvents;
const submitter = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const staff = userPrincipal('STAFF');

beforeAll(async () => {
  sg = await startTestSubgraph(samplesSubgraph);
  events = await collectEvents(sg.bus);
});
afterAll(() => sg.stop());

/** The stored row, without what differs by construction (id, number, name, timestamps). */
async function storedRow(id: string): Promise<Record<string, unknown>> {
  const rows = await sg.running.orm.em.getConnection().execute<Record<string, unknown>[]>('select * from samples.sample where id = ?', [id]);
  const { id: _id, number: _n, name: _name, search_text: searchText, external_key: _k, submitted_at: _s, created_at: _c, updated_at: _u, ...rest } = rows[0]!;
  return { ...rest, searchTextSuffix: String(searchText).replace(/^\S+ /, '') };
}

const FIELDS = {
  sampleType: 'DNA', materialType: 'HMW_GDNA', organism: ' Homo sapiens ', buffer: 'TE', qubitConcentration: 42.5, volume: 30,
  a260280: 1.85, a260230: 2.1, fragmentSize: 15000, flowCellDevice: 'PROMETHION', poreChemistry: 'R10_4_1', flowCellCount: 2,
  priority: 'HIGH', isControl: true, notes: ' row notes ',
} as const;

describe('addSamples bulk insert', () => {
  it('stores the same derived columns (totals, ranks, search text) as a sample created through the entity', async () => {
    const projectId = await makeProject(sg, submitter);
    const sub = await makeSubmission(sg, submitter, projectId);
    const [bulk] = await addSamples(sg, submitter, sub.id, [{ name: 'Bulk-1', ...FIELDS }]);

    // The same sample through the unit of work, whose onCreate hooks derive the columns.
    const em = sg.running.orm.em.fork();
    const submission = await em.findOneOrFail(Submission, sub.id, { populate: ['project'] });
    const viaEntity = em.create(Sample, {
      ...FIELDS, organism: 'Homo sapiens', notes: 'row notes', name: 'Entity-1', number: 99, submission, submissionNumber: submission.number,
      projectId: submission.project.id, labId: submission.labId, billingAccount: null, assigneeId: null, externalKey: null,
    } as never);
    await em.flush();

    const a = await storedRow(bulk!.id);
    expect(a).toEqual(await storedRow((viaEntity as Sample).id));
    expect(a).toMatchObject({ total_amount: 1275, priority_rank: 1, status: 'SUBMITTED', status_rank: 0, version: 1, searchTextSuffix: sub.number.toLowerCase() });
    const read = await ok(sg, `query($id: ID!) { sample(id: $id) { name totalAmount organism notes submission { id } project { id } } }`, { id: bulk!.id }, submitter);
    expect(read.sample).toEqual({ name: 'Bulk-1', totalAmount: 1275, organism: 'Homo sapiens', notes: 'row notes', submission: { id: sub.id }, project: { id: projectId } });
  });

  it('answers the samples it inserted with every field, numbered in order, one SampleCreated each', async () => {
    const projectId = await makeProject(sg, submitter, 'Numbers');
    const sub = await makeSubmission(sg, submitter, projectId, { priority: 'LOW' });
    const inputs = Array.from({ length: 250 }, (_, i) => ({ name: `N-${i}`, sampleType: i % 2 ? 'RNA' : 'DNA', qubitConcentration: 10, volume: i + 1, externalKey: `k-${i}` }));
    const d = await ok(sg, `mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id number name priority status totalAmount version externalKey submission { id sampleCount } } }`, { s: sub.id, x: inputs }, submitter);
    expect(d.addSamples.map((s: { number: number }) => s.number)).toEqual(inputs.map((_, i) => i + 1));
    expect(d.addSamples[7]).toMatchObject({ name: 'N-7', priority: 'LOW', status: 'SUBMITTED', totalAmount: 80, version: 1, externalKey: 'k-7', submission: { id: sub.id, sampleCount: 250 } });
    const ids = new Set(d.addSamples.map((s: { id: string }) => s.id));
    await waitFor(() => events.filter((e) => e.type === 'SampleCreated' && ids.has(e.subject.id)).length === 250, { what: '250 SampleCreated events' });
    const created = events.find((e) => e.type === 'SampleCreated' && e.subject.id === d.addSamples[7].id)!;
    expect(created).toMatchObject({ subject: { submissionId: sub.id, labId: 'lab-a' }, data: { name: 'N-7', number: 8, priority: 'LOW' }, after: { totalAmount: 80, volume: 8 } });

    // Sent again (a retried import): the same samples answered, none added, no new events.
    const again = await ok(sg, `mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id } }`, { s: sub.id, x: inputs }, submitter);
    expect(again.addSamples.map((s: { id: string }) => s.id)).toEqual([...ids]);
    const count = await ok(sg, `query($s: ID!) { samples(filter: { submissionId: $s }, first: 1) { totalCount } }`, { s: sub.id }, staff);
    expect(count.samples.totalCount).toBe(250);
  });

  it('keeps a submitter out of another lab\'s submission', async () => {
    const projectId = await makeProject(sg, submitter, 'Guarded');
    const sub = await makeSubmission(sg, submitter, projectId);
    const res = await sg.call(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "X", sampleType: DNA }]) { id } }`, { s: sub.id }, userPrincipal('SUBMITTER', { labId: 'lab-b' }));
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const count = await ok(sg, `query($s: ID!) { samples(filter: { submissionId: $s }, first: 1) { totalCount } }`, { s: sub.id }, staff);
    expect(count.samples.totalCount).toBe(0);
  });
});
