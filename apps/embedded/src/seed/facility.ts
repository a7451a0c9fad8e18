import { LABS, PROJECTS, type ProjectSpec } from './catalogue.js';
import { chunk, GatewayClient, mapLimit, sleep } from './client.js';
import { demoPassword, ensureDemoUsers, type DemoUser } from './people.js';
import { expectedStatus, planFacility, type PlannedSubmission } from './plan.js';
import { Random } from './random.js';
import { walkWorkflows, type LiveSample, type Workers } from './walk.js';

export interface SeedOptions {
  /** Gateway base URL (http://host:port). */
  url: string;
  /** Access token of an ADMIN. */
  adminToken: string;
  /** That admin's password: the seed's QC override is e-signed with it (omitted: signed on the admin's sign-in if under 5 minutes old). */
  adminPassword?: string;
  /** How many samples to add (default 300). */
  samples?: number;
  /** Seed of the generator (default fixed, so a first run is reproducible). */
  randomSeed?: number;
  /** Password given to every demo user (default generated). */
  password?: string;
  /** Progress lines (default: console.log). */
  log?: (line: string) => void;
  /** How long to wait for workflows and statuses that follow by event (default 120 s). */
  settleTimeoutMs?: number;
}

export interface SeedReport {
  users: DemoUser[];
  password: string;
  projects: number;
  submissions: { id: string; number: string; state: PlannedSubmission['state'] }[];
  samples: { id: string; name: string; expectedStatus: string; priority: string }[];
  /** Whole system after the run (earlier runs included). */
  byStatus: Record<string, number>;
  byPriority: Record<string, number>;
  /** Samples whose status had not caught up with their workflow when the seed stopped waiting. */
  unsettled: number;
  seconds: number;
}

const ACCOUNTS = `query SeedAccounts($s: String!) { billingAccounts(filter: { search: $s }, first: 10) { edges { node { id code labId active } } } }`;
const CREATE_ACCOUNT = `mutation SeedCreateAccount($i: CreateBillingAccountInput!) { createBillingAccount(input: $i) { id code labId active } }`;
const PROJECTS_OF = `query SeedProjects($lab: String!) { projects(filter: { labId: $lab }, first: 100) { edges { node { id name } } } }`;
const CREATE_PROJECT = `mutation SeedCreateProject($i: CreateProjectInput!) { createProject(input: $i) { id } }`;
const SAMPLE_TOTAL = `query SeedSampleTotal { samples(filter: { includeArchived: true }, first: 1) { totalCount } }`;
const CREATE_SUBMISSION = `mutation SeedCreateSubmission($i: CreateSubmissionInput!) { createSubmission(input: $i) { id number } }`;
const ADD_SAMPLES = `mutation SeedAddSamples($s: ID!, $samples: [SampleInput!]!) { addSamples(submissionId: $s, samples: $samples) { id name } }`;
const SUBMIT = `mutation SeedSubmit($id: ID!) { updateSubmission(id: $id, input: { status: SUBMITTED }) { status } }`;
const RECEIVE = `mutation SeedReceive($id: ID!, $at: DateTime) { markSubmissionReceived(id: $id, receivedAt: $at) { status } }`;
const BULK_UPDATE = `mutation SeedBulkUpdate($ids: [ID!]!, $patch: BulkSamplePatch!) { bulkUpdateSamples(ids: $ids, patch: $patch) { id ok error { code message } } }`;
const SAMPLES_OF = `query SeedSamplesOf($s: ID!) { samples(filter: { submissionId: $s, includeArchived: true }, first: 100) { edges { node { id status archivedAt workflow { id status } } } } }`;
const STATS = `query SeedStats { sampleStats(filter: { includeArchived: true }) { byStatus { status count } byPriority { priority count } } }`;

type Log = (line: string) => void;

async function ensureAccounts(admin: GatewayClient): Promise<Map<string, string>> {
  const activeByLab = new Map<string, string>();
  for (const lab of LABS) {
    for (const account of lab.accounts) {
      const found = await admin.request<{ billingAccounts: { edges: { node: { id: string; code: string; active: boolean } }[] } }>(ACCOUNTS, { s: account.code });
      let node = found.billingAccounts.edges.map((e) => e.node).find((n) => n.code === account.code);
      node ??= (await admin.request<{ createBillingAccount: { id: string; code: string; active: boolean } }>(CREATE_ACCOUNT, {
        i: { code: account.code, description: account.description, labId: lab.id, active: account.active },
      })).createBillingAccount;
      if (node.active && !activeByLab.has(lab.id)) activeByLab.set(lab.id, node.id);
    }
  }
  return activeByLab;
}

