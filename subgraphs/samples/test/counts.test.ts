import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, EventTypes, qualified, SYSTEM, type DomainEvent } from '@app/common';
import { startTestSubgraph, userPrincipal, waitFor, type TestSubgraph } from '@app/testing';
import { samplesSubgraph } from '../src/server.js';
import { SampleCounts } from '../src/services/sample-counts.js';
import { sampleWhere } from '../src/services/filters.js';
import { addSamples, exportEnv, makeProject, makeSubmission, ok } from './helpers.js';

// Totals from the counters (issue 13): the counters must equal count(*) per bucket after every
// kind of write, a total must never include another lab's samples, and an estimate must say so.
// The estimate threshold is 1 here so that any filter the counters cannot answer is estimated.
let sg: TestSubgraph;
const staff = userPrincipal('STAFF');
const labA = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const labB = userPrincipal('SUBMITTER', { labId: 'lab-b' });
let subA: { id: string; number: string };
let subB: { id: string; number: string };
let projectA: string;
let samplesA: { id: string; version: number }[];

const table = (name: string) => qualified(sg.running.orm.config.get('schema')!, name);
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => sg.running.orm.em.getConnection().execute<T[]>(query, params);
const drafts = (prefix: string, n: number, extra: (i: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({ name: `${prefix}-${i}`, sampleType: 'DNA', ...extra(i) }));

/** Every bucket of the counters (folded totals plus deltas) against count(*) of the samples it stands for. */
async function expectCountersExact(): Promise<void> {
  const key = (r: Record<string, unknown>) => `${r.lab_id}|${r.status}|${r.priority}|${r.archived}=${Number(r.n)}`;
  const rows = await sql(`select lab_id, status, priority, archived_at is not null as archived, count(*) as n from ${table('sample')} group by 1, 2, 3, 4`);
  const columns = 'lab_id, status, priority, archived, n';
  const counters = await sql(`select lab_id, status, priority, archived, sum(n) as n from (select ${columns} from ${table('sample_count')} union all select ${columns} from ${table('sample_count_delta')}) c
    group by 1, 2, 3, 4 having sum(n) <> 0`);
  expect(counters.map(key).sort()).toEqual(rows.map(key).sort());
}

const LIST = `query($f: SampleFilter, $exact: Boolean) { samples(filter: $f, first: 100, exactCount: $exact) { totalCount totalCountIsExact edges { node { id } } } }`;
const list = async (f: Record<string, unknown>, principal = staff, exact = false) =>
  (await ok(sg, LIST, { f, exact }, principal)).samples as { totalCount: number; totalCountIsExact: boolean; edges: unknown[] };

async function setStatus(id: string, status: string): Promise<void> {
  await sg.bus.publish(createEvent({ source: 'workflow', principal: SYSTEM }, {
    type: EventTypes.SampleStatusChanged, subject: { type: 'Sample', id, sampleId: id }, data: { status },
  }) as DomainEvent);
  await waitFor(async () => (await ok(sg, `query($id: ID!) { sample(id: $id) { status } }`, { id }, staff)).sample.status === status, { what: status });
}

beforeAll(async () => {
  // Deltas are folded every 100 ms, so folds run between and during the writes below.
  sg = await startTestSubgraph(samplesSubgraph, { env: { ...exportEnv(), SAMPLE_COUNT_ESTIMATE_THRESHOLD: '1', SAMPLE_COUNT_COMPACT_MS: '100' } });
  projectA = await makeProject(sg, labA, 'Counted A');
  subA = await makeSubmission(sg, labA, projectA);
  subB = await makeSubmission(sg, labB, await makeProject(sg, labB, 'Counted B'));
});
afterAll(() => sg.stop());

describe('sample counters', () => {
  it('match count(*) per bucket after every kind of write', async () => {
    await expectCountersExact();
    samplesA = await addSamples(sg, labA, subA.id, drafts('a', 30, (i) => ({ priority: ['LOW', 'NORMAL', 'HIGH'][i % 3], isControl: i % 10 === 0 })));
    await addSamples(sg, labB, subB.id, drafts('b', 12));
    await expectCountersExact();

    await setStatus(samplesA[0]!.id, 'PREP');
    await setStatus(samplesA[1]!.id, 'PREP');
    await setStatus(samplesA[1]!.id, 'SEQUENCING');
    await expectCountersExact();

    await ok(sg, `mutation($id: ID!) { setSamplePriority(id: $id, priority: HIGH) { id } }`, { id: samplesA[3]!.id }, staff);
    const v = (await ok(sg, `query($id: ID!) { sample(id: $id) { version } }`, { id: samplesA[4]!.id }, staff)).sample.version;
    await ok(sg, `mutation($id: ID!, $v: Int!) { updateSample(id: $id, input: { priority: LOW, notes: "moved" }, expectedVersion: $v) { id } }`, { id: samplesA[4]!.id, v }, staff);
    await ok(sg, `mutation($ids: [ID!]!) { bulkUpdateSamples(ids: $ids, patch: { priority: NORMAL }) { ok } }`, { ids: samplesA.slice(5, 9).map((s) => s.id) }, staff);
    await expectCountersExact();

    await ok(sg, `mutation($id: ID!) { archiveSample(id: $id, reason: "withdrawn") { id } }`, { id: samplesA[2]!.id }, staff);
    await expectCountersExact();
    expect((await list({ includeArchived: true }, labA)).totalCount - (await list({}, labA)).totalCount).toBe(1);

    // Writes outside the services: a plain multi-row INSERT (as a bulk intake writes), an
    // UPDATE that restores a withdrawn sample, a DELETE.
    await sql(`insert into ${table('sample')} (id, submission_id, submission_number, project_id, number, name, sample_type, lab_id, flow_cell_count, priority, priority_rank, status, status_rank, is_control, submitted_at, search_text, version, created_at, updated_at)
      select gen_random_uuid(), ?, ?, ?, 100 + g, 'raw-' || g, 'DNA', 'lab-a', 1, 'URGENT', 0, 'ANALYSIS', 3, false, now(), 'raw', 1, now(), now() from generate_series(1, 25) g`, [subA.id, subA.number, projectA]);
    await sql(`update ${table('sample')} set archived_at = null where id = ?`, [samplesA[2]!.id]);
    await sql(`delete from ${table('sample')} where name in ('raw-1', 'raw-2')`);
    await expectCountersExact();
  });

  it('answer filtered totals exactly, within the caller\'s labs', async () => {
    const filters = [{}, { status: ['SUBMITTED'] }, { priority: ['HIGH', 'URGENT'] }, { status: ['PREP', 'ANALYSIS'], priority: ['URGENT'] },
      { labId: 'lab-b' }, { labId: 'lab-a', includeArchived: true }];
    for (const principal of [staff, labA, labB]) {
      for (const f of filters) {
        const page = await list(f, principal);
        expect({ f, total: page.totalCount, exact: page.totalCountIsExact }).toEqual({ f, total: page.edges.length, exact: true });
      }
    }
    expect((await list({}, labA)).totalCount).toBe(53);
    expect((await list({}, labB)).totalCount).toBe(12);
    expect((await list({ labId: 'lab-b' }, labA)).totalCount).toBe(0);
    expect((await list({}, staff)).totalCount).toBe(65);
    const QUEUE = `{ sampleQueue(first: 100) { totalCount totalCountIsExact edges { node { id } } } }`;
    for (const principal of [staff, labA, labB]) {
      const queue = (await ok(sg, QUEUE, {}, principal)).sampleQueue;
      expect({ total: queue.totalCount, exact: queue.totalCountIsExact }).toEqual({ total: queue.edges.length, exact: true });
    }
    expect((await ok(sg, QUEUE, {}, labB)).sampleQueue.totalCount).toBe(12);
  });

  it('answer sampleStats by status and priority from the counters, within the caller\'s labs', async () => {
    const STATS = `query($f: SampleFilter) { sampleStats(filter: $f) { total byStatus { status count } byPriority { priority count } } }`;
    const a = (await ok(sg, STATS, {}, labA)).sampleStats;
    expect(a.total).toBe(53);
    expect(a.byPriority.find((p: { priority: string }) => p.priority === 'URGENT').count).toBe(23);
    expect(a.byStatus.find((s: { status: string }) => s.status === 'PREP').count).toBe(1);
    const b = (await ok(sg, STATS, { f: { priority: ['URGENT'] } }, labB)).sampleStats;
    expect(b.total).toBe(0);
  });
});

describe('totals the counters cannot answer', () => {
  it('are the planner\'s estimate above the threshold, flagged, and exact when asked', async () => {
    await sql(`analyze ${table('sample')}`);
    const estimated = await list({ isControl: false }, staff);
    expect(estimated.totalCountIsExact).toBe(false);
    expect(estimated.totalCount).toBeGreaterThan(1);
    expect(estimated.totalCount).toBeLessThanOrEqual(65);
    const exact = await list({ isControl: false }, staff, true);
    expect({ total: exact.totalCount, exact: exact.totalCountIsExact }).toEqual({ total: exact.edges.length, exact: true });
    expect(exact.totalCount).toBe(62);
  });

  it('never estimate past what the caller may see', async () => {
    const own = await list({ isControl: false }, labB);
    expect(own.totalCount).toBeLessThanOrEqual(12);
    const other = await list({ labId: 'lab-a', isControl: false }, labB);
    expect({ total: other.totalCount, exact: other.totalCountIsExact }).toEqual({ total: 0, exact: true });
  });

  it('are counted below the threshold', async () => {
    const counts = new SampleCounts(sg.running.orm.em.fork() as never, staff, 1_000_000);
    const filter = { isControl: false, priority: ['URGENT' as const] };
    expect(await counts.total(filter, sampleWhere(staff, filter), false)).toEqual({ value: 23, exact: true });
  });
});

describe('concurrent writers', () => {
  // PostgreSQL only: PGlite is one session, so a second transaction cannot be open beside the first.
  (process.env.TEST_DATABASE_URL ? it : it.skip)('do not wait for a transaction still adding to their bucket', async () => {
    const [moving] = await addSamples(sg, labA, (await makeSubmission(sg, labA, projectA)).id, drafts('moving', 1));
    const other = await makeSubmission(sg, labA, projectA);
    const open = sg.running.orm.em.fork();
    await open.begin();
    try {
      // Uncommitted: a long intake's first statement into (lab-a, SUBMITTED, NORMAL, not archived).
      await open.execute(`insert into ${table('sample')} (id, submission_id, submission_number, project_id, number, name, sample_type, lab_id, flow_cell_count, priority, priority_rank, status, status_rank, is_control, submitted_at, search_text, version, created_at, updated_at)
        values (gen_random_uuid(), ?, ?, ?, 1, 'open-1', 'DNA', 'lab-a', 1, 'NORMAL', 2, 'SUBMITTED', 0, false, now(), 'open', 1, now(), now())`, [other.id, other.number, projectA]);
      // The status consumer moves a sample out of that bucket meanwhile (an upsert of the
      // bucket's row would wait here for the commit below).
      await setStatus(moving!.id, 'PREP');
    } finally {
      await open.commit();
    }
    await expectCountersExact();
  });

  it('into one bucket lose no count, nor do concurrent folds', async () => {
    const subs = await Promise.all([1, 2, 3, 4].map(() => makeSubmission(sg, labA, projectA)));
    await Promise.all(subs.map((s, i) => addSamples(sg, labA, s.id, drafts(`c${i}`, 40))));
    await Promise.all([1, 2, 3, 4].map((k) => sql(`insert into ${table('sample')} (id, submission_id, submission_number, project_id, number, name, sample_type, lab_id, flow_cell_count, priority, priority_rank, status, status_rank, is_control, submitted_at, search_text, version, created_at, updated_at)
      select gen_random_uuid(), ?, ?, ?, 1000 + g, 'con-${k}-' || g, 'DNA', 'lab-a', 1, 'NORMAL', 2, 'SUBMITTED', 0, false, now(), 'raw', 1, now(), now() from generate_series(1, 50) g`, [subs[k - 1]!.id, subs[k - 1]!.number, projectA])));
    await expectCountersExact();
    await Promise.all([1, 2, 3].map(() => sql(`select ${table('sample_count_compact')}()`)));
    expect(Number((await sql(`select count(*) as n from ${table('sample_count_delta')}`))[0]!.n)).toBe(0);
    await expectCountersExact();
    expect((await list({ status: ['SUBMITTED'], priority: ['NORMAL'] }, labA, true)).totalCount).toBe(
      Number((await sql(`select count(*) as n from ${table('sample')} where lab_id = 'lab-a' and status = 'SUBMITTED' and priority = 'NORMAL' and archived_at is null`))[0]!.n));
  });
});
