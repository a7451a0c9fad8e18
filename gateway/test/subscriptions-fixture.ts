// A small real supergraph for live subscriptions: a samples subgraph (lab-scoped `sample(id)`, a
// foreign `submission`) and a workflow subgraph (its `Sample.workflow` snapshot, the WorkflowEvent
// and Subscription types of subgraphs/workflow/schema.graphql), a real gateway with a real bus
// (Redis Streams when REDIS_URL is set), and step events published on that bus as the workflow
// subgraph publishes them. Tests talk to the gateway with a real graphql-ws client.
import { parse } from 'graphql';
import { WebSocket } from 'ws';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  InternalTokenIssuer, InternalTokenVerifier, RedisStreamsBus, SYSTEM, canSeeLab, createEvent, createSubgraphServer,
  generateSigningKeyPair, initOrm, publicJwk, type BaseContext, type EventBus, type SigningKeyPair, type SubgraphServer,
} from '@app/common';
import { createTestBus, createTestDatabase, deleteTestStream, testLogger, waitFor, type TestDatabase } from '@app/testing';
import { composeSupergraph, createGateway, createUserTokenVerifier, loadGatewayConfig, type GatewayServer } from '../src/index.js';
import { signUserToken, type SignOptions, type UserClaims } from './fixture.js';

export const STEPS = [
  'SAMPLE_QC', 'LIBRARY_PREP', 'LIBRARY_QC', 'SEQUENCING_SETUP', 'SEQUENCING_RUN', 'BASECALLING', 'QUALITY_ASSESSMENT', 'DATA_DELIVERY',
] as const;

/** Valid results for each step, as a technician records them. */
export const STEP_RESULTS: Record<string, Record<string, unknown>> = {
  SAMPLE_QC: { sampleQc: { qubitNgPerUl: 50, volumeUl: 30, a260280: 1.85, a260230: 2.1, fragmentSizeBp: 12000 } },
  LIBRARY_PREP: { libraryPrep: { kitCode: 'SQK-LSK114', kitLot: 'L123', inputNg: 1000, meanFragmentLengthBp: 10000 } },
  LIBRARY_QC: { libraryQc: { concentrationNgPerUl: 12, meanSizeBp: 9500, fmolLoaded: 20 } },
  SEQUENCING_SETUP: { sequencingSetup: { device: 'PROMETHION', position: '1A', flowCellId: 'PAW12345', flowCellProductCode: 'FLO-PRO114M', poreCountAtCheck: 7000 } },
  SEQUENCING_RUN: { sequencingRun: { runId: 'run-1', startedAt: '2026-01-05T10:00:00Z', endedAt: '2026-01-07T10:00:00Z', readCount: 5e6, baseCount: 4.2e10, n50: 15000, passPercent: 92.5, meanQScore: 18 } },
  BASECALLING: { basecalling: { software: 'dorado', softwareVersion: '1.0.0', model: 'dna_r10.4.1_e8.2_400bps_sup@v5.0.0' } },
  QUALITY_ASSESSMENT: { qualityAssessment: { meanQScore: 18.2, coverage: 35, passReadsPercent: 91 } },
  DATA_DELIVERY: { dataDelivery: { method: 'CLOUD', location: 'https://data.example.org/run-1', files: [{ path: 'reads.fastq.gz', bytes: 123456, sha256: 'a'.repeat(64) }] } },
};

