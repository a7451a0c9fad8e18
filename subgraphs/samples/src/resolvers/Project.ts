import type { SamplesContext } from '../context.js';
import type { Project as ProjectEntity } from '../entities/index.js';

export const Project = {
  __resolveReference: (ref: { id: string }, ctx: SamplesContext) => ctx.loaders.projectById.load(ref.id),
  owner: (project: ProjectEntity) => ({ __typename: 'User', id: project.ownerId }),
};
