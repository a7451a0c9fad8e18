import type { BackgroundTask, Logger } from '@app/common';

export interface ScanSchedule {
  name: string;
  enabled: boolean;
  intervalMs: number;
  /** One pass; resolves to how many events it emitted. */
  scan(): Promise<number>;
  /** Logged when a pass emitted something ("samples flagged overdue"). */
  emitted: string;
  /** Logged when a pass failed ("overdue scan failed"). */
  failed: string;
  logger: Logger;
}

/** Runs a scan every `intervalMs`; one pass at a time, errors logged and retried next tick. */
export function createScanScheduler(schedule: ScanSchedule): BackgroundTask {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = schedule.scan()
      .then((n) => { if (n) schedule.logger.info({ emitted: n }, schedule.emitted); })
      .catch((err) => schedule.logger.error({ err }, schedule.failed))
      .finally(() => { running = null; });
  };
  return {
    name: schedule.name,
    async start() {
      if (!schedule.enabled) return;
      timer = setInterval(tick, schedule.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
