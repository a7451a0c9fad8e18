import type { GraphQLResolveInfo } from 'graphql';
import { ForbiddenError, NotFoundError, ValidationError, canSeeLab, requireRead, type Principal } from '@app/common';
import type { BusFeed } from './bus-feed.js';
import type { WorkflowLiveEvent } from './events.js';
import type { GatewayQueries, Subscriber } from './gateway-queries.js';
import { buildHydrationQuery, hydrationError } from './hydrate.js';
import { LatestEventBuffer } from './latest-buffer.js';

/** The context of one subscription operation. */
export interface SubscriptionContext {
  subscriber: Subscriber;
  /** Aborted when the client completes the subscription or the socket closes. */
  signal: AbortSignal;
}

/** Samples a dashboard feed may hold pending for a slow client (newest state of each). */
export const FEED_CAPACITY = 256;
const MAX_FILTER_SAMPLES = 100;

interface WorkflowEventFilter {
  sampleIds?: string[] | null;
  submissionId?: string | null;
  labId?: string | null;
  steps?: string[] | null;
}

/**
 * Mirrors the workflow subgraph's read rule (its loaders' `canReadWorkflow`), because live events
 * reach subscribers without passing through it: signed in, API tokens with a workflow scope,
 * submitters only their own lab's samples.
 */
export function canReadWorkflowEvent(principal: Principal, event: Pick<WorkflowLiveEvent, 'labId'>): boolean {
  if (principal.kind === 'anonymous' || (!principal.role && principal.kind !== 'service')) return false;
  if (principal.kind === 'apiToken' && !principal.scopes.includes('workflow:read') && !principal.scopes.includes('workflow:write')) return false;
  return canSeeLab(principal, event.labId);
}

const SNAPSHOT_QUERY = `query WorkflowSnapshot($id: ID!) {
  sample(id: $id) { id workflow { seq completedSteps progress updatedAt labId submissionId steps { name position status } } }
}`;

interface SnapshotStep { name: string; position: number; status: string }
interface SnapshotWorkflow {
  seq: number; completedSteps: number; progress: number; updatedAt: string; labId: string; submissionId: string; steps: SnapshotStep[];
}

/** The step a sample is at: the first not yet completed or skipped, or the last when all are done. */
function currentStep(steps: SnapshotStep[]): SnapshotStep | undefined {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  return ordered.find((s) => s.status !== 'COMPLETED' && s.status !== 'SKIPPED') ?? ordered.at(-1);
}

/**
 * The current state as a WorkflowEvent with action SNAPSHOT and the workflow's seq (0 before
 * anything happened), so a subscriber always starts from a known state. Null only when the
 * sample has no workflow yet (its SampleCreated event is still on its way).
 */
export function snapshotEvent(sampleId: string, workflow: SnapshotWorkflow | null | undefined): WorkflowLiveEvent | null {
  const step = workflow ? currentStep(workflow.steps) : undefined;
  if (!workflow || !step) return null;
  return {
    seq: workflow.seq, sampleId, action: 'SNAPSHOT', step: step.name, status: step.status,
    completedSteps: workflow.completedSteps, progress: workflow.progress, occurredAt: workflow.updatedAt,
    labId: workflow.labId, submissionId: workflow.submissionId,
  };
}

function checkFilter(principal: Principal, filter: WorkflowEventFilter): void {
  if ((filter.sampleIds?.length ?? 0) > MAX_FILTER_SAMPLES) {
    throw ValidationError.field('filter.sampleIds', `must list at most ${MAX_FILTER_SAMPLES} samples`);
  }
  if (filter.labId && !canSeeLab(principal, filter.labId)) throw new ForbiddenError(`You cannot follow lab ${filter.labId}`);
}

function matches(filter: WorkflowEventFilter, event: WorkflowLiveEvent): boolean {
  return (!filter.sampleIds || filter.sampleIds.includes(event.sampleId))
    && (!filter.submissionId || filter.submissionId === event.submissionId)
    && (!filter.labId || filter.labId === event.labId)
    && (!filter.steps || filter.steps.includes(event.step));
}

/** Resolvers of `Subscription.workflowProgress`, `Subscription.workflowEvents` and `WorkflowEvent.sample`. */
export function workflowSubscriptionResolvers(feed: BusFeed<WorkflowLiveEvent>, queries: GatewayQueries) {
  return {
    /** One sample: authorized by reading it as the subscriber, current state first, then every newer change. */
    async subscribeProgress(_: unknown, { sampleId }: { sampleId: string }, ctx: SubscriptionContext): Promise<AsyncIterableIterator<WorkflowLiveEvent>> {
      const { principal } = ctx.subscriber;
      requireRead(principal, 'workflow:read');
      // Listen before reading the snapshot so nothing falls between the two; older events are dropped by seq.
      const buffer = feed.pipe(sampleId, new LatestEventBuffer(1), (event) => canReadWorkflowEvent(principal, event));
      await buffer.seed(async () => {
        const { data, errors } = await queries.runAfterListening(sampleId, ctx.subscriber, SNAPSHOT_QUERY, { id: sampleId });
        const sample = data?.sample as { workflow?: SnapshotWorkflow | null } | null | undefined;
        // The samples subgraph answers null for a sample the caller may not see: same answer as a missing one.
        if (sample === null) throw new NotFoundError('Sample', sampleId);
        if (sample === undefined) throw hydrationError(errors);
        const snapshot = snapshotEvent(sampleId, sample.workflow);
        if (snapshot) buffer.prime(snapshot);
      });
      return buffer.until(ctx.signal);
    },

    /** Every change the subscriber may see, optionally narrowed by the filter. */
    subscribeEvents(_: unknown, { filter }: { filter?: WorkflowEventFilter | null }, ctx: SubscriptionContext): AsyncIterableIterator<WorkflowLiveEvent> {
      const { principal } = ctx.subscriber;
      requireRead(principal, 'workflow:read');
      const criteria = filter ?? {};
      checkFilter(principal, criteria);
      const buffer = new LatestEventBuffer(FEED_CAPACITY);
      return feed.pipe(null, buffer, (event) => canReadWorkflowEvent(principal, event) && matches(criteria, event)).until(ctx.signal);
    },

    /** The event itself is the payload; `sample` is hydrated below. */
    resolveEvent: (event: WorkflowLiveEvent) => event,

    /** Fields of any subgraph under `sample`, fetched through the gateway as the subscriber. */
    resolveSample(event: WorkflowLiveEvent, _: unknown, ctx: SubscriptionContext, info: GraphQLResolveInfo): Promise<unknown> {
      const { query, variables } = buildHydrationQuery('sample', event.sampleId, info);
      return queries.hydrate({ id: event.sampleId, seq: event.seq }, ctx.subscriber, query, variables, () => new NotFoundError('Sample', event.sampleId));
    },
  };
}
