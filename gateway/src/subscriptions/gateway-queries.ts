import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { requestLogger, type ClientInfo, type Logger, type Principal } from '@app/common';
import type { GatewayContext } from '../context.js';
import { hydrationError, markHydrated } from './hydrate.js';

/** Who a subscription acts as: the connection's principal and network facts. */
export interface Subscriber {
  principal: Principal;
  client: ClientInfo;
}

export interface QueryAnswer {
  data: Record<string, unknown> | null;
  errors: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** Identical hydrations within this window share one gateway execution. */
const DEDUP_WINDOW_MS = 2_000;

/** Everything that decides what a principal may see; the dedup key must include it. */
const principalKey = (p: Principal) => JSON.stringify([p.kind, p.userId, p.role, p.labId, p.tokenId, [...p.scopes].sort()]);

/**
 * Runs operations through the gateway's own Apollo server as the subscriber, so they go through
 * the planner, its plan cache and the subgraph data source (subgraphs see the real subscriber and
 * enforce their own authorization). Hydrations of one event are shared between subscribers that
 * are the same principal and ask the same thing.
 */
export class GatewayQueries {
  private readonly inflight = new Map<string, Promise<QueryAnswer>>();
  /** Executions actually run, and answers served from the dedup window: for tests and the benchmark. */
  readonly counts = { executed: 0, shared: 0 };

  constructor(private readonly apollo: ApolloServer<GatewayContext>, private readonly logger: Logger) {}

  async run(subscriber: Subscriber, query: string, variables: Record<string, unknown>): Promise<QueryAnswer> {
    this.counts.executed++;
    const requestId = randomUUID();
    const ids = { requestId, correlationId: requestId };
    const contextValue: GatewayContext = { ...subscriber, ...ids, logger: requestLogger(this.logger, ids) };
    const response = await this.apollo.executeOperation<Record<string, unknown>>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental result from the gateway');
    const { data, errors } = response.body.singleResult;
    return { data: data ?? null, errors: (errors ?? []) as QueryAnswer['errors'] };
  }

  /** `run`, shared for DEDUP_WINDOW_MS by every caller passing the same event key, principal, query and variables. */
  runShared(eventKey: string, subscriber: Subscriber, query: string, variables: Record<string, unknown>): Promise<QueryAnswer> {
    const key = JSON.stringify([eventKey, principalKey(subscriber.principal), query, variables]);
    const known = this.inflight.get(key);
    if (known) {
      this.counts.shared++;
      return known;
    }
    const answer = this.run(subscriber, query, variables);
    this.inflight.set(key, answer);
    const forget = () => void this.inflight.delete(key);
    setTimeout(forget, DEDUP_WINDOW_MS).unref();
    answer.catch(forget);
    return answer;
  }

  /**
   * Hydrates `entity` of a hydration query. When it did not come back: the first error, or
   * `missing()` when the gateway answered null without one (the subscriber may not see it).
   */
  async hydrate(eventKey: string, subscriber: Subscriber, query: string, variables: Record<string, unknown>, missing: () => Error): Promise<unknown> {
    const { data, errors } = await this.runShared(eventKey, subscriber, query, variables);
    const entity = data?.entity;
    if (entity === null || entity === undefined) throw errors.length ? hydrationError(errors) : missing();
    if (errors.length) this.logger.debug({ errors }, 'partial hydration');
    // Shared answers are marked once and only read afterwards, so subscribers can share the object.
    return markHydrated(entity);
  }
}
