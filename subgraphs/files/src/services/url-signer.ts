import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an upload signature binds: a changed size or type makes the URL invalid. */
export interface UploadClaims {
  uploadId: string;
  userId: string;
  maxBytes: number;
  contentType: string;
}

/** HMAC-SHA256 signatures for the public upload and download routes (federation.md §3.4). */
export class UrlSigner {
  constructor(private readonly secret: string, private readonly publicUrl: string) {}

  private sign(parts: (string | number)[]): string {
    return createHmac('sha256', this.secret).update(parts.join('|')).digest('base64url');
  }

  private matches(expected: string, given: string): boolean {
    const a = Buffer.from(expected);
    const b = Buffer.from(given);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  uploadUrl(claims: UploadClaims, expiresAt: Date): string {
    const exp = Math.floor(expiresAt.getTime() / 1000);
    const sig = this.sign(['upload', claims.uploadId, claims.userId, claims.maxBytes, claims.contentType, exp]);
    return `${this.publicUrl}/uploads/${claims.uploadId}?exp=${exp}&sig=${sig}`;
  }

  verifyUpload(claims: UploadClaims, exp: number, sig: string): boolean {
    return this.matches(this.sign(['upload', claims.uploadId, claims.userId, claims.maxBytes, claims.contentType, exp]), sig);
  }

  downloadUrl(fileId: string, version: number, expiresAt: Date): string {
    const exp = Math.floor(expiresAt.getTime() / 1000);
    return `${this.publicUrl}/downloads/${fileId}?v=${version}&exp=${exp}&sig=${this.sign(['download', fileId, version, exp])}`;
  }

  verifyDownload(fileId: string, version: number, exp: number, sig: string): boolean {
    return this.matches(this.sign(['download', fileId, version, exp]), sig);
  }
}
