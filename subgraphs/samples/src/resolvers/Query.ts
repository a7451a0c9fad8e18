import { requireRead } from '@app/common';
import type { SamplesContext } from '../context.js';

type ById = { id: string };

export const Query = {
  project: (_: unknown, { id }: ById, ctx: SamplesContext) => { requireRead(ctx.principal, 'samples:read'); return ctx.loaders.projectById.load(id); },
  submission: (_: unknown, { id }: ById, ctx: SamplesContext) => { requireRead(ctx.principal, 'samples:read'); return ctx.loaders.submissionById.load(id); },
  sample: (_: unknown, { id }: ById, ctx: SamplesContext) => { requireRead(ctx.principal, 'samples:read'); return ctx.loaders.sampleById.load(id); },
};
