import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ANONYMOUS as anonymous, createEvent, SYSTEM, type DomainEvent } from '@app/common';
import { startTestSubgraph, userPrincipal, waitFor, type TestSubgraph } from '@app/testing';
import { samplesSubgraph } from '../src/server.js';
import { createLoaders } from '../src/loaders/index.js';
import { addSamples, exportEnv, makeProject, makeSubmission, ok } from './helpers.js';

let sg: TestSubgraph;
const counter = { count: 0 };
const staff = userPrincipal('STAFF');
const labA = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const labB = userPrincipal('SUBMITTER', { labId: 'lab-b' });
const viewer = userPrincipal('VIEWER');
const tech = randomUUID();
let subA: { id: string; number: string };
let bulk: { id: string }[];

beforeAll(async () => {
  sg = await startTestSubgraph(samplesSubgraph, { env: exportEnv(), queryCounter: counter });
  const pa = await makeProject(sg, labA, 'Soil survey');
  subA = await makeSubmission(sg, labA, pa);
  await addSamples(sg, labA, subA.id, [
    { name: 'soil-01', sampleType: 'DNA', priority: 'LOW', flowCellDevice: 'MINION' },
    { name: 'Soil-02', sampleType: 'DNA', priority: 'HIGH', flowCellDevice: 'PROMETHION' },
    { name: 'leaf 50%', sampleType: 'RNA', priority: 'NORMAL' },
  ]);
  const urgent = await addSamples(sg, staff, subA.id, [{ name: 'rush', sampleType: 'DNA', priority: 'URGENT', assigneeId: tech }]);
  const pb = await makeProject(sg, labB, 'Other lab');
  const subB = await makeSubmission(sg, labB, pb);
  bulk = await addSamples(sg, labB, subB.id, Array.from({ length: 120 }, (_, i) => ({ name: `b-${String(i).padStart(3, '0')}`, sampleType: 'DNA' })));
  const done = createEvent({ source: 'workflow', principal: SYSTEM }, {
    type: 'SampleStatusChanged', subject: { type: 'Sample', id: urgent[0]!.id, sampleId: urgent[0]!.id }, data: { status: 'PREP' },
  }) as DomainEvent;
  await sg.bus.publish(done);
  await waitFor(async () => (await ok(sg, `query($id: ID!) { sample(id: $id) { status } }`, { id: urgent[0]!.id }, staff)).sample.status === 'PREP', { what: 'PREP' });
});
afterAll(() => sg.stop());

const LIST = `query($f: SampleFilter, $o: SampleOrder, $first: Int, $after: String) {
  samples(filter: $f, orderBy: $o, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name priority status } } } }`;
const names = (d: any) => d.samples.edges.map((e: any) => e.node.name);