const SAMPLES_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { sample(id: ID!): Sample }
  enum Priority { LOW NORMAL HIGH URGENT }
  type Sample @key(fields: "id") { id: ID! name: String! priority: Priority! labId: String! submission: Submission! }
  type Submission @key(fields: "id") { id: ID! number: String! }`;

const WORKFLOW_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  scalar DateTime
  enum WorkflowStepName { ${STEPS.join(' ')} }
  enum StepStatus { PENDING IN_PROGRESS COMPLETED FAILED SKIPPED }
  enum StepAction { STARTED COMPLETED FAILED SKIPPED REOPENED OVERRIDDEN ASSIGNED RESULTS_RECORDED SNAPSHOT }
  type Sample @key(fields: "id") { id: ID! workflow: Workflow }
  type Workflow {
    seq: Int! completedSteps: Int! progress: Float! updatedAt: DateTime! labId: String! submissionId: ID! steps: [WorkflowStep!]!
  }
  type WorkflowStep { name: WorkflowStepName! position: Int! status: StepStatus! overridden: Boolean! updatedAt: DateTime! }
  type WorkflowEvent {
    seq: Int! sampleId: ID! sample: Sample! action: StepAction! step: WorkflowStepName! status: StepStatus!
    completedSteps: Int! progress: Float! occurredAt: DateTime!
  }
  input WorkflowEventFilter { sampleIds: [ID!] submissionId: ID labId: String steps: [WorkflowStepName!] }
  type Query { workflow(sampleId: ID!): Workflow }
  type Subscription {
    workflowProgress(sampleId: ID!): WorkflowEvent!
    workflowEvents(filter: WorkflowEventFilter): WorkflowEvent!
  }`;

export interface FixtureSample {
  id: string;
  name: string;
  priority: string;
  labId: string;
  submissionId: string;
}

interface StepState { name: string; position: number; status: string; overridden: boolean; updatedAt: string }
interface WorkflowState { seq: number; completedSteps: number; updatedAt: string; steps: StepState[] }

/** Holds the samples subgraph's answers while closed: makes hydration (and so a subscriber) slow on demand. */
class Gate {
  private opened: Promise<void> = Promise.resolve();
  private release: () => void = () => {};
  hold(): void {
    this.opened = new Promise((resolve) => { this.release = resolve; });
  }
  open(): void {
    this.release();
  }
  wait(): Promise<void> {
    return this.opened;
  }
}

const ACTIONS: Record<string, string> = {
  STARTED: 'StepStarted', COMPLETED: 'StepCompleted', FAILED: 'StepFailed', SKIPPED: 'StepSkipped',
  REOPENED: 'StepReopened', OVERRIDDEN: 'StepOverridden', ASSIGNED: 'StepAssigned', RESULTS_RECORDED: 'StepResultsRecorded',
};
const STATUS_AFTER: Record<string, string> = { STARTED: 'IN_PROGRESS', COMPLETED: 'COMPLETED', FAILED: 'FAILED', SKIPPED: 'SKIPPED' };

export interface GatewayHandle {
  url: string;
  wsUrl: string;
  gateway: GatewayServer;
  stop(): Promise<void>;
}

export interface LiveFixture extends GatewayHandle {
  bus: EventBus & { stream: string };
  userKeys: SigningKeyPair;
  gate: Gate;
  /** How many times the samples subgraph resolved a sample (hydrations and authorization checks). */
  sampleLookups: { count: number };
  addSample(sample: FixtureSample): void;
  /** Applies a step action to the in-memory workflow and publishes the step event the workflow subgraph would. */
  act(sampleId: string, step: string, action: keyof typeof ACTIONS): Promise<number>;
  token(claims?: UserClaims, options?: SignOptions): Promise<string>;
  /** Another gateway process on the same stream (its own Redis connections). */
  startSecondGateway(): Promise<GatewayHandle>;
  stop(): Promise<void>;
}

const now = () => new Date().toISOString();
/** Steps are created well before anything happens to them, as in the workflow subgraph. */
const CREATED_AT = '2026-01-01T00:00:00.000Z';

function samplesResolvers(samples: Map<string, FixtureSample>, gate: Gate, lookups: { count: number }) {
  const visible = async (id: string, ctx: BaseContext) => {
    lookups.count++;
    await gate.wait();
    const found = samples.get(id);
    return found && canSeeLab(ctx.principal, found.labId) ? found : null;
  };
  return {
    Query: { sample: (_: unknown, { id }: { id: string }, ctx: BaseContext) => visible(id, ctx) },
    Sample: {
      __resolveReference: ({ id }: { id: string }, ctx: BaseContext) => visible(id, ctx),
      submission: (s: FixtureSample) => ({ id: s.submissionId, number: `SUB-2026-${s.submissionId.padStart(6, '0')}` }),
    },
    Submission: { __resolveReference: ({ id }: { id: string }) => ({ id, number: `SUB-2026-${id.padStart(6, '0')}` }) },
  };
}

