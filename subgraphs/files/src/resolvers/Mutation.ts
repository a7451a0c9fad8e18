import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  createUpload: async (_, { input }, ctx) => {
    const { ticket, uploadUrl } = await ctx.services.uploads.create(input);
    return {
      uploadId: ticket.id, uploadUrl, method: 'PUT', headers: [{ name: 'Content-Type', value: ticket.contentType }],
      expiresAt: ticket.expiresAt, maxBytes: ticket.byteSize,
    };
  },
  completeUpload: (_, { uploadId }, ctx) => ctx.services.uploads.complete(uploadId),
  uploadFile: async (_, { file, ...args }, ctx) => (await ctx.services.attachments.uploadFiles([file], args, 'file'))[0]!,
  uploadFiles: (_, { files, ...args }, ctx) => ctx.services.attachments.uploadFiles(files, args),
  uploadFileVersion: (_, args, ctx) => ctx.services.attachments.uploadVersion(args.fileId, args.file, args.comment),
  deleteFile: (_, { id }, ctx) => ctx.services.files.delete(id),
  purgeFile: (_, { id }, ctx) => ctx.services.files.purge(id),
};
