/**
 * A filtered sample page with its totalCount (issue 13, point 2), through the gateway:
 *   pageOnly            the page alone (what the page costs)
 *   pageWithTotal       the same page with totalCount, summed from the counters (staff, and a submitter in one lab)
 *   otherFilterEstimate a filter the counters do not cover (adds flowCellDevice): the planner's estimate
 *   otherFilterExact    the same with exactCount: true, counting every matching row
 *   countStarBefore     count(*) of pageWithTotal's filter straight on the database: what its total cost before the counters
 * One client, one request at a time, then 16 clients closed-loop on pageOnly and pageWithTotal;
 * last, what the counting triggers add to one 10,000-row INSERT.
 *   npm run build && node --import tsx bench/sample-counts.ts [samples=100000] [runs=30] [seconds=5]
 * Database: TEST_DATABASE_URL or DATABASE_URL (a fresh database on that server), else embedded
 * PGlite. Sample rows are inserted by SQL into the samples schema (as bench/dashboard.ts does), so
 * the counters are filled by their triggers, as by any other insert.
 */
import { qualified } from '@app/common';
import { startTestSystem } from '@app/embedded/testing';
import { priorityRank, statusRank, type Priority, type SampleStatus } from '../subgraphs/samples/src/entities/enums.js';
import { mergeLoads, runLoad } from './lib/load.js';
import { machine, printTable, writeResult } from './lib/report.js';
import { latencyStats, timed } from './lib/stats.js';

const TOTAL = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 30);
const SECONDS = Number(process.argv[4] ?? 5);
const PER_SUBMISSION = 10_000;
const LABS = ['okafor-lab', 'lindqvist-lab', 'nakamura-lab', 'garcia-lab'];

if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
const databaseKind = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite (embedded, in this process)';
console.log(`sample-counts benchmark: ${TOTAL} samples; database ${databaseKind}`);
const t = await startTestSystem({});
const must = async <T = Record<string, any>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
  const res = await t.gql<T>(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
};