/** Each project is owned by the lab's first submitter; projects of an earlier run are reused. */
async function ensureProjects(owners: Map<string, GatewayClient>): Promise<Map<ProjectSpec, string>> {
  const ids = new Map<ProjectSpec, string>();
  for (const lab of LABS) {
    const owner = owners.get(lab.id)!;
    const existing = await owner.request<{ projects: { edges: { node: { id: string; name: string } }[] } }>(PROJECTS_OF, { lab: lab.id });
    for (const spec of PROJECTS.filter((p) => p.labId === lab.id)) {
      const id = existing.projects.edges.find((e) => e.node.name === spec.name)?.node.id
        ?? (await owner.request<{ createProject: { id: string } }>(CREATE_PROJECT, { i: { name: spec.name, description: spec.description } })).createProject.id;
      ids.set(spec, id);
    }
  }
  return ids;
}

interface Created { plan: PlannedSubmission; id: string; number: string; samples: LiveSample[] }

/** Polls until `check` is true or the time is up; returns whether it became true. */
async function settle(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await sleep(300);
  }
}

type SampleRow = { id: string; status: string; archivedAt: string | null; workflow: { id: string; status: string } | null };

/** Whether the samples and workflow subgraphs both show the expected status (and archived samples their archivedAt). */
const settled = (row: SampleRow, expected: string) =>
  row.status === expected && row.workflow?.status === expected && (expected !== 'ARCHIVED' || !!row.archivedAt);
const samplesOf = async (client: GatewayClient, submissionId: string): Promise<SampleRow[]> =>
  (await client.request<{ samples: { edges: { node: SampleRow }[] } }>(SAMPLES_OF, { s: submissionId })).samples.edges.map((e) => e.node);

/**
 * Loads a realistic facility through the gateway, as its people would: the admin adds staff,
 * customers and billing accounts; customers create projects and submissions with samples; staff
 * receive the material, assign and escalate samples, and walk them through the workflow.
 */
