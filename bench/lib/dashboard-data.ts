/**
 * The dashboard benchmarks' data (bench/dashboard.ts, bench/profile-dashboard.ts): users, four
 * projects and `total / 1000` submissions through the gateway, then the sample rows by SQL into the
 * samples schema only (insert … select generate_series, derived columns computed as the entity
 * computes them), so no workflow or audit events run in the background while measuring.
 */
import { EventTypes, INTERNAL_TOKEN_HEADER, InternalTokenIssuer, SYSTEM, createEvent, qualified, type Principal } from '@app/common';
import type { CryptoKey } from 'jose';
import type { TestSystem, TestUser } from '@app/embedded/testing';
import { Priorities, SampleStatuses, priorityRank, statusRank, type Priority, type SampleStatus } from '../../subgraphs/samples/src/entities/enums.js';

export const PER_SUBMISSION = 1000;
export const LABS = ['okafor-lab', 'lindqvist-lab', 'nakamura-lab', 'garcia-lab'];

export interface DashboardData {
  /** Five staff users; every assigned sample is assigned to one of them. */
  staff: TestUser[];
  submissions: number;
  /** Samples the API counts afterwards. */
  totalCount: number;
  /** The PostgreSQL database the system runs on (null on PGlite), to read its backends' CPU. */
  database: string | null;
  seedSeconds: number;
}

