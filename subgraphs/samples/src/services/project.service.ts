import { emitEvent, eventOrigin, ForbiddenError, NotFoundError, labScope, requireWrite, type BaseContext } from '@app/common';
import { Project } from '../entities/index.js';
import { SOURCE, type SamplesDeps } from '../deps.js';
import type { SamplesLoaders } from '../loaders/index.js';
import { Problems } from './validation.js';

export interface CreateProjectInput {
  name: string;
  description?: string | null;
  labId?: string | null;
}

export class ProjectService {
  constructor(private readonly deps: SamplesDeps, private readonly ctx: BaseContext, private readonly loaders: SamplesLoaders) {}

  /** Submitters create projects only in their own lab; staff may name any lab. */
  async create(input: CreateProjectInput): Promise<Project> {
    const { principal } = this.ctx;
    requireWrite(principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const problems = new Problems();
    const name = problems.text('name', input.name, { max: 200 });
    const description = problems.text('description', input.description, { required: false, max: 5000 });
    const scope = labScope(principal);
    const labId = problems.text('labId', input.labId ?? scope ?? principal.labId, { max: 100 });
    problems.throwIfAny();
    if (scope !== null && labId !== scope) throw new ForbiddenError('Submitters can only create projects in their own lab');
    return this.ctx.em.transactional(async (em) => {
      const project = em.create(Project, { name: name!, description, labId: labId!, ownerId: principal.userId! });
      await em.flush();
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: 'ProjectCreated', subject: { type: 'Project', id: project.id, labId: project.labId },
        data: { name: project.name, labId: project.labId }, after: { name: project.name, description, status: project.status },
      });
      return project;
    });
  }

  async get(id: string): Promise<Project> {
    const project = await this.loaders.projectById.load(id);
    if (!project) throw new NotFoundError('Project', id);
    return project;
  }
}
