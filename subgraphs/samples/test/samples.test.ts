import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectEvents, startTestSubgraph, userPrincipal, waitFor, type CollectedEvents, type TestSubgraph } from '@app/testing';
import { samplesSubgraph } from '../src/server.js';

let sg: TestSubgraph;
let events: CollectedEvents;
const submitter = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const otherLab = userPrincipal('SUBMITTER', { labId: 'lab-b' });
const viewer = userPrincipal('VIEWER');

beforeAll(async () => {
  sg = await startTestSubgraph(samplesSubgraph);
  events = await collectEvents(sg.bus);
});
afterAll(() => sg.stop());

const CREATE = `#graphql
  mutation($name: String!) { createProject(input: { name: $name }) { id name labId owner { id } } }`;

describe('samples subgraph skeleton', () => {
  it('creates a project, submission and samples, emitting one event each', async () => {
    const project = await sg.call(CREATE, { name: 'Soil metagenomes' }, submitter);
    expect(project.errors).toBeUndefined();
    expect(project.data!.createProject).toMatchObject({ name: 'Soil metagenomes', labId: 'lab-a', owner: { id: submitter.userId } });
    const sub = await sg.call(`mutation($p: ID!) { createSubmission(input: { projectId: $p, priority: HIGH }) { id number priority } }`, { p: project.data!.createProject.id }, submitter);
    expect(sub.data!.createSubmission.number).toMatch(/^SUB-\d{4}-\d{6}$/);
    const added = await sg.call(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "Ä-1 soil", sampleType: DNA }, { name: "S2", sampleType: RNA, priority: LOW }]) { id number name priority status } }`, { s: sub.data!.createSubmission.id }, submitter);
    expect(added.errors).toBeUndefined();
    expect(added.data!.addSamples).toEqual([
      expect.objectContaining({ number: 1, name: 'Ä-1 soil', priority: 'HIGH', status: 'SUBMITTED' }),
      expect.objectContaining({ number: 2, name: 'S2', priority: 'LOW' }),
    ]);
    await waitFor(() => events.filter((e) => e.type === 'SampleCreated').length === 2, { what: 'SampleCreated events' });
    const created = events.find((e) => e.type === 'SampleCreated')!;
    expect(created.actor).toMatchObject({ userId: submitter.userId, role: 'SUBMITTER', ip: '127.0.0.1', userAgent: 'jest' });
    expect(created.subject.submissionId).toBe(sub.data!.createSubmission.id);
  });

  it('rejects duplicate names with the row and field named, adding nothing', async () => {
    const p = await sg.call(CREATE, { name: 'P2' }, submitter);
    const s = await sg.call(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: p.data!.createProject.id }, submitter);
    const res = await sg.call(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "A", sampleType: DNA }, { name: "a", sampleType: DNA }, { name: " ", sampleType: DNA }]) { id } }`, { s: s.data!.createSubmission.id }, submitter);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'samples.1.name' });
    expect(res.errors![0]!.extensions!.problems).toHaveLength(2);
    const read = await sg.call(`query($id: ID!) { submission(id: $id) { samples { id } } }`, { id: s.data!.createSubmission.id }, submitter);
    expect(read.data!.submission.samples).toEqual([]);
  });

  it('hides other labs and refuses viewers and anonymous callers', async () => {
    const p = await sg.call(CREATE, { name: 'Private' }, submitter);
    const id = p.data!.createProject.id;
    expect((await sg.call(`query($id: ID!) { project(id: $id) { id } }`, { id }, otherLab)).data!.project).toBeNull();
    expect((await sg.call(CREATE, { name: 'x' }, viewer)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await sg.call(CREATE, { name: 'x' })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('resolves entity references in one batch, hiding invisible ones', async () => {
    const p = await sg.call(CREATE, { name: 'Ref' }, submitter);
    const id = p.data!.createProject.id;
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { id name } } }`;
    const mine = await sg.call(q, { r: [{ __typename: 'Project', id }] }, submitter);
    expect(mine.data!._entities).toEqual([{ id, name: 'Ref' }]);
    const theirs = await sg.call(q, { r: [{ __typename: 'Project', id }] }, otherLab);
    expect(theirs.data!._entities).toEqual([null]);
  });
});