/* ---------- data: projects and submissions through the gateway, sample rows by SQL ---------- */
const seedStart = performance.now();
const staff = await t.createUser('STAFF');
const submitter = await t.createUser('SUBMITTER', LABS[0]);
for (const [i, lab] of LABS.entries()) {
  const { createProject } = await must(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { name: `Counts project ${i + 1}`, labId: lab } }, t.admin.token);
  for (let n = i; n < Math.ceil(TOTAL / PER_SUBMISSION); n += LABS.length) {
    await must(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: createProject.id }, t.admin.token);
  }
}
const priorities: Priority[] = ['NORMAL', 'NORMAL', 'HIGH', 'NORMAL', 'LOW', 'NORMAL', 'HIGH', 'NORMAL', 'NORMAL', 'URGENT'];
const statuses: SampleStatus[] = ['SUBMITTED', 'PREP', 'SEQUENCING', 'ANALYSIS', 'COMPLETED', 'DISTRIBUTED'];
const text = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]`;
const ints = (values: number[]) => `array[${values.join(',')}]::smallint[]`;
const conn = t.system.subgraphs.samples!.orm.em.getConnection();
const s = (table: string) => qualified('samples', table);
await conn.execute(`
  insert into ${s('sample')} (id, submission_id, submission_number, project_id, number, name, sample_type, lab_id, flow_cell_device, flow_cell_count,
    priority, priority_rank, status, status_rank, is_control, submitted_at, search_text, version, created_at, updated_at)
  select gen_random_uuid(), sub.id, sub.number, sub.project_id, g.n, 'COUNT-' || sub.seq || '-' || g.n, 'DNA', sub.lab_id,
    (${text(['PROMETHION', 'MINION', 'GRIDION', 'FLONGLE'])})[1 + g.n % 4], 1,
    (${text(priorities)})[1 + g.n % 10], (${ints(priorities.map(priorityRank))})[1 + g.n % 10],
    (${text(statuses)})[1 + (g.n / 10 + sub.seq) % 6], (${ints(statuses.map(statusRank))})[1 + (g.n / 10 + sub.seq) % 6],
    false, now() - make_interval(secs => sub.seq * ${PER_SUBMISSION} + g.n), lower('count-' || sub.seq || '-' || g.n || ' ' || sub.number), 1, now(), now()
  from (select *, (row_number() over (order by number))::int as seq from ${s('submission')}) sub
  cross join generate_series(1, ${PER_SUBMISSION}) g(n)
  where (sub.seq - 1) * ${PER_SUBMISSION} + g.n <= ${TOTAL}`);
await conn.execute(`analyze ${s('sample')}`);
const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;

/* ---------- one client ---------- */
const FILTER = 'status: [SEQUENCING], priority: [URGENT, HIGH]';
const OTHER = `${FILTER}, flowCellDevice: [PROMETHION]`;
const queries = {
  pageOnly: { token: staff.token, query: `{ samples(filter: { ${FILTER} }, first: 50) { edges { node { id } } } }` },
  pageWithTotal: { token: staff.token, query: `{ samples(filter: { ${FILTER} }, first: 50) { totalCount totalCountIsExact edges { node { id } } } }` },
  pageWithTotalSubmitter: { token: submitter.token, query: `{ samples(filter: { ${FILTER} }, first: 50) { totalCount totalCountIsExact edges { node { id } } } }` },
  otherFilterEstimate: { token: staff.token, query: `{ samples(filter: { ${OTHER} }, first: 50) { totalCount totalCountIsExact edges { node { id } } } }` },
  otherFilterExact: { token: staff.token, query: `{ samples(filter: { ${OTHER} }, first: 50, exactCount: true) { totalCount totalCountIsExact edges { node { id } } } }` },
};
const answers: Record<string, unknown> = {};
const oneClient: Record<string, ReturnType<typeof latencyStats>> = {};
for (const [name, q] of Object.entries(queries)) {
  const { samples } = await must<{ samples: { totalCount?: number; totalCountIsExact?: boolean } }>(q.query, {}, q.token);
  answers[name] = { totalCount: samples.totalCount, totalCountIsExact: samples.totalCountIsExact };
  for (let i = 0; i < 5; i++) await must(q.query, {}, q.token);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timed(() => must(q.query, {}, q.token)));
  oneClient[name] = latencyStats(times);
}
// What the total cost before the counters: count(*) of the same filter, straight on the database.
const countSql = `select count(*) from ${s('sample')} where status = 'SEQUENCING' and priority in ('URGENT', 'HIGH') and archived_at is null`;
const countTimes: number[] = [];
for (let i = 0; i < RUNS; i++) countTimes.push(await timed(() => conn.execute(countSql)));
oneClient.countStarBefore = latencyStats(countTimes);
answers.countStarBefore = { totalCount: Number((await conn.execute<{ count: string }[]>(countSql))[0]!.count), totalCountIsExact: true };
printTable(`Filtered page of 50 through the gateway over ${TOTAL} samples, one client, ${RUNS} runs (${databaseKind}; load ${machine().loadAverageAtEnd})`,
  ['query', 'p50 ms', 'p99 ms', 'totalCount', 'exact'],
  Object.entries(oneClient).map(([name, st]) => [name, st.p50, st.p99, String((answers[name] as { totalCount?: number }).totalCount ?? '-'), String((answers[name] as { totalCountIsExact?: boolean }).totalCountIsExact ?? '-')]));

/* ---------- 16 clients ---------- */
const loads: Record<string, ReturnType<typeof mergeLoads>> = {};
for (const name of ['pageOnly', 'pageWithTotal'] as const) {
  const q = queries[name];
  loads[name] = mergeLoads([await runLoad({
    url: `${t.url}/graphql`, headers: { 'content-type': 'application/json', authorization: `Bearer ${q.token}` }, body: JSON.stringify({ query: q.query }),
    concurrency: 16, warmupMs: 1000, durationMs: SECONDS * 1000, expect: '"edges"', keepLatencies: true,
  })]);
}
printTable(`16 clients, ${SECONDS} s each`, ['query', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
  Object.entries(loads).map(([name, r]) => [name, r.requestsPerSecond, r.latencyMs.p50, r.latencyMs.p99, r.errors]));

/* ---------- what the triggers add to a bulk insert ---------- */
// 10,000 rows in one INSERT into the first submission, with the counting triggers and with them
// disabled, each in a transaction rolled back so the data and the counters stay as they were.
const em = t.system.subgraphs.samples!.orm.em.fork();
const bulkInsert = (k: number) => `insert into ${s('sample')} (id, submission_id, submission_number, project_id, number, name, sample_type, lab_id, flow_cell_count,
    priority, priority_rank, status, status_rank, is_control, submitted_at, search_text, version, created_at, updated_at)
  select gen_random_uuid(), sub.id, sub.number, sub.project_id, ${PER_SUBMISSION * (k + 2)} + g, 'BULK-${k}-' || g, 'DNA', sub.lab_id, 1,
    (${text(priorities)})[1 + g % 10], (${ints(priorities.map(priorityRank))})[1 + g % 10], 'SUBMITTED', 0, false, now(), 'bulk', 1, now(), now()
  from (select * from ${s('submission')} order by number limit 1) sub cross join generate_series(1, 10000) g`;
const insertMs: Record<string, number[]> = { withTriggers: [], withoutTriggers: [] };
for (let k = 0; k < 6; k++) {
  const mode = k % 2 === 0 ? 'withTriggers' : 'withoutTriggers';
  await em.transactional(async (trx) => {
    if (mode === 'withoutTriggers') await trx.execute(`alter table ${s('sample')} disable trigger sample_count_insert`);
    insertMs[mode]!.push(await timed(() => trx.execute(bulkInsert(k))));
    throw new Error('rollback');
  }).catch((err: Error) => { if (err.message !== 'rollback') throw err; });
}
const insertCost = Object.fromEntries(Object.entries(insertMs).map(([k, v]) => [k, latencyStats(v).p50]));
printTable('One INSERT of 10,000 sample rows (median of 3, rolled back)', ['mode', 'ms'], Object.entries(insertCost));

const file = writeResult('sample-counts', {
  benchmark: 'sample-counts', at: new Date().toISOString(), database: databaseKind, machine: machine(), samples: TOTAL, seedSeconds, runs: RUNS,
  queries: Object.fromEntries(Object.entries(queries).map(([k, v]) => [k, v.query])), answers, oneClientMs: oneClient, sixteenClients: loads, insertOf10000RowsMs: insertCost,
});
console.log(`wrote ${file}`);
await t.stop();
process.exit(0);
