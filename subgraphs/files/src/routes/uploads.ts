import type { Request, Response } from 'express';
import type { UploadTicket } from '../entities/index.js';
import type { FilesDeps } from '../deps.js';
import { TicketIntake } from '../services/ticket-intake.service.js';
import { ByteMeter, TooLargeError } from '../storage/byte-meter.js';
import { refuse } from './refuse.js';


/** The signature, expiry and declared type of a PUT; returns the ticket or answers the request. */
async function checkRequest(req: Request, res: Response, deps: FilesDeps, intake: TicketIntake): Promise<UploadTicket | null> {
  const { uploadId } = req.params as { uploadId: string };
  const exp = Number(req.query.exp);
  const sig = typeof req.query.sig === 'string' ? req.query.sig : '';
  const ticket = await intake.find(uploadId);
  const claims = ticket && { uploadId: ticket.id, userId: ticket.createdBy, maxBytes: ticket.byteSize, contentType: ticket.contentType };
  if (!ticket || !claims || !Number.isInteger(exp) || !deps.signer.verifyUpload(claims, exp, sig)) {
    refuse(res, 403, 'FORBIDDEN', 'The upload URL is not valid');
    return null;
  }
  if (exp * 1000 < deps.now().getTime()) return void refuse(res, 410, 'EXPIRED', 'The upload URL has expired; request a new one'), null;
  if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== ticket.contentType) {
    return void refuse(res, 415, 'BAD_CONTENT_TYPE', `Content-Type must be ${ticket.contentType}`), null;
  }
  if (Number(req.headers['content-length'] ?? 0) > ticket.byteSize) {
    return void refuse(res, 413, 'TOO_LARGE', `The upload may be at most ${ticket.byteSize} bytes`), null;
  }
  return ticket;
}

/**
 * PUT /uploads/:uploadId?exp&sig — public: the signature is the authorization. Single use: the
 * first request to claim the ticket streams to storage, counting and hashing; later ones get 409.
 */
export function uploadHandler(deps: FilesDeps) {
  const intake = new TicketIntake(deps);
  return async (req: Request, res: Response): Promise<void> => {
    const ticket = await checkRequest(req, res, deps, intake);
    if (!ticket) return;
    if (!(await intake.claim(ticket.id))) return refuse(res, 409, 'ALREADY_USED', 'This upload URL has already been used');
    const meter = new ByteMeter(ticket.byteSize);
    // Bytes flow before storage attaches its pipeline; keep the first failure instead of crashing.
    let failure: unknown = null;
    meter.on('error', (err) => { failure ??= err; });
    req.on('close', () => { if (!req.complete) meter.destroy(new Error('the client aborted the upload')); });
    req.pipe(meter);
    try {
      await deps.storage.write(ticket.storageKey, meter);
    } catch (err) {
      req.unpipe(meter);
      const cause = failure ?? err;
      const tooLarge = cause instanceof TooLargeError;
      await intake.failed(ticket.id, tooLarge ? cause.message : 'the upload did not finish');
      res.setHeader('connection', 'close');
      return tooLarge ? refuse(res, 413, 'TOO_LARGE', cause.message) : refuse(res, 400, 'UPLOAD_FAILED', 'The upload did not finish');
    }
    const sha256 = meter.sha256();
    await intake.received(ticket.id, meter.bytes, sha256);
    res.status(200).json({ uploadId: ticket.id, byteSize: meter.bytes, sha256 });
  };
}
