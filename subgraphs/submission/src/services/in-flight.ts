import type { BackgroundTask } from '@app/common';

/** Commits running in the background of this process; stopping waits for them, so none is cut mid-batch by a clean shutdown. */
export class InFlightCommits implements BackgroundTask {
  readonly name = 'intake-commits';
  private readonly running = new Set<Promise<void>>();

  track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  get size(): number {
    return this.running.size;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
