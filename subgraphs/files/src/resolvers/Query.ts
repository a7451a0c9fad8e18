import { requireRead } from '@app/common';
import type { FilesContext } from '../context.js';

export const Query = {
  file: (_: unknown, { id }: { id: string }, ctx: FilesContext) => {
    requireRead(ctx.principal, 'files:read');
    return ctx.loaders.fileById.load(id);
  },
};
