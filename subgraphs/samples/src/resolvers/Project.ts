import type { ProjectResolvers } from '../__generated__/resolvers-types.js';

export const Project: ProjectResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.projectById.load(ref.id),
  owner: (project) => ({ id: project.ownerId }),
};
