import { isUuid } from '@app/common';
import { UploadTicket } from '../entities/index.js';
import type { FilesDeps } from '../deps.js';

/**
 * What the signed PUT route needs of upload tickets: the route authorizes by signature, so these
 * calls take no caller, only the ticket id. Each state change is a guarded single-row update.
 */
export class TicketIntake {
  constructor(private readonly deps: FilesDeps) {}

  find(uploadId: string): Promise<UploadTicket | null> {
    return isUuid(uploadId) ? this.deps.orm.em.fork().findOne(UploadTicket, uploadId) : Promise.resolve(null);
  }

  /** PENDING → RECEIVING; false when another request got there first (single use). */
  async claim(uploadId: string): Promise<boolean> {
    return (await this.deps.orm.em.fork().nativeUpdate(UploadTicket, { id: uploadId, status: 'PENDING' }, { status: 'RECEIVING' })) === 1;
  }

  async failed(uploadId: string, reason: string): Promise<void> {
    await this.deps.orm.em.fork().nativeUpdate(UploadTicket, { id: uploadId }, { status: 'FAILED', failure: reason.slice(0, 500) });
  }

  async received(uploadId: string, receivedBytes: number, receivedSha256: string): Promise<void> {
    await this.deps.orm.em.fork().nativeUpdate(UploadTicket, { id: uploadId }, { status: 'UPLOADED', receivedBytes, receivedSha256 });
  }
}
