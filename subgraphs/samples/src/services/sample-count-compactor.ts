import { qualified, type BackgroundTask } from '@app/common';
import type { SamplesDeps } from '../deps.js';

/**
 * Folds `sample_count_delta` into `sample_count` every SAMPLE_COUNT_COMPACT_MS, so reads sum a few
 * delta rows rather than every change since start. Totals are exact whether or not it has run
 * (readers add both tables); it only keeps the delta table small. Safe in every replica at once
 * (see migration SampleCounts).
 */
export class SampleCountCompactor implements BackgroundTask {
  readonly name = 'samples-count-compactor';
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: SamplesDeps) {}

  async start(): Promise<void> {
    this.timer = setInterval(() => { this.running ??= this.compact().finally(() => { this.running = null; }); }, this.deps.config.SAMPLE_COUNT_COMPACT_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One fold; errors are logged, and the deltas stay for the next one. */
  async compact(): Promise<void> {
    try {
      await this.deps.orm.em.fork().getConnection().execute(`select ${qualified(this.deps.schema, 'sample_count_compact')}()`);
    } catch (err) {
      this.deps.logger.error({ err }, 'folding sample count deltas failed');
    }
  }
}