const textArray = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]`;
const intArray = (values: number[]) => `array[${values.join(',')}]::smallint[]`;

async function must<T = Record<string, any>>(t: TestSystem, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql<T>(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

/** Seeds `total` samples; ten per cent URGENT (always assigned), five staff assignees, six statuses. */
export async function seedDashboard(t: TestSystem, total: number): Promise<DashboardData> {
  const started = performance.now();
  const submissions = Math.ceil(total / PER_SUBMISSION);
  const staff: TestUser[] = [];
  for (let i = 0; i < 5; i++) staff.push(await t.createUser('STAFF'));
  for (const [i, lab] of LABS.entries()) {
    const { createProject } = await must(t, `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { name: `Dashboard project ${i + 1}`, labId: lab } }, t.admin.token);
    for (let n = i; n < submissions; n += LABS.length) {
      await must(t, `mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: createProject.id }, t.admin.token);
    }
  }
  // Weighted patterns: mostly NORMAL, some HIGH/LOW, one in ten URGENT (always assigned, as the rule requires).
  const priorities: Priority[] = ['NORMAL', 'NORMAL', 'HIGH', 'NORMAL', 'LOW', 'NORMAL', 'HIGH', 'NORMAL', 'NORMAL', 'URGENT'];
  const statuses: SampleStatus[] = SampleStatuses.filter((s) => s !== 'ARCHIVED');
  const s = (table: string) => qualified('samples', table);
  const conn = t.system.subgraphs.samples!.orm.em.getConnection();
  await conn.execute(`
    insert into ${s('sample')} (id, submission_id, submission_number, project_id, number, name, sample_type, material_type, lab_id, organism, buffer,
      qubit_concentration, nanodrop_concentration, volume, total_amount, a260_280, a260_230, fragment_size, flow_cell_device, pore_chemistry, flow_cell_count,
      priority, priority_rank, status, status_rank, status_changed_at, assignee_id, is_control, submitted_at, search_text, version, created_at, updated_at)
    select gen_random_uuid(), sub.id, sub.number, sub.project_id, g.n, x.name, 'DNA', 'HMW_GDNA', sub.lab_id, 'Homo sapiens', 'EB',
      40 + g.n % 50, 60 + g.n % 70, 30, (40 + g.n % 50) * 30, 1.85, 2.1, 15000 + g.n * 7, (${textArray(['PROMETHION', 'MINION', 'GRIDION', 'FLONGLE'])})[1 + g.n % 4], 'R10_4_1', 1,
      (${textArray(priorities)})[1 + g.n % 10], (${intArray(priorities.map(priorityRank))})[1 + g.n % 10],
      (${textArray(statuses)})[1 + (g.n + sub.seq) % ${statuses.length}], (${intArray(statuses.map(statusRank))})[1 + (g.n + sub.seq) % ${statuses.length}], now(),
      case when g.n % 10 = 9 or g.n % 3 = 0 then (${textArray(staff.map((u) => u.id))})[1 + g.n % ${staff.length}]::uuid end,
      g.n = ${PER_SUBMISSION}, now() - make_interval(secs => sub.seq * ${PER_SUBMISSION} + g.n), lower(x.name || ' ' || sub.number), 1, now(), now()
    from (select *, (row_number() over (order by number))::int as seq from ${s('submission')}) sub
    cross join generate_series(1, ${PER_SUBMISSION}) g(n)
    cross join lateral (select 'BENCH-' || sub.seq || '-' || lpad(g.n::text, 4, '0') as name) x
    where (sub.seq - 1) * ${PER_SUBMISSION} + g.n <= ${total}`);
  await conn.execute(`update ${s('submission')} sub set sample_count = (select count(*) from ${s('sample')} x where x.submission_id = sub.id), status = 'RECEIVED', submitted_at = now(), received_at = now()`);
  await conn.execute(`analyze ${s('sample')}`);
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
  const { samples } = await must<{ samples: { totalCount: number } }>(t, `{ samples(first: 1) { totalCount } }`, {}, staff[0]!.token);
  console.log(`seeded ${samples.totalCount} samples in ${submissions} submissions (${seedSeconds} s; ${Priorities.length} priorities, ${statuses.length} statuses)`);
  const database = process.env.TEST_DATABASE_URL ? (await conn.execute<{ name: string }[]>('select current_database() as name'))[0]!.name : null;
  return { staff, submissions, totalCount: samples.totalCount, seedSeconds, database };
}

/** One HTTP request of a benchmark: where, with which headers, which body. */
export interface BenchRequest { url: string; headers: Record<string, string>; body: string }

/**
 * The dashboard query as a staff user, straight to the samples subgraph (an internal token minted
 * with the gateway's key; `assignee { id }`, names belong to auth) and through the gateway (the
 * user's JWT; `assignee { name }`).
 */
export async function dashboardRequests(t: TestSystem, gatewayPrivateKey: CryptoKey, staff: TestUser): Promise<{ direct: BenchRequest; gateway: BenchRequest; twoSubgraphs: BenchRequest }> {
  const query = (assignee: string) => `query Dashboard { samples(first: 50) { edges { node { id name status priority submission { number } project { name } assignee { ${assignee} } } } } }`;
  const principal: Principal = { kind: 'user', userId: staff.id, role: 'STAFF', labId: null, name: 'bench staff', scopes: [], tokenId: null, via: 'UI' };
  const internalToken = await new InternalTokenIssuer(gatewayPrivateKey).issue('samples', principal, { ip: '127.0.0.1', userAgent: 'bench' });
  return {
    direct: { url: `${t.system.subgraphs.samples!.url}/graphql`, headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: internalToken }, body: JSON.stringify({ query: query('id') }) },
    gateway: { url: `${t.url}/graphql`, headers: { 'content-type': 'application/json', authorization: `Bearer ${staff.token}` }, body: JSON.stringify({ query: query('name') }) },
    twoSubgraphs: { url: `${t.url}/graphql`, headers: { 'content-type': 'application/json', authorization: `Bearer ${staff.token}` }, body: JSON.stringify({ query: TWO_SUBGRAPHS }) },
  };
}

/** The two-subgraph variant: the page with each sample's workflow progress and ETA (samples + workflow). */
export const TWO_SUBGRAPHS = `query DashboardProgress { samples(first: 50) { edges { node { id name status priority submission { number } project { name } workflow { progress } eta } } } }`;

/**
 * The first page's workflows, made by the workflow subgraph itself from the SampleCreated events
 * the samples subgraph would have sent (the bulk rows were inserted by SQL), so the two-subgraph
 * query reads real workflow rows.
 */
export async function createFirstPageWorkflows(t: TestSystem, staff: TestUser): Promise<void> {
  type PageSample = { id: string; name: string; priority: Priority; labId: string; sampleType: string; submission: { id: string } };
  const page = await t.data<{ samples: { edges: { node: PageSample }[] } }>(`{ samples(first: 50) { edges { node { id name priority labId sampleType submission { id } } } } }`, {}, staff.token);
  for (const { node } of page.samples.edges) {
    await t.system.bus.publish(createEvent({ principal: SYSTEM, source: 'samples' }, {
      type: EventTypes.SampleCreated, subject: { type: 'Sample', id: node.id, labId: node.labId, submissionId: node.submission.id },
      data: { name: node.name, priority: node.priority, sampleType: node.sampleType, submissionId: node.submission.id },
    }));
  }
  for (;;) {
    const { samples } = await t.data<{ samples: { edges: { node: { workflow: unknown } }[] } }>(`{ samples(first: 50) { edges { node { workflow { seq } } } } }`, {}, staff.token);
    if (samples.edges.every((e) => e.node.workflow)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}