function workflowResolvers(samples: Map<string, FixtureSample>, workflows: Map<string, WorkflowState>) {
  return {
    Query: { workflow: () => null },
    Sample: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      workflow: ({ id }: { id: string }, _: unknown, ctx: BaseContext) => {
        const sample = samples.get(id);
        const w = workflows.get(id);
        if (!sample || !w || !canSeeLab(ctx.principal, sample.labId)) return null;
        return { ...w, progress: w.completedSteps / 8, labId: sample.labId, submissionId: sample.submissionId };
      },
    },
  };
}

async function startSubgraph(name: string, sdl: string, resolvers: unknown, orm: MikroORM, gatewayKeys: SigningKeyPair, extra: Partial<Parameters<typeof createSubgraphServer>[0]> = {}) {
  const server = await createSubgraphServer({
    name, orm, logger: testLogger(name), readiness: [], createContext: (base: BaseContext) => base, typeDefs: parse(sdl),
    verifier: new InternalTokenVerifier(gatewayKeys.publicKey, name), resolvers: resolvers as never, ...extra,
  });
  return { server, url: await server.listen(0) };
}

export async function startLiveFixture(env: Record<string, string> = {}): Promise<LiveFixture> {
  const db: TestDatabase = await createTestDatabase();
  const orm = await initOrm({ databaseUrl: db.url, schema: 'livefixture', entities: [], migrations: [] });
  const [gatewayKeys, userKeys] = await Promise.all([generateSigningKeyPair('gateway'), generateSigningKeyPair('user-key-1')]);
  const samples = new Map<string, FixtureSample>();
  const workflows = new Map<string, WorkflowState>();
  const gate = new Gate();
  const sampleLookups = { count: 0 };
  const subgraphs: SubgraphServer[] = [];

  const samplesSg = await startSubgraph('samples', SAMPLES_SDL, samplesResolvers(samples, gate, sampleLookups), orm, gatewayKeys, {
    routes: (app) => { app.get('/.well-known/jwks.json', async (_req, res) => { res.json({ keys: [await publicJwk(userKeys)] }); }); },
  });
  const workflowSg = await startSubgraph('workflow', WORKFLOW_SDL, workflowResolvers(samples, workflows), orm, gatewayKeys);
  subgraphs.push(samplesSg.server, workflowSg.server);

  const composed = composeSupergraph([
    { name: 'samples', url: 'http://samples.invalid/graphql', sdl: SAMPLES_SDL },
    { name: 'workflow', url: 'http://workflow.invalid/graphql', sdl: WORKFLOW_SDL },
  ]);
  if (!composed.ok) throw new Error(`live fixture does not compose: ${JSON.stringify(composed.errors)}`);

  const bus = createTestBus(testLogger('bus'));
  const config = loadGatewayConfig({ NODE_ENV: 'test', EMBEDDED: 'true', LOG_LEVEL: 'silent', AUTH_CLOCK_TOLERANCE_SECONDS: '0', ...env });
  const issuer = new InternalTokenIssuer(gatewayKeys.privateKey);
  const startGateway = async (gatewayBus: EventBus): Promise<GatewayHandle> => {
    const gateway = await createGateway({
      config, supergraphSdl: composed.supergraphSdl, logger: testLogger('gateway'), internalTokenIssuer: issuer, bus: gatewayBus,
      subgraphUrls: { samples: `${samplesSg.url}/graphql`, workflow: `${workflowSg.url}/graphql` },
      userTokens: await createUserTokenVerifier(config, samplesSg.url),
    });
    const url = await gateway.listen(0);
    return { url, wsUrl: `${url.replace(/^http/, 'ws')}/graphql`, gateway, stop: () => gateway.stop() };
  };
  const main = await startGateway(bus);
  const extraBuses: EventBus[] = [];

  return {
    ...main, bus, userKeys, gate, sampleLookups,
    addSample(sample) {
      samples.set(sample.id, sample);
      workflows.set(sample.id, {
        seq: 0, completedSteps: 0, updatedAt: now(),
        steps: STEPS.map((name, i) => ({ name, position: i + 1, status: 'PENDING', overridden: false, updatedAt: CREATED_AT })),
      });
    },
    async act(sampleId, stepName, action) {
      const sample = samples.get(sampleId)!;
      const w = workflows.get(sampleId)!;
      const step = w.steps.find((s) => s.name === stepName)!;
      step.status = STATUS_AFTER[action] ?? step.status;
      step.updatedAt = w.updatedAt = now();
      w.seq += 1;
      w.completedSteps = w.steps.filter((s) => s.status === 'COMPLETED' || s.status === 'SKIPPED').length;
      await bus.publish(createEvent({ source: 'workflow', principal: SYSTEM }, {
        type: ACTIONS[action]!,
        subject: { type: 'Sample', id: sampleId, sampleId, submissionId: sample.submissionId, labId: sample.labId },
        data: {
          step: stepName, status: step.status, action, seq: w.seq, completedSteps: w.completedSteps,
          progress: Math.round((w.completedSteps / 8) * 1000) / 1000, occurredAt: step.updatedAt,
        },
      }));
      return w.seq;
    },
    token: (claims = {}, options = {}) => signUserToken(userKeys, claims, options),
    async startSecondGateway() {
      const url = process.env.REDIS_URL;
      if (!url) throw new Error('a second gateway process needs REDIS_URL');
      const own = new RedisStreamsBus({ url, stream: bus.stream, blockMs: 200 });
      extraBuses.push(own);
      return startGateway(own);
    },
    async stop() {
      gate.open();
      await main.stop();
      await Promise.all(extraBuses.map((b) => b.close()));
      await bus.close();
      await deleteTestStream(bus.stream);
      await Promise.all(subgraphs.map((s) => s.stop()));
      await orm.close();
      await db.drop();
    },
  };
}

