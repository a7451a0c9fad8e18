/**
 * Live subscriptions through the gateway (issues 5 and 13, federation.md §2.5).
 *   npm run build && node --import tsx bench/subscriptions.ts [subscribers=1000] [samples=10] [users=20] [feed=progress|events]
 * Embedded mode (startSystem: seven subgraphs + gateway in this process, PGlite and the in-process
 * bus unless TEST_DATABASE_URL / REDIS_URL are set). The WebSocket clients run in a child process
 * so the CPU and RSS reported are the system's, not the clients'.
 *
 * Phase 1: `subscribers` sockets spread over `users` staff users, each with one subscription and
 * the selection `sample { name priority submission { number } }`. feed=progress: each follows one
 * of `samples` samples with workflowProgress (snapshot first); feed=events: each follows every
 * sample with workflowEvents. The samples walk all 8 steps (start + complete), all samples at a
 * time, each round awaited by every subscriber. Reported: delivered events (coalescing may merge
 * some), subscribers that never got a round's last event within 30 s (lost), event-to-client
 * latency (the event's occurredAt, stamped in the workflow transaction, to receipt), hydrations per
 * event (one per distinct visibility and selection is the design: staff share one), RSS and CPU of
 * the system process. Phase 2: one subscriber, one sample, mutation-to-event latency.
 * Results: bench/results/subscriptions.json, one entry per feed and subscriber count.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { StepEventTypes } from '@app/common';
import { machine, printTable, writeRun } from './lib/report.js';
import { latencyStats } from './lib/stats.js';
import { inclusive, profiled, summarize } from './lib/profile.js';

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
const PROGRESS = `subscription($id: ID!) { workflowProgress(sampleId: $id) { seq sampleId step status progress occurredAt sample { name priority submission { number } } } }`;
const EVENTS = `subscription($ids: [ID!]) { workflowEvents(filter: { sampleIds: $ids }) { seq sampleId step status progress occurredAt sample { name priority submission { number } } } }`;
type Feed = 'progress' | 'events';
/** Pieces of an event's way, for PROFILE=1 (see `inclusive`: work resumed after an await is not under its caller). */
const PROBES: Record<string, RegExp> = {
  'graphql-ws (messages, sends)': /node_modules\/graphql-ws\//,
  'ws (frames, sockets)': /node_modules\/ws\//,
  'gateway live subscriptions': /gateway\/(src|dist)\/subscriptions\//,
  'event bus (ours)': /packages\/common\/(src|dist)\/events\//,
  'ioredis': /node_modules\/ioredis\//,
  'MikroORM / knex': /node_modules\/(@mikro-orm|knex)\//,
  'Apollo (gateway, server)': /node_modules\/@apollo\//,
};
interface LiveEvent { seq: number; sampleId: string; occurredAt: string }
const START = `mutation($s: ID!, $step: WorkflowStepName!) { startStep(sampleId: $s, step: $step) { status } }`;
const COMPLETE = `mutation($s: ID!, $step: WorkflowStepName!, $r: StepResultsInput) { completeStep(sampleId: $s, step: $step, results: $r) { status } }`;

type ToClients = { type: 'start'; wsUrl: string; feed: Feed; sampleIds: string[]; plan: { token: string; sampleId: string }[] } | { type: 'await'; seq: number } | { type: 'report' };
type FromClients = { type: 'ready'; admitted: number; errors: number } | { type: 'reached'; seq: number; behind: number } | { type: 'report'; delivered: number; errors: number; latencies: number[]; closes: Record<string, number>; peakRssMb: number; openFilesLimit: string };

/** This process's file-descriptor limit, soft/hard (Linux): every socket is one, and Node does not raise the soft limit. */
function openFilesLimit(): string {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const [soft, hard] = line?.split(/\s{2,}/).slice(1, 3) ?? [];
    return soft ? `${soft}/${hard}` : 'unknown';
  } catch {
    return 'unknown';
  }
}

