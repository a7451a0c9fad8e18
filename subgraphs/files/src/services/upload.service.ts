import type { EntityManager } from '@mikro-orm/postgresql';
import {
  EventTypes, ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError, emitEvent, eventOrigin, isStaff,
  labScope, Problems, requireWrite, type BaseContext, type FileUploadRejectedData, type FileUploadRequestedData,
} from '@app/common';
import { FileVersion, StoredFile, UploadTicket } from '../entities/index.js';
import { OwnerTypes, type OwnerType } from '../entities/enums.js';
import { SOURCE, type FilesDeps } from '../deps.js';
import { ownerSubject, emitVersionStored } from './file-events.js';
import { Ingestor, type StoredBlob } from './ingest.js';
import { isSha256, sanitizeFilename } from './validation.js';

export interface CreateUploadInput {
  ownerType: OwnerType;
  ownerId: string;
  filename: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  labId?: string | null;
}

export interface IssuedTicket {
  ticket: UploadTicket;
  uploadUrl: string;
}


export class UploadService {
  constructor(private readonly deps: FilesDeps, private readonly ctx: BaseContext) {}

  /** Records what the client will upload and signs a single-use PUT URL for exactly that. */
  async create(input: CreateUploadInput): Promise<IssuedTicket> {
    const { principal } = this.ctx;
    requireWrite(principal, 'files:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const valid = this.validate(input);
    const expiresAt = new Date(this.deps.now().getTime() + this.deps.config.FILES_UPLOAD_TTL_SECONDS * 1000);
    const ticket = await this.ctx.em.transactional(async (em) => {
      const id = crypto.randomUUID();
      const created = em.create(UploadTicket, {
        id, ...valid, storageKey: `uploads/${id}`, createdBy: principal.userId!, expiresAt, createdAt: this.deps.now(),
      });
      await em.flush();
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: EventTypes.FileUploadRequested, subject: { type: 'UploadTicket', id, ...ownerSubject(created) },
        data: { filename: created.filename, contentType: created.contentType, byteSize: created.byteSize, ownerType: created.ownerType, ownerId: created.ownerId } satisfies FileUploadRequestedData,
      });
      return created;
    });
    const claims = { uploadId: ticket.id, userId: ticket.createdBy, maxBytes: ticket.byteSize, contentType: ticket.contentType };
    return { ticket, uploadUrl: this.deps.signer.uploadUrl(claims, expiresAt) };
  }

  private validate(input: CreateUploadInput) {
    const { config } = this.deps;
    const problems = new Problems();
    if (!OwnerTypes.includes(input.ownerType)) problems.add('ownerType', `must be one of ${OwnerTypes.join(', ')}`);
    const ownerId = problems.id('ownerId', input.ownerId);
    const filename = sanitizeFilename(input.filename ?? '');
    if (!filename.replace(/[._]/g, '')) problems.add('filename', 'must contain a letter or digit');
    const contentType = (input.contentType ?? '').trim().toLowerCase();
    if (!config.FILES_ALLOWED_TYPES.includes(contentType)) problems.add('contentType', `must be one of ${config.FILES_ALLOWED_TYPES.join(', ')}`);
    if (!Number.isInteger(input.byteSize) || input.byteSize < 1 || input.byteSize > config.FILES_MAX_BYTES) {
      problems.add('byteSize', `must be between 1 and ${config.FILES_MAX_BYTES} bytes`);
    }
    if (!isSha256(input.sha256)) problems.add('sha256', 'must be 64 hexadecimal characters');
    const scope = labScope(this.ctx.principal);
    const labId = problems.text('labId', input.labId ?? scope, { max: 100 });
    problems.throwIfAny();
    if (scope !== null && labId !== scope) throw new ForbiddenError('Submitters can only upload files for their own lab');
    return { ownerType: input.ownerType, ownerId: ownerId!, filename, contentType, byteSize: input.byteSize, sha256: input.sha256.toLowerCase(), labId: labId! };
  }

  /** Checks the received bytes against the declaration, then files them as version 1 of a new file. */
  async complete(uploadId: string): Promise<StoredFile> {
    requireWrite(this.ctx.principal, 'files:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const ticket = await this.ownTicket(uploadId);
    if (ticket.status === 'COMPLETED') throw new ConflictError('This upload is already completed', { fileId: ticket.fileId });
    if (ticket.status !== 'UPLOADED') throw new InvalidTransitionError(`The upload is ${ticket.status}; only an UPLOADED upload can be completed`, { status: ticket.status });
    const problems = this.mismatches(ticket);
    if (problems) {
      await this.reject(ticket.id, problems.message);
      throw problems;
    }
    const blob = await this.store(ticket);
    const file = await this.ctx.em.transactional((em) => this.fileUpload(em, ticket.id, blob));
    await this.deps.storage.delete(ticket.storageKey);
    this.deps.scanner?.nudge();
    return file;
  }

  /** Checks the staged bytes are what was declared (magic bytes), then files them under their SHA-256. */
  private async store(ticket: UploadTicket): Promise<StoredBlob> {
    const ingestor = new Ingestor(this.deps.storage, this.deps.config.FILES_MAX_BYTES);
    try {
      return await ingestor.ingest({ filename: ticket.filename, open: () => this.deps.storage.read(ticket.storageKey) }, [ticket.contentType], 'contentType', 'the declaration');
    } catch (err) {
      if (err instanceof ValidationError) await this.reject(ticket.id, err.message);
      throw err;
    }
  }

  private async ownTicket(uploadId: string): Promise<UploadTicket> {
    const problems = new Problems();
    problems.id('uploadId', uploadId);
    problems.throwIfAny();
    const ticket = await this.ctx.em.findOne(UploadTicket, uploadId);
    const { principal } = this.ctx;
    // Someone else's ticket is reported as missing, so its existence does not leak.
    if (!ticket || (ticket.createdBy !== principal.userId && !isStaff(principal))) throw new NotFoundError('Upload', uploadId);
    return ticket;
  }

  private mismatches(ticket: UploadTicket): ValidationError | null {
    const problems = new Problems();
    if (ticket.receivedBytes !== ticket.byteSize) problems.add('byteSize', `declared ${ticket.byteSize} bytes but ${ticket.receivedBytes} arrived`);
    if (ticket.receivedSha256 !== ticket.sha256) problems.add('sha256', 'the uploaded bytes do not match the declared SHA-256');
    return problems.error();
  }

  private async reject(ticketId: string, reason: string): Promise<void> {
    await this.ctx.em.transactional(async (em) => {
      const ticket = await em.findOneOrFail(UploadTicket, ticketId);
      ticket.status = 'FAILED';
      ticket.failure = reason.slice(0, 500);
      await em.flush();
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: EventTypes.FileUploadRejected, subject: { type: 'UploadTicket', id: ticket.id, ...ownerSubject(ticket) },
        data: { reason: ticket.failure } satisfies FileUploadRejectedData, before: { status: 'UPLOADED' }, after: { status: 'FAILED' },
      });
    });
    await this.deps.storage.delete(`uploads/${ticketId}`);
  }

  private async fileUpload(em: EntityManager, ticketId: string, blob: StoredBlob): Promise<StoredFile> {
    // The status guard makes completion single-use even when two calls race.
    const claimed = await em.nativeUpdate(UploadTicket, { id: ticketId, status: 'UPLOADED' }, { status: 'COMPLETED' });
    if (claimed !== 1) throw new ConflictError('This upload is already completed');
    const ticket = await em.findOneOrFail(UploadTicket, ticketId, { refresh: true });
    const now = this.deps.now();
    const file = em.create(StoredFile, {
      ownerType: ticket.ownerType, ownerId: ticket.ownerId, labId: ticket.labId, filename: ticket.filename, contentType: ticket.contentType,
      byteSize: ticket.byteSize, sha256: ticket.sha256, uploadedBy: ticket.createdBy, createdAt: now, updatedAt: now,
    });
    const version = em.create(FileVersion, {
      file, version: 1, filename: file.filename, contentType: file.contentType, byteSize: blob.byteSize, sha256: blob.sha256,
      storageKey: blob.storageKey, scanStatus: this.deps.scanner ? 'QUARANTINED' : 'NOT_SCANNED', createdBy: ticket.createdBy, createdAt: now,
    });
    ticket.fileId = file.id;
    await em.flush();
    await emitVersionStored(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), file, version);
    return file;
  }
}
