// Wording of an intake job's live progress (the `intakeProgress` subscription), and when a job has settled.

export interface IntakeProgressReport {
  status: string;
  processed: number;
  total?: number | null;
  rowCount: number;
  errorCount: number;
  committedCount: number;
  failedCount: number;
}

/** Settled states: nothing more happens until someone acts (a commit, a fix). */
export function settledIntake(status: string): boolean {
  return status !== 'PARSING' && status !== 'COMMITTING';
}

/** What a running job is doing; null once it has settled (the job's counts say the rest). */
export function progressLine(p: IntakeProgressReport): string | null {
  if (p.status === 'PARSING') return `Reading the sheet… ${p.processed} rows read so far.`;
  if (p.status === 'COMMITTING') {
    const of = p.total ? ` of ${p.total}` : '';
    const pct = p.total ? ` (${Math.min(100, Math.round((p.processed / p.total) * 100))}%)` : '';
    return `Committing… ${p.processed}${of} rows done${pct}.`;
  }
  return null;
}