/** What one subscription received, recorded as it arrives. */
export interface Recording {
  results: FormattedExecutionResult<Record<string, any>, unknown>[];
  /** Set when the subscription (or its connection) ended with an error or a close event. */
  error: unknown;
  completed: boolean;
  /** Resolves when `count` results have arrived. */
  received(count: number, what?: string): Promise<FormattedExecutionResult<Record<string, any>, unknown>[]>;
  /** Resolves when the subscription ended (completed or errored). */
  ended(): Promise<void>;
  unsubscribe(): void;
}

/** A real graphql-ws client; no retries, so a refused or closed connection surfaces as an error. */
export function connect(wsUrl: string, connectionParams: Record<string, unknown> | (() => Promise<Record<string, unknown>>) = {}): Client {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

export function record(client: Client, query: string, variables: Record<string, unknown> = {}): Recording {
  const recording: Recording = {
    results: [], error: undefined, completed: false,
    received: (count, what = `${count} results`) => waitFor(() => {
      if (recording.results.length >= count) return recording.results;
      if (recording.error || recording.completed) throw new Error(`ended first: ${JSON.stringify(recording.error ?? 'completed')}`);
      return null;
    }, { what, timeoutMs: 15_000 }),
    ended: async () => { await waitFor(() => recording.completed || recording.error !== undefined, { what: 'the subscription to end', timeoutMs: 15_000 }); },
    unsubscribe: () => undefined,
  };
  recording.unsubscribe = client.subscribe<Record<string, any>>({ query, variables }, {
    next: (result) => { recording.results.push(result); },
    error: (err) => { recording.error = err ?? 'error'; },
    complete: () => { recording.completed = true; },
  });
  return recording;
}
