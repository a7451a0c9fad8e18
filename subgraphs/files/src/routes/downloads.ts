import type { Request, Response } from 'express';
import { isUuid } from '@app/common';
import type { FileVersion } from '../entities/index.js';
import type { FilesDeps } from '../deps.js';
import { DownloadService } from '../services/download.service.js';
import { parseRange } from './range.js';
import { refuse } from './refuse.js';

/** The version a valid, unexpired signed URL names, or the request answered with why not. */
async function signedVersion(req: Request, res: Response, deps: FilesDeps, downloads: DownloadService): Promise<FileVersion | null> {
  const { fileId } = req.params as { fileId: string };
  const version = Number(req.query.v);
  const exp = Number(req.query.exp);
  const sig = typeof req.query.sig === 'string' ? req.query.sig : '';
  if (!isUuid(fileId) || !Number.isInteger(version) || !Number.isInteger(exp) || !deps.signer.verifyDownload(fileId, version, exp, sig)) {
    return void refuse(res, 403, 'FORBIDDEN', 'The download URL is not valid'), null;
  }
  if (exp * 1000 < deps.now().getTime()) return void refuse(res, 410, 'EXPIRED', 'The download URL has expired'), null;
  const found = await downloads.version(fileId, version);
  if (!found || found.file.deleted) return void refuse(res, 404, 'NOT_FOUND', 'The file does not exist'), null;
  if (found.file.purgedAt) return void refuse(res, 410, 'PURGED', 'The file\'s bytes have been purged'), null;
  // Infected bytes are never served, and nothing is served before its scan says clean.
  if (found.scanStatus === 'INFECTED') return void refuse(res, 403, 'INFECTED', 'The file is quarantined: the virus scan found a threat'), null;
  if (found.scanStatus === 'QUARANTINED') return void refuse(res, 409, 'QUARANTINED', 'The file is quarantined until its virus scan is done'), null;
  return found;
}

/**
 * GET /downloads/:fileId?v&exp&sig — public: the URL was signed for a caller allowed to see the
 * file, when a `downloadUrl` was resolved; it expires after FILES_DOWNLOAD_TTL_SECONDS. Honours
 * one `Range` (206, or 416 when it lies outside the file).
 */
export function downloadHandler(deps: FilesDeps) {
  const downloads = new DownloadService(deps);
  return async (req: Request, res: Response): Promise<void> => {
    const found = await signedVersion(req, res, deps, downloads);
    if (!found) return;
    const size = found.byteSize;
    const wanted = parseRange(req.headers.range, size);
    res.set({
      'content-type': found.contentType,
      'content-disposition': `attachment; filename="${found.filename}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'accept-ranges': 'bytes',
      etag: `"${found.sha256}"`,
    });
    if (wanted.kind === 'unsatisfiable') {
      res.status(416).set('content-range', `bytes */${size}`).end();
      return;
    }
    const range = wanted.kind === 'range' ? wanted.range : undefined;
    const body = await deps.storage.read(found.storageKey, range);
    if (range) res.status(206).set({ 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': String(range.end - range.start + 1) });
    else res.status(200).set('content-length', String(size));
    body.on('error', (err) => { deps.logger.warn({ err, versionId: found.id }, 'download stream broke'); res.destroy(err); });
    res.on('close', () => body.destroy());
    body.pipe(res);
  };
}