/* ---------- the client process ---------- */
async function runClients(): Promise<void> {
  process.on('disconnect', () => process.exit(0));
  // Said on stderr before dying, so the system process's exit report has a cause beside the code.
  process.on('uncaughtException', (err) => { console.error('clients: uncaught', err); process.exit(70); });
  const send = (m: FromClients) => process.send!(m);
  const clients: Client[] = [];
  /** Per subscriber: the newest seq received of each sample it follows. */
  const lastSeq: Map<string, number>[] = [];
  const latencies: number[] = [];
  let delivered = 0;
  let errors = 0;
  // The round being awaited: subscribers not yet at `seq` on every sample they follow (counted down, not rescanned per event).
  let waiting: { seq: number; behind: Set<number>; resolve: () => void } | null = null;
  const atLeast = (i: number, seq: number) => [...lastSeq[i]!.values()].every((s) => s >= seq);
  const await_ = (seq: number) => new Promise<void>((resolve) => {
    const behind = new Set(lastSeq.map((_, i) => i).filter((i) => !atLeast(i, seq)));
    if (behind.size === 0) resolve();
    else waiting = { seq, behind, resolve };
  });
  const reachedBy = (i: number) => {
    if (!waiting || !waiting.behind.has(i) || !atLeast(i, waiting.seq)) return;
    waiting.behind.delete(i);
    if (waiting.behind.size === 0) { waiting.resolve(); waiting = null; }
  };

  const subscribe = (client: Client, i: number, m: Extract<ToClients, { type: 'start' }>, sampleId: string) => {
    const [query, variables] = m.feed === 'progress' ? [PROGRESS, { id: sampleId }] : [EVENTS, { ids: m.sampleIds }];
    client.subscribe<Record<string, LiveEvent>>({ query, variables }, {
      next: (r) => {
        const received = Date.now();
        const event = r.data && (r.data.workflowProgress ?? r.data.workflowEvents);
        if (r.errors || !event) { errors++; return; }
        delivered++;
        const seqs = lastSeq[i]!;
        seqs.set(event.sampleId, Math.max(seqs.get(event.sampleId) ?? 0, event.seq));
        latencies.push(received - Date.parse(event.occurredAt));
        reachedBy(i);
      },
      error: () => { errors++; gone(i); },
      complete: () => {},
    });
  };
  // Sockets the server (or the network) closed after admission, by close code: 1006 without a close
  // frame is a terminated socket (e.g. graphql-ws's keep-alive giving up on a pong it did not read in time).
  const closes: Record<string, number> = {};
  let admittedAll = false;
  const closedDuringWalk = (e: { code?: number; reason?: string }) => {
    if (!admittedAll) return;
    const key = `${e.code ?? '?'}${e.reason ? ` ${e.reason}` : ''}`;
    if (Object.keys(closes).length === 0) console.error(`clients: a socket closed after admission (${key}); counting them`);
    closes[key] = (closes[key] ?? 0) + 1;
  };
  /** A subscriber whose subscription failed or ended stops counting as behind: it is reported in `errors`. */
  const gone = (i: number) => {
    lastSeq[i] = new Map();
    reachedBy(i);
  };

  process.on('message', async (m: ToClients) => {
    if (m.type === 'start') {
      // Sockets are opened in batches, each once the previous batch is acknowledged: 10,000
      // simultaneous connects overflow the listen backlog and the server's 3 s init timeout.
      const BATCH = 250;
      for (let from = 0; from < m.plan.length; from += BATCH) {
        await Promise.all(m.plan.slice(from, from + BATCH).map(({ token, sampleId }, j) => new Promise<void>((admitted) => {
          const i = from + j;
          const followed = m.feed === 'progress' ? [sampleId] : m.sampleIds;
          lastSeq[i] = new Map(followed.map((id) => [id, 0]));
          const client = createClient({
            url: m.wsUrl, webSocketImpl: WebSocket, connectionParams: { token }, retryAttempts: 0, lazy: true,
            on: { connected: () => admitted(), closed: (e) => { admitted(); closedDuringWalk(e as { code?: number; reason?: string }); } },
          });
          clients.push(client);
          subscribe(client, i, m, sampleId);
        })));
      }
      // workflowProgress: every subscriber gets the snapshot (seq 1) first, the admission
      // acknowledgement. workflowEvents has no snapshot: the system counts its listeners instead.
      if (m.feed === 'progress') await await_(1);
      latencies.length = 0;
      delivered = 0;
      admittedAll = true;
      send({ type: 'ready', admitted: clients.length - errors, errors });
    } else if (m.type === 'await') {
      let timedOut = false;
      const timeout = setTimeout(() => {
        timedOut = true;
        const behind = waiting?.behind.size ?? 0;
        waiting = null;
        send({ type: 'reached', seq: m.seq, behind });
      }, 30_000);
      await await_(m.seq);
      clearTimeout(timeout);
      if (!timedOut) send({ type: 'reached', seq: m.seq, behind: 0 });
    } else {
      // Leaves only once the report is out and the system process let go: exiting on a timer
      // (200 ms, as this did) dropped a 10,000-subscriber report still being written to the IPC
      // channel, and the system process then waited for it forever.
      process.send!({ type: 'report', delivered, errors, latencies, closes, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), openFilesLimit: openFilesLimit() } satisfies FromClients, () => {
        clients.forEach((c) => c.dispose());
      });
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
  const [subscribers = 1000, sampleCount = 10, userCount = 20] = process.argv.slice(2, 5).map(Number);
  const feed: Feed = process.argv[5] === 'events' ? 'events' : 'progress';
  console.log(`subscriptions benchmark: ${subscribers} subscribers (${feed}), ${sampleCount} samples, ${userCount} staff users`);
  const { startTestSystem } = await import('../apps/embedded/src/testing/system.js');
  // Thousands of sockets open at once: connection_init may queue behind the others for longer than the default 3 s.
  const t = await startTestSystem({ env: { LOG_LEVEL: 'error', SUBSCRIPTIONS_MAX_PER_CONNECTION: '20', SUBSCRIPTION_CONNECTION_INIT_TIMEOUT_MS: '60000' } });
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

  console.log('set-up: users, samples and their workflows ready; opening the subscribers');
  // Phase 1: many subscribers.
  await Promise.all(sampleIds.map((s) => ok(START, { s, step: 'SAMPLE_QC' }, staff.token)));
  const child = fork(import.meta.filename, ['--clients'], { execArgv: ['--import', 'tsx'] });
  // Without this a dead client process leaves the benchmark waiting for it forever.
  const clientsDied = (code: number | null, signal: string | null) => { console.error(`the client process ended early (code ${code}, signal ${signal})`); process.exit(1); };
  child.on('exit', clientsDied);
  const wsUrl = `${t.url.replace(/^http/, 'ws')}/graphql`;
  // Every user follows every sample (users × samples distinct hydrations per round), the rest are repeats.
  const plan = Array.from({ length: subscribers }, (_, i) => ({ token: users[i % userCount]!.token, sampleId: sampleIds[Math.floor(i / userCount) % sampleCount]! }));
  const setupStarted = Date.now();
  const live = t.system.gateway.subscriptions!;
  // Splits the latency: occurredAt → the event reaching this (the gateway's) process over the bus; the rest is fan-out.
  const stepTypes = new Set<string>(Object.values(StepEventTypes));
  const busLatencies: number[] = [];
  let probing = false;
  const probe = await t.system.bus.subscribe({
    group: `bench-probe-${process.pid}`, ephemeral: true,
    handler: async (d) => { if (probing && d.event && stepTypes.has(d.event.type)) busLatencies.push(Date.now() - Date.parse(d.event.occurredAt)); },
  });
  const feedsBefore = live.stats().listeners.feeds;
  const ready = await ask(child, { type: 'start', wsUrl, feed, sampleIds, plan }, 'ready');
  while (feed === 'events' && live.stats().listeners.feeds < feedsBefore + ready.admitted) await new Promise((r) => setTimeout(r, 100));
  const setupSeconds = (Date.now() - setupStarted) / 1000;
  console.log(`set-up: ${ready.admitted} subscribers admitted in ${setupSeconds} s (${ready.errors} failed); walking the samples`);
  const queriesBefore = live.stats().queries;
  const payloadsBefore = live.stats().payloads;

  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 100);
  const cpuBefore = process.cpuUsage();
  const started = Date.now();
  probing = true;
  let seq = 1;
  let stragglers = 0;
  const walk = async () => {
    for (const step of STEPS) {
      for (const action of step === 'SAMPLE_QC' ? ['complete'] : ['start', 'complete']) {
        await Promise.all(sampleIds.map((s) => ok(action === 'start' ? START : COMPLETE, { s, step, r: action === 'start' ? undefined : RESULTS[step] }, staff.token)));
        const reached = await ask(child, { type: 'await', seq: ++seq }, 'reached');
        stragglers += reached.behind;
        // One line a round: a stalled or dying run shows where (10,000 subscribers take minutes on a loaded machine).
        console.log(`round ${seq - 1}/${STEPS.length * 2 - 1}: ${((Date.now() - started) / 1000).toFixed(1)} s, ${live.stats().connections} sockets, ${reached.behind} behind`);
      }
    }
  };
  // PROFILE=1: the walk under V8's sampling profiler (this process only: gateway, subgraphs, database driver).
  const profile = process.env.PROFILE === '1' ? await profiled('subscriptions-walk', walk) : (await walk(), null);
  const wallSeconds = (Date.now() - started) / 1000;
  probing = false;
  await probe.close();
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(rssTimer);
  // The exit handler stays on until the report is in: a client process dying while reporting must not leave this waiting.
  const report = await ask(child, { type: 'report' }, 'report');
  child.off('exit', clientsDied);
  const clientsExited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.disconnect();
  const queriesAfter = live.stats().queries;
  const payloadsAfter = live.stats().payloads;

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

  const rounds = STEPS.length * 2 - 1;
  const events = sampleCount * rounds;
  const perSubscriber = feed === 'progress' ? rounds : events;
  const hydrations = queriesAfter.hydrations - queriesBefore.hydrations;
  const latency = latencyStats(report.latencies);
  const run = {
    at: new Date().toISOString(), machine: machine(),
    database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite', bus: t.system.bus.kind,
    feed, subscribers, samples: sampleCount, users: userCount, rounds, eventsPublished: events,
    admitted: ready.admitted, setupSeconds,
    deliveredEvents: report.delivered, expectedIfNoneCoalesced: subscribers * perSubscriber, subscriberErrors: report.errors,
    lostLastEvents: stragglers, lostNote: 'subscriber-rounds in which a subscriber had not received the round\'s last event (every sample at that seq) 30 s after the mutations',
    eventToClientMs: latency,
    eventToGatewayProcessMs: { ...latencyStats(busLatencies), note: 'occurredAt to the bus delivering the event in the gateway process (outbox relay + bus); the rest of event→client is fan-out and the client process' },
    hydrations: {
      runs: hydrations, perEvent: Math.round((hydrations / events) * 100) / 100,
      requestsSharedWithAnother: queriesAfter.shared - queriesBefore.shared,
      note: 'gateway hydration executions; the design runs one per distinct visibility (all staff share one) and selection per event, coalesced per sample under load',
    },
    payloadExecutions: {
      runs: payloadsAfter.executed - payloadsBefore.executed, perEvent: Math.round(((payloadsAfter.executed - payloadsBefore.executed) / events) * 100) / 100,
      reusedByOtherSubscribers: payloadsAfter.shared - payloadsBefore.shared,
      note: 'graphql executions of event payloads; one per event and subscription key (document, variables, visibility)',
    },
    gatewayQueriesExecuted: queriesAfter.executed - queriesBefore.executed,
    clientProcess: {
      note: 'the child process holding the WebSocket clients; closesAfterAdmission counts sockets closed during the walk, by close code',
      peakRssMb: report.peakRssMb, openFilesLimit: report.openFilesLimit, systemOpenFilesLimit: openFilesLimit(),
      exit: await clientsExited, closesAfterAdmission: report.closes,
    },
    systemProcess: {
      note: 'embedded: the gateway, seven subgraphs and the database share this process; clients ran in a child process',
      peakRssMb: Math.round(peakRss / 1048576), cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds,
      cpuPercentOfOneCore: Math.round(((cpu.user + cpu.system) / 1e6 / wallSeconds) * 100),
    },
    mutationToEventMs: { ...latencyStats(mutationToEvent), each: mutationToEvent },
  };
  printTable(`live fan-out: ${subscribers} subscribers (${feed}), ${events} events; machine shared, figures noisy`,
    ['subscribers', 'delivered', 'lost', 'p50 ms', 'p99 ms', 'max ms', 'to gateway p50/p99', 'hydrations/event', 'payload executions/event', 'peak RSS MB', 'CPU % of a core'],
    [[subscribers, `${report.delivered}/${subscribers * perSubscriber}`, stragglers, latency.p50, latency.p99, latency.max,
      `${run.eventToGatewayProcessMs.p50}/${run.eventToGatewayProcessMs.p99}`, run.hydrations.perEvent, run.payloadExecutions.perEvent, run.systemProcess.peakRssMb, run.systemProcess.cpuPercentOfOneCore]]);
  if (profile) {
    const summary = summarize(profile.profile, events, 15);
    printTable(`where the walk's CPU went (${summary.totalMs} ms sampled; profile ${profile.file})`, ['area', '% of CPU', 'ms per event'], summary.areas);
    printTable('inclusive (synchronous callees included)', ['piece', '% of CPU', 'ms per event'], inclusive(profile.profile, PROBES, events));
    printTable('top functions (self time)', ['function', '% of CPU', 'ms per event'], summary.functions);
  }
  // One file for every size run: each run replaces its own entry.
  console.log(`wrote ${writeRun('subscriptions', `${run.database}-${feed}-${subscribers}`, run)}`);
  await t.stop();
  process.exit(0);
}

if (process.argv.includes('--clients')) await runClients();
else await runSystem();
