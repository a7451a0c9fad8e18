/**
 * Live subscriptions through the gateway (issue 5, federation.md §2.5).
 *   npm run build && node --import tsx bench/subscriptions.ts [subscribers=1000] [samples=10] [users=20]
 * Embedded mode (startSystem: seven subgraphs + gateway in this process, PGlite and the in-process
 * bus unless TEST_DATABASE_URL / REDIS_URL are set). The WebSocket clients run in a child process
 * so the CPU and RSS reported are the system's, not the clients'.
 *
 * Phase 1: `subscribers` sockets (one subscription each, spread over `samples` samples and `users`
 * staff users) follow workflowProgress with `sample { name priority submission { number } }`; the
 * samples walk all 8 steps (start + complete), 10 mutations at a time. Reported: delivered events,
 * event-to-client latency (the event's occurredAt, stamped in the workflow transaction, to receipt),
 * RSS and CPU of the system process. Phase 2: one subscriber, one sample, mutation-to-event latency.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { createClient, type Client } from 'graphql-ws';

const STEPS = ['SAMPLE_QC', 'LIBRARY_PREP', 'LIBRARY_QC', 'SEQUENCING_SETUP', 'SEQUENCING_RUN', 'BASECALLING', 'QUALITY_ASSESSMENT', 'DATA_DELIVERY'];
const RESULTS: Record<string, Record<string, unknown>> = {
  SAMPLE_QC: { sampleQc: { qubitNgPerUl: 50, volumeUl: 30, a260280: 1.85, a260230: 2.1, fragmentSizeBp: 12000 } },
  LIBRARY_PREP: { libraryPrep: { kitCode: 'SQK-LSK114', kitLot: 'L123', inputNg: 1000, meanFragmentLengthBp: 10000 } },
  LIBRARY_QC: { libraryQc: { concentrationNgPerUl: 12, meanSizeBp: 9500, fmolLoaded: 20 } },
  SEQUENCING_SETUP: { sequencingSetup: { device: 'PROMETHION', position: '1A', flowCellId: 'PAW12345', flowCellProductCode: 'FLO-PRO114M', poreCountAtCheck: 7000 } },
  SEQUENCING_RUN: { sequencingRun: { runId: 'run-1', startedAt: '2026-01-05T10:00:00Z', endedAt: '2026-01-07T10:00:00Z', readCount: 5e6, baseCount: 4.2e10, n50: 15000, passPercent: 92.5, meanQScore: 18 } },
  BASECALLING: { basecalling: { software: 'dorado', softwareVersion: '1.0.0', model: 'dna_r10.4.1_e8.2_400bps_sup@v5.0.0' } },
  QUALITY_ASSESSMENT: { qualityAssessment: { meanQScore: 18.2, coverage: 35, passReadsPercent: 91 } },
  DATA_DELIVERY: { dataDelivery: { method: 'CLOUD', location: 'https://data.example.org/x', files: [{ path: 'reads.fastq.gz', bytes: 123456, sha256: 'a'.repeat(64) }] } },
};
const PROGRESS = `subscription($id: ID!) { workflowProgress(sampleId: $id) { seq step status progress occurredAt sample { name priority submission { number } } } }`;
const START = `mutation($s: ID!, $step: WorkflowStepName!) { startStep(sampleId: $s, step: $step) { status } }`;
const COMPLETE = `mutation($s: ID!, $step: WorkflowStepName!, $r: StepResultsInput) { completeStep(sampleId: $s, step: $step, results: $r) { status } }`;

type ToClients = { type: 'start'; wsUrl: string; plan: { token: string; sampleId: string }[] } | { type: 'await'; seq: number } | { type: 'report' };
type FromClients = { type: 'ready'; admitted: number; errors: number } | { type: 'reached'; seq: number; behind: number } | { type: 'report'; delivered: number; errors: number; latencies: number[] };

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
const stats = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return { count: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
};

/* ---------- the client process ---------- */
async function runClients(): Promise<void> {
  const send = (m: FromClients) => process.send!(m);
  const clients: Client[] = [];
  const lastSeq: number[] = [];
  const latencies: number[] = [];
  let delivered = 0;
  let errors = 0;
  let waiting: { seq: number; resolve: () => void } | null = null;
  const behind = (seq: number) => lastSeq.filter((s) => s < seq).length;
  const check = () => { if (waiting && behind(waiting.seq) === 0) { waiting.resolve(); waiting = null; } };

  process.on('message', async (m: ToClients) => {
    if (m.type === 'start') {
      m.plan.forEach(({ token, sampleId }, i) => {
        lastSeq[i] = 0;
        const client = createClient({ url: m.wsUrl, webSocketImpl: WebSocket, connectionParams: { token }, retryAttempts: 0, lazy: true });
        clients.push(client);
        client.subscribe<{ workflowProgress: { seq: number; occurredAt: string } }>({ query: PROGRESS, variables: { id: sampleId } }, {
          next: (r) => {
            const received = Date.now();
            if (r.errors || !r.data) { errors++; return; }
            delivered++;
            lastSeq[i] = Math.max(lastSeq[i]!, r.data.workflowProgress.seq);
            latencies.push(received - Date.parse(r.data.workflowProgress.occurredAt));
            check();
          },
          error: () => { errors++; },
          complete: () => {},
        });
      });
      // Every subscriber gets the snapshot (seq 1) first: that is the admission acknowledgement.
      await new Promise<void>((resolve) => { waiting = { seq: 1, resolve }; check(); });
      latencies.length = 0;
      send({ type: 'ready', admitted: clients.length, errors });
    } else if (m.type === 'await') {
      const timeout = setTimeout(() => { waiting = null; send({ type: 'reached', seq: m.seq, behind: behind(m.seq) }); }, 30_000);
      await new Promise<void>((resolve) => { waiting = { seq: m.seq, resolve }; check(); });
      clearTimeout(timeout);
      send({ type: 'reached', seq: m.seq, behind: 0 });
    } else {
      send({ type: 'report', delivered, errors, latencies });
      clients.forEach((c) => c.dispose());
      setTimeout(() => process.exit(0), 200);
    }
  });
}

