import type { BusSubscription, Delivery, EventBus, Logger } from '@app/common';
import { toLiveEvent, type WorkflowLiveEvent } from './events.js';

export type LiveListener = (event: WorkflowLiveEvent) => void;

/** Consumer group prefix; ephemeral, so every gateway process gets a group (and every event) of its own. */
export const LIVE_GROUP = 'gateway-live';

/**
 * The gateway process's single view of workflow events: one ephemeral bus subscription, fanned
 * out in process to the subscribers of each sample (ref-counted: a sample's entry goes when its
 * last listener does) and to dashboard feeds. Listeners must not block: the in-process bus awaits
 * this handler before the outbox relay moves on.
 */
export class LiveEventHub {
  private readonly bySample = new Map<string, Set<LiveListener>>();
  private readonly feeds = new Set<LiveListener>();
  private subscription: BusSubscription | null = null;
  /** Workflow events received from the bus since start. */
  received = 0;

  constructor(private readonly bus: EventBus, private readonly logger: Logger) {}

  async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({ group: LIVE_GROUP, ephemeral: true, handler: async (d) => this.dispatch(d) });
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    this.bySample.clear();
    this.feeds.clear();
    await subscription?.close();
  }

  /** Listens to one sample's events; returns the function that stops listening. */
  listenSample(sampleId: string, listener: LiveListener): () => void {
    let listeners = this.bySample.get(sampleId);
    if (!listeners) this.bySample.set(sampleId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.bySample.get(sampleId) === listeners) this.bySample.delete(sampleId);
    };
  }

  /** Listens to every workflow event (callers filter); returns the function that stops listening. */
  listenAll(listener: LiveListener): () => void {
    this.feeds.add(listener);
    return () => void this.feeds.delete(listener);
  }

  /** Samples with at least one listener, and feed listeners: for tests and the benchmark. */
  get size(): { samples: number; feeds: number } {
    return { samples: this.bySample.size, feeds: this.feeds.size };
  }

  private dispatch(delivery: Delivery): void {
    if (!delivery.event) return;
    const event = toLiveEvent(delivery.event);
    if (!event) return;
    this.received++;
    for (const listener of [...(this.bySample.get(event.sampleId) ?? []), ...this.feeds]) {
      try {
        listener(event);
      } catch (err) {
        // One broken subscriber must not stop the others (or make the bus redeliver).
        this.logger.warn({ err, sampleId: event.sampleId }, 'live listener failed');
      }
    }
  }
}