export async function seedFacility(options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const log: Log = options.log ?? ((line) => console.log(line));
  const total = options.samples ?? 300;
  const settleMs = options.settleTimeoutMs ?? 120_000;
  const anonymous = new GatewayClient(options.url);
  const admin = anonymous.as(options.adminToken);
  const password = options.password ?? demoPassword();

  log('· people: staff, a viewer and two customers per lab');
  const users = await ensureDemoUsers(admin, anonymous, password);
  log(`  ${users.filter((u) => u.created).length} created, ${users.filter((u) => !u.created).length} reused (password reset)`);
  const tokens = new Map(await mapLimit(users.filter((u) => u.role !== 'VIEWER'), 2, async (u) => [u.id, await anonymous.login(u.email, password)] as const));
  const staff = users.filter((u) => u.role === 'STAFF').map((u) => ({ client: anonymous.as(tokens.get(u.id)!), id: u.id }));
  const submittersOf = (labId: string) => users.filter((u) => u.role === 'SUBMITTER' && u.labId === labId);
  const clientOf = (u: DemoUser) => anonymous.as(tokens.get(u.id)!);

  log('· billing accounts and projects');
  const accounts = await ensureAccounts(admin);
  const projectIds = await ensureProjects(new Map(LABS.map((lab) => [lab.id, clientOf(submittersOf(lab.id)[0]!)])));
  const existingSamples = (await admin.request<{ samples: { totalCount: number } }>(SAMPLE_TOTAL)).samples.totalCount;
  const rng = new Random(options.randomSeed ?? (existingSamples === 0 ? 20_260_101 : Date.now()));
  const plan = planFacility({ samples: total, rng, staffCount: staff.length, firstNumber: existingSamples + 1 });
  log(`  ${accounts.size} labs with active accounts, ${projectIds.size} projects; planned ${plan.length} submissions with ${total} samples`);

  log('· submissions: customers create and submit them, staff receive the material');
  const now = new Date();
  let done = 0;
  let samplesDone = 0;
  const created = await mapLimit(plan, 2, async (p): Promise<Created> => {
    const submitter = submittersOf(p.project.labId)[p.submitter]!;
    const customer = clientOf(submitter);
    const { createSubmission } = await customer.request<{ createSubmission: { id: string; number: string } }>(CREATE_SUBMISSION, { i: {
      projectId: projectIds.get(p.project)!, priority: p.priority, externalQuoteId: p.externalQuoteId, billingAccountId: accounts.get(p.project.labId),
      dataDeliveryPreferences: { method: p.delivery, notifyEmails: [submitter.email] },
      ...(p.priority === 'HIGH' ? { specialInstructions: 'Grant report due: please prioritise sequencing.' } : {}),
    } });
    const { addSamples } = await customer.request<{ addSamples: { id: string; name: string }[] }>(ADD_SAMPLES, { s: createSubmission.id, samples: p.samples.map((s) => s.fields) });
    const idByName = new Map(addSamples.map((s) => [s.name, s.id]));
    if (p.state !== 'DRAFT') await customer.request(SUBMIT, { id: createSubmission.id });
    if (p.state === 'RECEIVED') {
      const at = new Date(now.getTime() - p.receivedDaysAgo * 86_400_000).toISOString();
      await staff[0]!.client.request(RECEIVE, { id: createSubmission.id, at });
    }
    const context = { rng, submission: p, submissionNumber: createSubmission.number, labId: p.project.labId, submitterName: submitter.name, now };
    done++;
    samplesDone += p.samples.length;
    if (done % 5 === 0 || done === plan.length) log(`  ${done}/${plan.length} submissions, ${samplesDone} samples`);
    return { plan: p, id: createSubmission.id, number: createSubmission.number, samples: p.samples.map((plan) => ({ id: idByName.get(plan.fields.name)!, plan, context })) };
  });
  const live = created.flatMap((c) => c.samples);

  log('· staff assign the samples they work on and escalate the urgent ones');
  const groups = new Map<string, { ids: string[]; patch: Record<string, unknown> }>();
  for (const s of live.filter((x) => x.plan.assignee !== null)) {
    const urgent = s.plan.finalPriority === 'URGENT';
    const key = `${s.plan.assignee}:${urgent}`;
    const group = groups.get(key) ?? { ids: [], patch: { assigneeId: staff[s.plan.assignee!]!.id, ...(urgent ? { priority: 'URGENT' } : {}) } };
    group.ids.push(s.id);
    groups.set(key, group);
  }
  for (const { ids, patch } of groups.values()) {
    for (const part of chunk(ids, 100)) {
      const { bulkUpdateSamples } = await staff[0]!.client.request<{ bulkUpdateSamples: { id: string; ok: boolean; error: { message: string } | null }[] }>(BULK_UPDATE, { ids: part, patch });
      const failed = bulkUpdateSamples.find((r) => !r.ok);
      if (failed) throw new Error(`bulkUpdateSamples refused ${failed.id}: ${failed.error?.message}`);
    }
  }
  // Individual priority changes (not urgent) go one by one, as a person would.
  const reprioritised = live.filter((s) => s.plan.finalPriority !== 'URGENT' && s.plan.finalPriority !== s.plan.fields.priority);
  for (const part of chunk(reprioritised, 100)) {
    for (const priority of ['LOW', 'NORMAL', 'HIGH'] as const) {
      const ids = part.filter((s) => s.plan.finalPriority === priority).map((s) => s.id);
      if (ids.length) await staff[0]!.client.request(BULK_UPDATE, { ids, patch: { priority } });
    }
  }

  log('· waiting for the workflow subgraph to open a workflow per sample (by event)');
  const ready = await settle(async () => (await mapLimit(created, 4, async (c) => (await samplesOf(admin, c.id)).every((r) => r.workflow))).every(Boolean), settleMs);
  if (!ready) throw new Error(`workflows did not appear for every sample within ${settleMs / 1000} s; is the workflow subgraph consuming events?`);

  log('· staff walk the samples through the workflow');
  const workers: Workers = { admin, adminPassword: options.adminPassword, staff };
  await walkWorkflows(workers, live, log);

  log('· waiting for sample statuses to follow the workflow (by event)');
  const expected = new Map(live.map((s) => [s.id, expectedStatus(s.plan.target)]));
  let unsettled = live.length;
  await settle(async () => {
    const rows = (await mapLimit(created, 4, (c) => samplesOf(admin, c.id))).flat();
    unsettled = rows.filter((r) => expected.has(r.id) && !settled(r, expected.get(r.id)!)).length;
    return unsettled === 0;
  }, settleMs);
  if (unsettled) log(`  ${unsettled} sample(s) have not caught up yet; they will as the events arrive`);

  const stats = (await admin.request<{ sampleStats: { byStatus: { status: string; count: number }[]; byPriority: { priority: string; count: number }[] } }>(STATS)).sampleStats;
  return {
    users, password, projects: projectIds.size,
    submissions: created.map((c) => ({ id: c.id, number: c.number, state: c.plan.state })),
    samples: live.map((s) => ({ id: s.id, name: s.plan.fields.name, expectedStatus: expected.get(s.id)!, priority: s.plan.finalPriority })),
    byStatus: Object.fromEntries(stats.byStatus.map((b) => [b.status, b.count])),
    byPriority: Object.fromEntries(stats.byPriority.map((b) => [b.priority, b.count])),
    unsettled, seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
