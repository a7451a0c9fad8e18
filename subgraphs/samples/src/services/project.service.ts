import {
  EventTypes, diffFields, emitEvent, eventOrigin, ForbiddenError, keysetPage, labScope, NotFoundError, Problems, requireRead, requireWrite,
  type BaseContext, type PageArgs, type ProjectEventData,
} from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Project } from '../entities/index.js';
import { ProjectStatuses, type ProjectStatus } from '../entities/enums.js';
import { SOURCE, type SamplesDeps } from '../deps.js';
import type { SamplesLoaders } from '../loaders/index.js';
import { projectOrder, projectWhere, type Order, type ProjectFilter, type ProjectOrderField } from './filters.js';

export interface CreateProjectInput {
  name: string;
  description?: string | null;
  labId?: string | null;
}

export interface UpdateProjectInput {
  name?: string | null;
  description?: string | null;
  status?: ProjectStatus | null;
  ownerId?: string | null;
}

const snapshot = (p: Project) => ({ name: p.name, description: p.description ?? null, status: p.status, ownerId: p.ownerId, labId: p.labId });

export class ProjectService {
  constructor(private readonly deps: SamplesDeps, private readonly ctx: BaseContext, private readonly loaders: SamplesLoaders) {}

  /** Submitters create projects only in their own lab; staff may name any lab. */
  async create(input: CreateProjectInput): Promise<Project> {
    const { principal } = this.ctx;
    requireWrite(principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const problems = new Problems();
    const name = problems.text('name', input.name, { max: 200 });
    const description = problems.text('description', input.description, { required: false, max: 5000, multiline: true });
    const scope = labScope(principal);
    const labId = problems.text('labId', input.labId ?? scope ?? principal.labId, { max: 100, pattern: 'identifier' });
    problems.throwIfAny();
    if (scope !== null && labId !== scope) throw new ForbiddenError('Submitters can only create projects in their own lab');
    if (!principal.userId) throw new ForbiddenError('Projects need a person as owner; service callers cannot create them');
    return this.ctx.em.transactional(async (em) => {
      const project = em.create(Project, { name: name!, description, labId: labId!, ownerId: principal.userId! });
      await em.flush();
      await this.emit(em, EventTypes.ProjectCreated, project, null, snapshot(project));
      return project;
    });
  }

  /** Owners, staff and admins edit a project; only staff and admins change its owner. */
  async update(id: string, input: UpdateProjectInput): Promise<Project> {
    const { principal } = this.ctx;
    requireWrite(principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const problems = new Problems();
    const name = input.name === undefined ? undefined : problems.text('name', input.name, { max: 200 });
    const description = input.description === undefined ? undefined : problems.text('description', input.description, { required: false, max: 5000, multiline: true });
    const status = input.status === undefined ? undefined : problems.oneOf('status', input.status ?? 'missing', ProjectStatuses);
    const ownerId = input.ownerId === undefined ? undefined : problems.uuid('ownerId', input.ownerId ?? 'missing');
    problems.throwIfAny();
    await this.get(id);
    return this.ctx.em.transactional(async (em) => {
      const project = await em.findOneOrFail(Project, id);
      const isStaffish = principal.role === 'ADMIN' || principal.role === 'STAFF' || principal.kind === 'service';
      if (!isStaffish && project.ownerId !== principal.userId) throw new ForbiddenError('Only the project owner or staff can change a project');
      if (ownerId && !isStaffish) throw new ForbiddenError('Only staff can hand a project to another owner');
      const before = snapshot(project);
      if (name) project.name = name;
      if (description !== undefined) project.description = description;
      if (status) project.status = status;
      if (ownerId) project.ownerId = ownerId;
      await em.flush();
      const diff = diffFields(before, snapshot(project));
      if (diff) await this.emit(em, EventTypes.ProjectUpdated, project, diff.before, diff.after);
      return project;
    });
  }

  list(filter: ProjectFilter = {}, orderBy: Order<ProjectOrderField> | null = null, args: PageArgs = {}) {
    requireRead(this.ctx.principal, 'samples:read');
    return keysetPage<Project>(this.ctx.em, Project, projectWhere(this.ctx.principal, filter), projectOrder(orderBy), args);
  }

  async get(id: string): Promise<Project> {
    const project = await this.loaders.projectById.load(id);
    if (!project) throw new NotFoundError('Project', id);
    return project;
  }

  private emit(em: EntityManager, type: typeof EventTypes.ProjectCreated | typeof EventTypes.ProjectUpdated, p: Project, before: Record<string, unknown> | null, after: Record<string, unknown>) {
    return emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
      type, subject: { type: 'Project', id: p.id, labId: p.labId }, data: { name: p.name, labId: p.labId } satisfies ProjectEventData, before, after,
    });
  }
}