/* ---------- the system process ---------- */
function ask<T extends FromClients['type']>(child: ChildProcess, message: ToClients, reply: T): Promise<Extract<FromClients, { type: T }>> {
  return new Promise((resolve) => {
    const on = (m: FromClients) => { if (m.type === reply) { child.off('message', on); resolve(m as Extract<FromClients, { type: T }>); } };
    child.on('message', on);
    child.send(message);
  });
}

async function runSystem(): Promise<void> {
  const [subscribers = 1000, sampleCount = 10, userCount = 20] = process.argv.slice(2).map(Number);
  const { startTestSystem } = await import('../apps/embedded/src/testing/system.js');
  const t = await startTestSystem({ env: { LOG_LEVEL: 'error', SUBSCRIPTIONS_MAX_PER_CONNECTION: '20' } });
  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await t.gql(query, variables, token);
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return res.data as Record<string, any>;
  };
  const users = await Promise.all(Array.from({ length: userCount }, () => t.createUser('STAFF')));
  const staff = users[0]!;
  const { createProject } = await ok(`mutation { createProject(input: { name: "Bench", labId: "lab-a" }) { id } }`, {}, t.admin.token);
  const { createSubmission } = await ok(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: createProject.id }, t.admin.token);
  const addSamples = async (count: number, prefix: string) => (await ok(`mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id } }`,
    { s: createSubmission.id, x: Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i + 1}`, sampleType: 'DNA', priority: 'HIGH' })) }, t.admin.token)).addSamples.map((s: { id: string }) => s.id) as string[];
  const sampleIds = await addSamples(sampleCount, 'Bench');
  const soloId = (await addSamples(1, 'Solo'))[0]!;
  const workflowSeq = async (id: string) => (await t.gql(`query($id: ID!) { sample(id: $id) { workflow { seq } } }`, { id }, staff.token)).data?.sample?.workflow?.seq;
  for (const id of [...sampleIds, soloId]) while ((await workflowSeq(id)) === undefined || (await workflowSeq(id)) === null) await new Promise((r) => setTimeout(r, 50));

  // Phase 1: many subscribers.
  await Promise.all(sampleIds.map((s) => ok(START, { s, step: 'SAMPLE_QC' }, staff.token)));
  const child = fork(import.meta.filename, ['--clients'], { execArgv: ['--import', 'tsx'] });
  const wsUrl = `${t.url.replace(/^http/, 'ws')}/graphql`;
  // Every user follows every sample (users × samples distinct hydrations per round), the rest are repeats.
  const plan = Array.from({ length: subscribers }, (_, i) => ({ token: users[i % userCount]!.token, sampleId: sampleIds[Math.floor(i / userCount) % sampleCount]! }));
  const setupStarted = Date.now();
  const ready = await ask(child, { type: 'start', wsUrl, plan }, 'ready');
  const setupSeconds = (Date.now() - setupStarted) / 1000;
  const live = t.system.gateway.subscriptions!;
  const queriesBefore = live.stats().queries;

  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 100);
  const cpuBefore = process.cpuUsage();
  const started = Date.now();
  let seq = 1;
  let stragglers = 0;
  for (const step of STEPS) {
    for (const action of step === 'SAMPLE_QC' ? ['complete'] : ['start', 'complete']) {
      await Promise.all(sampleIds.map((s) => ok(action === 'start' ? START : COMPLETE, { s, step, r: action === 'start' ? undefined : RESULTS[step] }, staff.token)));
      const reached = await ask(child, { type: 'await', seq: ++seq }, 'reached');
      stragglers += reached.behind;
    }
  }
  const wallSeconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(rssTimer);
  const report = await ask(child, { type: 'report' }, 'report');
  const queriesAfter = live.stats().queries;

  // Phase 2: one subscriber walking one sample; mutation sent → its event received.
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { token: staff.token }, retryAttempts: 0, lazy: true });
  let onEvent: ((seq: number) => void) | null = null;
  client.subscribe<{ workflowProgress: { seq: number } }>({ query: PROGRESS, variables: { id: soloId } }, {
    next: (r) => { if (r.data) onEvent?.(r.data.workflowProgress.seq); }, error: (e) => console.error('solo subscriber failed', e), complete: () => {},
  });
  await new Promise((r) => setTimeout(r, 500)); // let the subscription be admitted (seq 0: no snapshot to wait for)
  const mutationToEvent: number[] = [];
  let soloSeq = 0;
  for (const step of STEPS) {
    for (const action of ['start', 'complete']) {
      const target = ++soloSeq;
      const received = new Promise<number>((resolve) => { onEvent = (s) => { if (s >= target) resolve(Date.now()); }; });
      const sent = Date.now();
      await ok(action === 'start' ? START : COMPLETE, { s: soloId, step, r: action === 'start' ? undefined : RESULTS[step] }, staff.token);
      mutationToEvent.push((await received) - sent);
    }
  }
  client.dispose();

  const expected = subscribers * (1 + (STEPS.length * 2 - 1));
  const result = {
    benchmark: 'subscriptions', at: new Date().toISOString(), node: process.version,
    database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite', bus: t.system.bus.kind,
    subscribers, samples: sampleCount, users: userCount, transitionsPerSample: STEPS.length * 2,
    admitted: ready.admitted, setupSeconds,
    deliveredEvents: report.delivered, expectedIfNoneCoalesced: expected, subscriberErrors: report.errors, stragglersAfter30s: stragglers,
    eventToClientMs: stats(report.latencies),
    gatewayQueries: { executed: queriesAfter.executed - queriesBefore.executed, sharedByDedup: queriesAfter.shared - queriesBefore.shared },
    systemProcess: {
      note: 'embedded: the gateway, seven subgraphs and the database share this process; clients ran in a child process',
      peakRssMb: Math.round(peakRss / 1048576), cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds,
      cpuPercentOfOneCore: Math.round(((cpu.user + cpu.system) / 1e6 / wallSeconds) * 100),
    },
    mutationToEventMs: { ...stats(mutationToEvent), each: mutationToEvent },
  };
  console.log(JSON.stringify(result, null, 2));
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'subscriptions.json'), `${JSON.stringify(result, null, 2)}\n`);
  await t.stop();
  process.exit(0);
}

if (process.argv.includes('--clients')) await runClients();
else await runSystem();
