import type { BaseContext } from '@app/common';
import type { SamplesDeps } from '../deps.js';
import type { SamplesLoaders } from '../loaders/index.js';
import { BillingAccountService } from './billing.service.js';
import { ExportService } from './export.service.js';
import type { ExportRunner } from '../exports/runner.js';
import { ProjectService } from './project.service.js';
import { SampleDraftService } from './sample-draft.service.js';
import { SampleQueryService } from './sample-query.service.js';
import { SampleService } from './sample.service.js';
import { SubmissionService } from './submission.service.js';

/** The rules of the samples domain, bound to one request's caller and entity manager. */
export function createServices(deps: SamplesDeps, ctx: BaseContext, loaders: SamplesLoaders, runner: ExportRunner) {
  const projects = new ProjectService(deps, ctx, loaders);
  return {
    projects,
    submissions: new SubmissionService(deps, ctx, projects, loaders),
    samples: new SampleService(deps, ctx, loaders),
    sampleQueries: new SampleQueryService(deps, ctx),
    sampleDrafts: new SampleDraftService(deps, ctx, loaders),
    billing: new BillingAccountService(deps, ctx),
    exports: new ExportService(deps, ctx, runner),
  };
}
export type SamplesServices = ReturnType<typeof createServices>;
