import { emitEvent, eventOrigin, qualified, requireWrite, type BaseContext } from '@app/common';
import { Submission, type Project } from '../entities/index.js';
import type { Priority } from '../entities/enums.js';
import { SOURCE, type SamplesDeps } from '../deps.js';
import type { ProjectService } from './project.service.js';

export interface CreateSubmissionInput {
  projectId: string;
  priority?: Priority | null;
}

export class SubmissionService {
  constructor(private readonly deps: SamplesDeps, private readonly ctx: BaseContext, private readonly projects: ProjectService) {}

  async create(input: CreateSubmissionInput): Promise<Submission> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const project: Project = await this.projects.get(input.projectId);
    return this.ctx.em.transactional(async (em) => {
      const number = await this.nextNumber(em);
      const submission = em.create(Submission, {
        number, project, submitterId: this.ctx.principal.userId!, labId: project.labId, priority: input.priority ?? 'NORMAL',
      });
      await em.flush();
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: 'SubmissionCreated', subject: { type: 'Submission', id: submission.id, submissionId: submission.id, labId: submission.labId },
        data: { number, projectId: project.id }, after: { number, priority: submission.priority, status: submission.status },
      });
      return submission;
    });
  }

  /** SUB-<year>-<6 digits> from a database sequence: unique across replicas, readable on a label. */
  private async nextNumber(em: import('@mikro-orm/postgresql').EntityManager): Promise<string> {
    const rows = await em.getConnection().execute<{ n: string }[]>(
      `select nextval('${qualified(this.deps.schema, 'submission_number_seq')}') as n`, [], 'all', em.getTransactionContext(),
    );
    const year = this.deps.now().getUTCFullYear();
    return `${this.deps.config.SUBMISSION_NUMBER_PREFIX}-${year}-${String(rows[0]!.n).padStart(6, '0')}`;
  }
}
