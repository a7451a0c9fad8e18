import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackgroundTask } from '@app/common';
import { ExportJob } from '../entities/index.js';
import type { ExportFormat, ExportKind } from '../entities/enums.js';
import type { SamplesDeps } from '../deps.js';
import { selectColumns, type Column } from './columns.js';
import { countRows, exportPrincipal, exportRows, NAMES, whereFor } from './source.js';
import { createWriter, FILE_EXTENSIONS } from './writers.js';

/** Writes an export file; reports progress after each batch. Shared by jobs and the stable URLs. */
export async function writeExport(
  deps: SamplesDeps, kind: ExportKind, format: ExportFormat, where: Record<string, unknown>, columns: Column[], path: string,
  onProgress: (rows: number) => Promise<void> = async () => {},
): Promise<number> {
  const names = NAMES[kind];
  const writer = await createWriter(format, path, columns, names.root, names.element);
  let written = 0;
  for await (const batch of exportRows(deps.orm, kind, where, columns, deps.config.EXPORT_BATCH_SIZE)) {
    await writer.write(batch);
    written += batch.length;
    await onProgress(written);
  }
  await writer.finish();
  return written;
}

/** Runs export jobs in the background of this process and waits for them on shutdown. */
export class ExportRunner implements BackgroundTask {
  readonly name = 'samples-exports';
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: SamplesDeps) {}

  get dir(): string {
    return this.deps.config.EXPORT_DIR;
  }

  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  launch(jobId: string): void {
    const run = this.run(jobId).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Resolves when every job launched so far has finished (tests and shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async run(jobId: string): Promise<void> {
    const em = () => this.deps.orm.em.fork();
    const job = await em().findOneOrFail(ExportJob, jobId);
    const fileName = `${NAMES[job.kind].file}-${job.id}.${FILE_EXTENSIONS[job.format]}`;
    const path = join(this.dir, fileName);
    try {
      const where = whereFor(job.kind, exportPrincipal(job.labScope ?? null), job.filter);
      const total = await countRows(this.deps.orm, job.kind, where);
      await em().nativeUpdate(ExportJob, { id: jobId }, { status: 'RUNNING', rowsTotal: total });
      const written = await writeExport(this.deps, job.kind, job.format, where, selectColumns(job.kind, job.fields), path,
        (rows) => em().nativeUpdate(ExportJob, { id: jobId }, { rowsWritten: rows }).then(() => undefined));
      await em().nativeUpdate(ExportJob, { id: jobId }, {
        status: 'SUCCEEDED', rowsWritten: written, rowsTotal: Math.max(total, written), fileName, byteSize: statSync(path).size, finishedAt: this.deps.now(),
      });
    } catch (err) {
      this.deps.logger.error({ err, jobId }, 'export failed');
      await em().nativeUpdate(ExportJob, { id: jobId }, { status: 'FAILED', error: (err as Error).message.slice(0, 1000), finishedAt: this.deps.now() });
    }
  }
}
