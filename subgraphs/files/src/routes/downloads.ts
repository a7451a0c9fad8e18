import type { Request, Response } from 'express';
import { FileVersion } from '../entities/index.js';
import type { FilesDeps } from '../deps.js';
import { isUuid } from '../services/validation.js';

/**
 * GET /downloads/:fileId?v&exp&sig — public: the URL was signed for a caller allowed to see the
 * file, when `StoredFile.downloadUrl` was resolved; it expires after FILES_DOWNLOAD_TTL_SECONDS.
 */
export function downloadHandler(deps: FilesDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const { fileId } = req.params as { fileId: string };
    const version = Number(req.query.v);
    const exp = Number(req.query.exp);
    const sig = typeof req.query.sig === 'string' ? req.query.sig : '';
    if (!isUuid(fileId) || !Number.isInteger(version) || !Number.isInteger(exp) || !deps.signer.verifyDownload(fileId, version, exp, sig)) {
      res.status(403).json({ error: { code: 'FORBIDDEN', message: 'The download URL is not valid' } });
      return;
    }
    if (exp * 1000 < deps.now().getTime()) {
      res.status(410).json({ error: { code: 'EXPIRED', message: 'The download URL has expired' } });
      return;
    }
    const found = await deps.orm.em.fork().findOne(FileVersion, { file: fileId, version }, { populate: ['file'] });
    if (!found || found.file.deleted) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'The file does not exist' } });
      return;
    }
    const body = await deps.storage.read(found.storageKey);
    res.status(200).set({
      'content-type': found.file.contentType,
      'content-length': String(found.byteSize),
      'content-disposition': `attachment; filename="${found.file.filename}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    body.pipe(res);
  };
}
