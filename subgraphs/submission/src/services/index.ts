import type { BaseContext } from '@app/common';
import type { SubmissionDeps } from '../deps.js';
import type { SubmissionLoaders } from '../loaders/index.js';
import { CommitService } from './commit.service.js';
import { IntakeService } from './intake.service.js';
import { JobQueryService } from './job-query.service.js';
import { ProgressReporter } from './progress.js';
import { RowService } from './row.service.js';

/** The rules of the intake domain, bound to one request's caller and entity manager. */
export function createServices(deps: SubmissionDeps, ctx: BaseContext, loaders: SubmissionLoaders) {
  const progress = new ProgressReporter(deps, ctx);
  return {
    intake: new IntakeService(deps, ctx, progress),
    rows: new RowService(deps, ctx, loaders),
    commits: new CommitService(deps, ctx, loaders, progress),
    jobs: new JobQueryService(ctx, loaders),
  };
}
export type SubmissionServices = ReturnType<typeof createServices>;
