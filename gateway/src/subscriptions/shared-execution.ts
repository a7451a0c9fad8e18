import { createSourceEventStream, execute, print, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { visibilityKey } from '@app/common';
import type { SubscriptionContext } from './workflow-fields.js';

type Result = ExecutionResult | Promise<ExecutionResult>;

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  !!value && typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === 'function';

/**
 * graphql-ws's `subscribe`, with each event's payload executed once per subscription *key*
 * (printed document, operation, variables, `visibilityKey` of the subscriber) rather than once per
 * subscriber. The bus hands one event object to every listener, so results are kept per event
 * object (a WeakMap: they go when the event does); snapshots are objects of their own and are
 * never shared. Subscribers with equal keys may share a result because everything a payload
 * resolves from is the event, the document and variables, and what the subscriber may see
 * (hydrations already share on the same key: `GatewayQueries.hydrate`). graphql-ws only reads a
 * result (`onNext` formats errors into a copy), so one object can go to many sockets.
 */
export class SharedExecutions {
  private readonly printed = new WeakMap<DocumentNode, string>();
  private readonly byEvent = new WeakMap<object, Map<string, Result>>();
  /** Payload executions run, and deliveries served from another subscriber's execution. */
  readonly counts = { executed: 0, shared: 0 };

  readonly subscribe = async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream as ExecutionResult;
    const key = this.keyOf(args);
    const source = stream[Symbol.asyncIterator]() as AsyncIterator<unknown>;
    const payload = (event: unknown): Result => this.payload(event, key, () => execute({ ...args, rootValue: event }));
    const mapped: AsyncIterableIterator<ExecutionResult> = {
      next: async () => {
        const next = await source.next();
        return next.done ? { value: undefined, done: true } : { value: await payload(next.value), done: false };
      },
      return: async () => { await source.return?.(); return { value: undefined, done: true }; },
      throw: async (err: unknown) => { await source.return?.(); throw err; },
      [Symbol.asyncIterator]: () => mapped,
    };
    return mapped;
  };

  private keyOf(args: ExecutionArgs): string {
    let text = this.printed.get(args.document);
    if (text === undefined) this.printed.set(args.document, (text = print(args.document)));
    const { subscriber } = args.contextValue as SubscriptionContext;
    return JSON.stringify([text, args.operationName ?? null, args.variableValues ?? {}, visibilityKey(subscriber.principal)]);
  }

  private payload(event: unknown, key: string, run: () => Result): Result {
    if (!event || typeof event !== 'object') return run();
    let results = this.byEvent.get(event);
    if (!results) this.byEvent.set(event, (results = new Map()));
    const known = results.get(key);
    if (known) {
      this.counts.shared++;
      return known;
    }
    this.counts.executed++;
    const result = run();
    results.set(key, result);
    return result;
  }
}
