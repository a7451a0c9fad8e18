import type { BaseContext } from '@app/common';
import type { SamplesDeps } from '../deps.js';
import type { SamplesLoaders } from '../loaders/index.js';
import { ProjectService } from './project.service.js';
import { SampleService } from './sample.service.js';
import { SubmissionService } from './submission.service.js';

/** The rules of the samples domain, bound to one request's caller and entity manager. */
export function createServices(deps: SamplesDeps, ctx: BaseContext, loaders: SamplesLoaders) {
  const projects = new ProjectService(deps, ctx, loaders);
  return {
    projects,
    submissions: new SubmissionService(deps, ctx, projects),
    samples: new SampleService(deps, ctx, loaders),
  };
}
export type SamplesServices = ReturnType<typeof createServices>;