describe('sample lists', () => {
  it('confines submitters to their lab and lets staff and viewers read everything', async () => {
    expect((await ok(sg, LIST, {}, labA)).samples.totalCount).toBe(4);
    expect((await ok(sg, LIST, { f: { labId: 'lab-b' } }, labA)).samples.totalCount).toBe(0);
    expect((await ok(sg, LIST, {}, staff)).samples.totalCount).toBe(124);
    expect((await ok(sg, LIST, {}, viewer)).samples.totalCount).toBe(124);
    const token = userPrincipal('STAFF', { kind: 'apiToken', scopes: ['exports:read'] });
    expect((await sg.call(LIST, {}, token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('filters by status, priority, type, device and assignee, and searches names and numbers', async () => {
    expect(names(await ok(sg, LIST, { f: { priority: ['HIGH', 'URGENT'] } }, labA)).sort()).toEqual(['Soil-02', 'rush']);
    expect(names(await ok(sg, LIST, { f: { status: ['PREP'] } }, labA))).toEqual(['rush']);
    expect(names(await ok(sg, LIST, { f: { sampleType: ['RNA'] } }, labA))).toEqual(['leaf 50%']);
    expect(names(await ok(sg, LIST, { f: { flowCellDevice: ['PROMETHION'] } }, labA))).toEqual(['Soil-02']);
    expect(names(await ok(sg, LIST, { f: { assigneeId: tech } }, staff))).toEqual(['rush']);
    expect(names(await ok(sg, LIST, { f: { search: 'SOIL' } }, labA)).sort()).toEqual(['Soil-02', 'soil-01']);
    expect(names(await ok(sg, LIST, { f: { search: '50%' } }, labA))).toEqual(['leaf 50%']);
    expect((await ok(sg, LIST, { f: { search: subA.number } }, labA)).samples.totalCount).toBe(4);
    expect((await ok(sg, LIST, { f: { submittedFrom: '2999-01-01T00:00:00Z' } }, staff)).samples.totalCount).toBe(0);
    const bad = await sg.call(LIST, { f: { submittedFrom: '2026-02-01T00:00:00Z', submittedTo: '2026-01-01T00:00:00Z' } }, staff);
    expect(bad.errors![0]!.extensions!.field).toBe('filter.submittedFrom');
  });

  it('pages with keyset cursors without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const d: any = await ok(sg, LIST, { f: { labId: 'lab-b' }, o: { field: 'NAME', direction: 'DESC' }, first: 50, after }, staff);
      seen.push(...names(d));
      if (!d.samples.pageInfo.hasNextPage) break;
      after = d.samples.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(120);
    expect(seen).toEqual([...seen].sort().reverse());
    expect((await sg.call(LIST, { after: 'garbage' }, staff)).errors![0]!.extensions!.field).toBe('after');
    expect((await sg.call(LIST, { first: 101 }, staff)).errors![0]!.extensions!.field).toBe('first');
  });

  it('orders the queue urgent → high → normal → low, then oldest first, over waiting samples only', async () => {
    const d = await ok(sg, `{ sampleQueue(first: 5) { totalCount edges { node { name priority } } } }`, {}, labA);
    expect(d.sampleQueue.edges.map((e: any) => e.node.name)).toEqual(['Soil-02', 'leaf 50%', 'soil-01']);
    const all = await ok(sg, `{ sampleQueue(first: 100) { totalCount edges { node { name priority } } } }`, {}, staff);
    expect(all.sampleQueue.totalCount).toBe(123);
    const order = all.sampleQueue.edges.map((e: any) => e.node);
    // lab B's 120 normal samples arrived after lab A's and ahead of its low one.
    expect(order.slice(0, 2).map((n: any) => n.name)).toEqual(['Soil-02', 'leaf 50%']);
    expect(order.slice(2).every((n: any) => n.priority === 'NORMAL' && n.name.startsWith('b-'))).toBe(true);
  });

  it('counts by status and priority with turnaround', async () => {
    const d = await ok(sg, `{ sampleStats { total byStatus { status count } byPriority { priority count } turnaround { openCount completedCount averageOpenAgeHours } } }`, {}, labA);
    expect(d.sampleStats.total).toBe(4);
    expect(d.sampleStats.byStatus.filter((s: any) => s.count > 0)).toEqual([{ status: 'SUBMITTED', count: 3 }, { status: 'PREP', count: 1 }]);
    expect(d.sampleStats.byPriority).toEqual([
      { priority: 'URGENT', count: 1 }, { priority: 'HIGH', count: 1 }, { priority: 'NORMAL', count: 1 }, { priority: 'LOW', count: 1 },
    ]);
    expect(d.sampleStats.turnaround).toMatchObject({ openCount: 4, completedCount: 0 });
  });

  it('lists submissions and projects with filters and search', async () => {
    const subs = await ok(sg, `query($s: String) { submissions(filter: { search: $s }) { totalCount edges { node { number sampleCount } } } }`, { s: subA.number.toLowerCase() }, staff);
    expect(subs.submissions.edges).toEqual([{ node: { number: subA.number, sampleCount: 4 } }]);
    const projects = await ok(sg, `{ projects(filter: { search: "soil" }, orderBy: { field: NAME }) { totalCount edges { node { name } } } }`, {}, staff);
    expect(projects.projects.edges).toEqual([{ node: { name: 'Soil survey' } }]);
    expect((await ok(sg, `{ projects { totalCount } }`, {}, labB)).projects.totalCount).toBe(1);
  });
});

describe('entity resolution', () => {
  const DASHBOARD = `query($first: Int) { samples(first: $first) { totalCount edges { node { id name status assignee { id } submission { number submitter { id } project { name owner { id } } } } } } }`;

  it('costs the same number of SQL statements for 10 and 100 samples with submission, project and users', async () => {
    // The outbox relay polls on the same connection pool; stop it so only this request's statements count.
    await sg.running.relay.stop();
    counter.count = 0;
    const small = await ok(sg, DASHBOARD, { first: 10 }, staff);
    const smallCount = counter.count;
    counter.count = 0;
    const large = await ok(sg, DASHBOARD, { first: 100 }, staff);
    const largeCount = counter.count;
    expect(small.samples.edges).toHaveLength(10);
    expect(large.samples.edges).toHaveLength(100);
    expect(large.samples.edges[0].node.submission.project.name).toBeTruthy();
    expect(largeCount).toBe(smallCount);
    // page (its submissions joined), count, projects: users are references to auth and cost nothing here.
    expect(largeCount).toBeLessThanOrEqual(3);
  });

  it('reads a listed sample\'s submission and project in the page\'s own statement, in the caller\'s lab', async () => {
    const PAGE = `{ samples(first: 50) { edges { node { name labId submission { number labId } project { name labId } } } } }`;
    counter.count = 0;
    const asStaff = (await ok(sg, PAGE, {}, staff)).samples.edges.map((e: any) => e.node);
    expect(counter.count).toBe(1);
    expect(asStaff).toHaveLength(50);
    for (const n of asStaff) expect([n.submission.labId, n.project.labId]).toEqual([n.labId, n.labId]);
    const asLabA = (await ok(sg, PAGE, {}, labA)).samples.edges.map((e: any) => e.node);
    expect(asLabA.map((n: any) => n.project.name)).toEqual(asLabA.map(() => 'Soil survey'));
    expect(new Set(asLabA.flatMap((n: any) => [n.labId, n.submission.labId, n.project.labId]))).toEqual(new Set(['lab-a']));
    // Not selected, not joined: the page alone.
    counter.count = 0;
    await ok(sg, `{ samples(first: 50) { edges { node { name } } } }`, {}, staff);
    expect(counter.count).toBe(1);
  });

  it('resolves references for every entity in one batch each, hiding other labs', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sample { name } ... on Submission { number } } }`;
    const reps = [{ __typename: 'Sample', id: bulk[0]!.id }, { __typename: 'Sample', id: bulk[1]!.id }, { __typename: 'Submission', id: subA.id }];
    counter.count = 0;
    const asStaff = await ok(sg, q, { r: reps }, staff);
    expect(asStaff._entities).toEqual([{ name: 'b-000' }, { name: 'b-001' }, { number: subA.number }]);
    expect(counter.count).toBe(2);
    expect((await ok(sg, q, { r: reps }, labA))._entities).toEqual([null, null, { number: subA.number }]);
  });

  it('reads a referenced sample with the submission and project it selects in one statement, answering as by id', async () => {
    const FIELDS = `id name priority labId submission { id number labId } project { id name labId }`;
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sample { ${FIELDS} } } }`;
    const reps = bulk.slice(0, 3).map((s) => ({ __typename: 'Sample', id: s.id }));
    counter.count = 0;
    const asStaff = (await ok(sg, q, { r: reps }, staff))._entities;
    expect(counter.count).toBe(1);
    for (const entity of asStaff) expect((await ok(sg, `query($id: ID!) { sample(id: $id) { ${FIELDS} } }`, { id: entity.id }, staff)).sample).toEqual(entity);
    // Another lab's sample is null as a whole (its submission and project never reach the answer); the caller's own resolves.
    const ownLab = asStaff[0].labId;
    const submitter = userPrincipal('SUBMITTER', { labId: ownLab });
    expect((await ok(sg, q, { r: reps }, submitter))._entities).toEqual(asStaff);
    expect((await ok(sg, q, { r: reps }, userPrincipal('SUBMITTER', { labId: 'lab-elsewhere' })))._entities).toEqual([null, null, null]);
  });
});

// Lists answer plain rows (keysetRows), by-id reads managed entities: both must give the same answer.
describe('list rows and entities', () => {
  const FIELDS = `id number name sampleType materialType organism buffer qubitConcentration nanodropConcentration volume totalAmount a260280 a260230
    fragmentSize flowCellDevice poreChemistry flowCellCount billingAccount { id code } submission { id number } project { id name } labId priority status
    statusChangedAt assignee { id } isControl notes externalKey submittedAt completedAt archivedAt version createdAt updatedAt`;
  const admin = userPrincipal('ADMIN');
  const labC = userPrincipal('SUBMITTER', { labId: 'lab-c' });

  it('answers every field of a listed sample exactly as the same sample read by id', async () => {
    const account = (await ok(sg, `mutation { createBillingAccount(input: { code: "ROWS-1", labId: "lab-c" }) { id } }`, {}, admin)).createBillingAccount;
    const sub = await makeSubmission(sg, labC, await makeProject(sg, labC, 'Rows'), {
      priority: 'HIGH', externalQuoteId: 'Q-77', billingAccountId: account.id, specialInstructions: 'ship on ice',
      dataDeliveryPreferences: { method: 'CLOUD', path: 's3://rows', notifyEmails: ['pi@lab-c.test'], notes: 'weekly' },
    });
    await addSamples(sg, staff, sub.id, [
      { name: 'full', sampleType: 'DNA', materialType: 'HMW_GDNA', organism: 'Homo sapiens', buffer: 'EB', qubitConcentration: 42.5, nanodropConcentration: 60,
        volume: 30, a260280: 1.85, a260230: 2.1, fragmentSize: 15000, flowCellDevice: 'PROMETHION', poreChemistry: 'R10_4_1', flowCellCount: 2,
        priority: 'URGENT', billingAccountId: account.id, assigneeId: tech, isControl: true, notes: 'keep cold', externalKey: 'rows:1' },
      { name: 'bare', sampleType: 'RNA' },
    ]);
    const listed = (await ok(sg, `query($s: ID!) { samples(filter: { submissionId: $s }, orderBy: { field: NAME }) { edges { node { ${FIELDS} } } } }`, { s: sub.id }, labC))
      .samples.edges.map((e: any) => e.node);
    expect(listed.map((s: any) => s.name)).toEqual(['bare', 'full']);
    expect(listed[1]).toMatchObject({ billingAccount: { id: account.id }, submission: { id: sub.id }, totalAmount: 1275, assignee: { id: tech } });
    for (const row of listed) {
      expect((await ok(sg, `query($id: ID!) { sample(id: $id) { ${FIELDS} } }`, { id: row.id }, labC)).sample).toEqual(row);
    }
    // A listed sample's submission and project are read as rows too; by id they are entities.
    const SUB = `id number labId externalQuoteId priority status submittedAt receivedAt completedAt specialInstructions sampleCount completedCount createdAt updatedAt
      submitter { id } billingAccount { id code } dataDeliveryPreferences { method path notifyEmails notes } project { id name description owner { id } labId status createdAt updatedAt }`;
    const viaSample = (await ok(sg, `query($s: ID!) { samples(filter: { submissionId: $s }, first: 1) { edges { node { submission { ${SUB} } } } } }`, { s: sub.id }, labC))
      .samples.edges[0].node.submission;
    expect(viaSample).toMatchObject({ billingAccount: { id: account.id }, dataDeliveryPreferences: { method: 'CLOUD', notifyEmails: ['pi@lab-c.test'] }, project: { name: 'Rows' } });
    expect((await ok(sg, `query($id: ID!) { submission(id: $id) { ${SUB} } }`, { id: sub.id }, labC)).submission).toEqual(viaSample);
  });

  it('keeps every list of rows in the caller\'s lab: samples, the queue and a user\'s assigned samples', async () => {
    const labsOf = (edges: any[]) => [...new Set(edges.map((e) => e.node.labId))];
    expect(labsOf((await ok(sg, `{ samples(first: 100) { edges { node { labId } } } }`, {}, labC)).samples.edges)).toEqual(['lab-c']);
    expect(labsOf((await ok(sg, `{ sampleQueue(first: 100) { edges { node { labId } } } }`, {}, labA)).sampleQueue.edges)).toEqual(['lab-a']);
    expect((await ok(sg, `{ sampleQueue(first: 100, after: null) { totalCount } }`, {}, labB)).sampleQueue.totalCount).toBe(120);
    const assigned = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { assignedSamples(first: 10) { totalCount edges { node { name labId } } } } } }`;
    const of = async (p: typeof staff) => (await ok(sg, assigned, { r: [{ __typename: 'User', id: tech }] }, p))._entities[0].assignedSamples;
    // tech is assigned 'rush' (lab A) and 'full' (lab C): each submitter sees only their own lab's.
    expect((await of(labA)).edges.map((e: any) => e.node)).toEqual([{ name: 'rush', labId: 'lab-a' }]);
    expect((await of(labC)).edges.map((e: any) => e.node)).toEqual([{ name: 'full', labId: 'lab-c' }]);
    expect(await of(labB)).toEqual({ totalCount: 0, edges: [] });
    expect((await of(staff)).totalCount).toBe(2);
  });

  it('hides another lab\'s submissions and projects from the row loaders, as the entity loaders do', async () => {
    const sub = (await ok(sg, `{ samples(filter: { search: "full" }) { edges { node { submission { id project { id } } } } } }`, {}, staff)).samples.edges[0].node.submission;
    const rows = (p: typeof staff) => createLoaders(sg.running.orm.em.fork(), p);
    for (const [p, visible] of [[labC, true], [staff, true], [labA, false], [userPrincipal('SUBMITTER', { labId: null }), false], [anonymous, false]] as const) {
      const loaders = rows(p);
      expect([(await loaders.submissionRowById.load(sub.id))?.id, (await loaders.projectRowById.load(sub.project.id))?.id])
        .toEqual(visible ? [sub.id, sub.project.id] : [undefined, undefined]);
    }
  });
});
