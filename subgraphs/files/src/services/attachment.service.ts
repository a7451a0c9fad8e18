import type { EntityManager } from '@mikro-orm/postgresql';
import type { FileUpload } from 'graphql-upload-ts';
import {
  ForbiddenError, InvalidTransitionError, NotFoundError, Problems, ValidationError, eventOrigin, labScope, requireWrite, type BaseContext,
} from '@app/common';
import { FileVersion, StoredFile } from '../entities/index.js';
import type { OwnerType, ScanStatus } from '../entities/enums.js';
import { SOURCE, type FilesDeps } from '../deps.js';
import type { FilesLoaders } from '../loaders/index.js';
import { emitVersionStored } from './file-events.js';
import { FileKinds, KIND_TYPES, type FileKind } from './file-kinds.js';
import { Ingestor, notReceived, RequestBudget, type BudgetUse, type StoredBlob } from './ingest.js';
import { sanitizeFilename } from './validation.js';
import { LockMode } from '@mikro-orm/core';

export interface AttachTo {
  sampleId?: string | null;
  submissionId?: string | null;
}

export interface UploadFileArgs {
  attachTo: AttachTo;
  kind: FileKind;
  labId?: string | null;
  comment?: string | null;
}

interface Placement {
  ownerType: OwnerType;
  ownerId: string;
  labId: string;
  kind: FileKind;
  comment: string | null;
}

interface Received {
  filename: string;
  blob: StoredBlob;
}

/** Files arriving as GraphQL multipart uploads: new files and new versions of existing ones. */
export class AttachmentService {
  private readonly ingestor: Ingestor;
  /** One per request (services are built per request), so aliased upload fields share it too. */
  private readonly requestBytes: RequestBudget;

  constructor(private readonly deps: FilesDeps, private readonly ctx: BaseContext, private readonly loaders: FilesLoaders) {
    this.ingestor = new Ingestor(deps.storage, deps.config.FILES_MAX_BYTES);
    this.requestBytes = new RequestBudget(deps.config.FILES_MAX_REQUEST_BYTES);
  }

