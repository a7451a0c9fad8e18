import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { requestLogger, visibilityKey, type ClientInfo, type Logger, type Principal } from '@app/common';
import type { GatewayContext } from '../context.js';
import { hydrationError, markHydrated } from './hydrate.js';
import { SharedHydrations } from './shared-hydrations.js';

/** Who a subscription acts as: the connection's principal and network facts. */
export interface Subscriber {
  principal: Principal;
  client: ClientInfo;
}

export interface QueryAnswer {
  data: Record<string, unknown> | null;
  errors: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * Runs operations through the gateway's own Apollo server as the subscriber, so they go through
 * the planner, its plan cache and the subgraph data source (subgraphs see the real subscriber and
 * enforce their own authorization). Hydrations are shared by every subscriber with the same
 * visibility (`visibilityKey`: what decides what a caller may see) asking the same thing about the
 * same entity, and coalesced per entity under load (`SharedHydrations`).
 */
export class GatewayQueries {
  private readonly shared = new SharedHydrations<QueryAnswer>();
  private readonly firstReads = new SharedHydrations<QueryAnswer>();
  /** Subscriptions' first reads, numbered in the order their listeners were attached. */
  private firstReadTicket = 0;
  private executed = 0;

  constructor(private readonly apollo: ApolloServer<GatewayContext>, private readonly logger: Logger) {}

  async run(subscriber: Subscriber, query: string, variables: Record<string, unknown>): Promise<QueryAnswer> {
    this.executed++;
    const requestId = randomUUID();
    const ids = { requestId, correlationId: requestId };
    const contextValue: GatewayContext = { ...subscriber, ...ids, logger: requestLogger(this.logger, ids) };
    const response = await this.apollo.executeOperation<Record<string, unknown>>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental result from the gateway');
    const { data, errors } = response.body.singleResult;
    return { data: data ?? null, errors: (errors ?? []) as QueryAnswer['errors'] };
  }

  /**
   * `run` for a subscription's first read of entity `id` (its authorization and snapshot), shared
   * by subscribers with the same visibility asking the same thing. Call it after the subscriber's
   * listener is attached: it joins only a read that started after that (tickets count
   * attachments), so no event can fall between the shared read and the listener.
   */
  runAfterListening(id: string, subscriber: Subscriber, query: string, variables: Record<string, unknown>): Promise<QueryAnswer> {
    const key = JSON.stringify([id, visibilityKey(subscriber.principal), query, variables]);
    return this.firstReads.answer(key, ++this.firstReadTicket, () => this.run(subscriber, query, variables));
  }

  /** Executions run (authorizations, snapshots, hydrations); hydrations run and requests answered by another's run. */
  get counts(): { executed: number; hydrations: number; shared: number } {
    return { executed: this.executed, hydrations: this.shared.counts.runs, shared: this.shared.counts.shared };
  }

  /**
   * Hydrates `entity` of a hydration query as of event `seq` of entity `id`. When it did not come
   * back: the first error, or `missing()` when the gateway answered null without one (the
   * subscriber may not see it). The key holds the query text as printed from the client's
   * selection (so layout and comments do not split it) and the coerced variables.
   */
  async hydrate(event: { id: string; seq: number }, subscriber: Subscriber, query: string, variables: Record<string, unknown>, missing: () => Error): Promise<unknown> {
    const key = JSON.stringify([event.id, visibilityKey(subscriber.principal), query, variables]);
    // Runs as the first subscriber of the key: any other with that key would be answered the same.
    const { data, errors } = await this.shared.answer(key, event.seq, () => this.run(subscriber, query, variables));
    const entity = data?.entity;
    if (entity === null || entity === undefined) throw errors.length ? hydrationError(errors) : missing();
    if (errors.length) this.logger.debug({ errors }, 'partial hydration');
    // Shared answers are marked once and only read afterwards, so subscribers can share the object.
    return markHydrated(entity);
  }
}
