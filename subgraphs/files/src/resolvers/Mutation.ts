import type { FilesContext } from '../context.js';
import type { CreateUploadInput } from '../services/upload.service.js';

export const Mutation = {
  createUpload: async (_: unknown, { input }: { input: CreateUploadInput }, ctx: FilesContext) => {
    const { ticket, uploadUrl } = await ctx.services.uploads.create(input);
    return {
      uploadId: ticket.id, uploadUrl, method: 'PUT', headers: [{ name: 'Content-Type', value: ticket.contentType }],
      expiresAt: ticket.expiresAt, maxBytes: ticket.byteSize,
    };
  },
  completeUpload: (_: unknown, { uploadId }: { uploadId: string }, ctx: FilesContext) => ctx.services.uploads.complete(uploadId),
  deleteFile: (_: unknown, { id }: { id: string }, ctx: FilesContext) => ctx.services.files.delete(id),
};
