import type { FileUpload } from 'graphql-upload-ts';
import type { FilesContext } from '../context.js';
import type { UploadFileArgs } from '../services/attachment.service.js';
import type { CreateUploadInput } from '../services/upload.service.js';

type UploadArgs = UploadFileArgs & { file: Promise<FileUpload> };
type UploadManyArgs = UploadFileArgs & { files: Promise<FileUpload>[] };

export const Mutation = {
  createUpload: async (_: unknown, { input }: { input: CreateUploadInput }, ctx: FilesContext) => {
    const { ticket, uploadUrl } = await ctx.services.uploads.create(input);
    return {
      uploadId: ticket.id, uploadUrl, method: 'PUT', headers: [{ name: 'Content-Type', value: ticket.contentType }],
      expiresAt: ticket.expiresAt, maxBytes: ticket.byteSize,
    };
  },
  completeUpload: (_: unknown, { uploadId }: { uploadId: string }, ctx: FilesContext) => ctx.services.uploads.complete(uploadId),
  uploadFile: async (_: unknown, { file, ...args }: UploadArgs, ctx: FilesContext) => (await ctx.services.attachments.uploadFiles([file], args, 'file'))[0],
  uploadFiles: (_: unknown, { files, ...args }: UploadManyArgs, ctx: FilesContext) => ctx.services.attachments.uploadFiles(files, args),
  uploadFileVersion: (_: unknown, args: { fileId: string; file: Promise<FileUpload>; comment?: string | null }, ctx: FilesContext) =>
    ctx.services.attachments.uploadVersion(args.fileId, args.file, args.comment),
  deleteFile: (_: unknown, { id }: { id: string }, ctx: FilesContext) => ctx.services.files.delete(id),
  purgeFile: (_: unknown, { id }: { id: string }, ctx: FilesContext) => ctx.services.files.purge(id),
};