  /** Stores each file as version 1 of a new StoredFile; all or nothing. */
  async uploadFiles(files: Promise<FileUpload>[], args: UploadFileArgs, field = 'files'): Promise<StoredFile[]> {
    requireWrite(this.ctx.principal, 'files:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const placement = this.placement(args, files.length, field);
    const budget = this.budget(field);
    const received: Received[] = [];
    try {
      for (const [i, file] of files.entries()) {
        received.push(await this.receive(file, placement.kind, files.length === 1 && field === 'file' ? 'file' : `${field}.${i}`, budget));
      }
      const stored = await this.ctx.em.transactional(async (em) => {
        const out: StoredFile[] = [];
        for (const r of received) out.push(await this.createFile(em, placement, r));
        return out;
      });
      this.deps.scanner?.nudge();
      return stored;
    } catch (err) {
      await this.forget(received);
      throw err;
    }
  }

  /** Adds a version to a file the caller can see and change; earlier versions stay downloadable. */
  async uploadVersion(fileId: string, file: Promise<FileUpload>, comment: string | null | undefined): Promise<StoredFile> {
    const { principal } = this.ctx;
    requireWrite(principal, 'files:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const problems = new Problems();
    problems.id('fileId', fileId);
    const note = problems.text('comment', comment, { required: false, max: 500, multiline: true });
    problems.throwIfAny();
    const visible = await this.loaders.fileById.load(fileId);
    if (!visible) throw new NotFoundError('StoredFile', fileId);
    if (visible.deleted) throw new InvalidTransitionError('The file is deleted; it takes no new versions', { deleted: true });
    const received = await this.receive(file, visible.kind, 'file', this.budget('file'));
    try {
      const stored = await this.ctx.em.transactional((em) => this.addVersion(em, fileId, received, note));
      this.deps.scanner?.nudge();
      return stored;
    } catch (err) {
      await this.forget([received]);
      throw err;
    }
  }

  private placement(args: UploadFileArgs, count: number, field: string): Placement {
    const problems = new Problems();
    const sampleId = problems.id('attachTo.sampleId', args.attachTo?.sampleId, false);
    const submissionId = problems.id('attachTo.submissionId', args.attachTo?.submissionId, false);
    if (Boolean(sampleId) === Boolean(submissionId)) problems.add('attachTo', 'must name exactly one of sampleId and submissionId');
    const kind = problems.oneOf('kind', args.kind, FileKinds);
    const comment = problems.text('comment', args.comment, { required: false, max: 500, multiline: true });
    if (count < 1) problems.add(field, 'must contain at least one file');
    if (count > this.deps.config.FILES_MAX_FILES) problems.add(field, `may contain at most ${this.deps.config.FILES_MAX_FILES} files (got ${count})`);
    const scope = labScope(this.ctx.principal);
    const labId = problems.text('labId', args.labId ?? scope, { max: 100 });
    problems.throwIfAny();
    if (scope !== null && labId !== scope) throw new ForbiddenError('Submitters can only upload files for their own lab');
    const owner = sampleId ? { ownerType: 'SAMPLE' as const, ownerId: sampleId } : { ownerType: 'SUBMISSION' as const, ownerId: submissionId! };
    return { ...owner, labId: labId!, kind: kind!, comment };
  }

  /** The bytes this request's files may still carry together (FILES_MAX_REQUEST_BYTES), named as `field` in an error. */
  private budget(field: string): BudgetUse {
    return { budget: this.requestBytes, field };
  }

  private async receive(file: Promise<FileUpload>, kind: FileKind, field: string, budget: BudgetUse): Promise<Received> {
    const upload = await file.catch((err: unknown) => { throw notReceived(err, field, this.deps.config.FILES_MAX_BYTES) ?? err; });
    const filename = sanitizeFilename(upload.filename ?? '');
    if (!filename.replace(/[._]/g, '')) throw ValidationError.field(field, 'needs a file name with a letter or digit');
    const blob = await this.ingestor.ingest({ filename, open: () => upload.createReadStream() }, KIND_TYPES[kind], field, `a ${kind} file`, budget);
    return { filename, blob };
  }

  private initialScan(): ScanStatus {
    return this.deps.scanner ? 'QUARANTINED' : 'NOT_SCANNED';
  }

  private async createFile(em: EntityManager, placement: Placement, { filename, blob }: Received): Promise<StoredFile> {
    const now = this.deps.now();
    const userId = this.ctx.principal.userId!;
    const file = em.create(StoredFile, {
      ownerType: placement.ownerType, ownerId: placement.ownerId, labId: placement.labId, kind: placement.kind, filename,
      contentType: blob.contentType, byteSize: blob.byteSize, sha256: blob.sha256, uploadedBy: userId, createdAt: now, updatedAt: now,
    });
    const version = em.create(FileVersion, {
      file, version: 1, filename, contentType: blob.contentType, byteSize: blob.byteSize, sha256: blob.sha256, storageKey: blob.storageKey,
      comment: placement.comment, scanStatus: this.initialScan(), createdBy: userId, createdAt: now,
    });
    await em.flush();
    await emitVersionStored(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), file, version);
    return file;
  }

  private async addVersion(em: EntityManager, fileId: string, { filename, blob }: Received, comment: string | null): Promise<StoredFile> {
    // The row lock serialises concurrent new versions of one file, so numbers never collide.
    const file = await em.findOneOrFail(StoredFile, fileId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (file.deleted) throw new InvalidTransitionError('The file is deleted; it takes no new versions', { deleted: true });
    const now = this.deps.now();
    const version = em.create(FileVersion, {
      file, version: file.currentVersion + 1, filename, contentType: blob.contentType, byteSize: blob.byteSize, sha256: blob.sha256,
      storageKey: blob.storageKey, comment, scanStatus: this.initialScan(), createdBy: this.ctx.principal.userId!, createdAt: now,
    });
    Object.assign(file, { currentVersion: version.version, filename, contentType: blob.contentType, byteSize: blob.byteSize, sha256: blob.sha256, updatedAt: now });
    await em.flush();
    await emitVersionStored(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), file, version);
    return file;
  }

  /** Blobs this request wrote and no version records: removed, so a refused upload leaves nothing. */
  private async forget(received: Received[]): Promise<void> {
    for (const { blob } of received.filter((r) => r.blob.written)) {
      const used = await this.ctx.em.fork().count(FileVersion, { storageKey: blob.storageKey });
      if (used === 0) await this.deps.storage.delete(blob.storageKey).catch(() => undefined);
    }
  }
}
