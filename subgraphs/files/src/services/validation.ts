// Validation rules only file names and hashes need; Problems and isUuid come from @app/common.

/** Characters outside [A-Za-z0-9._-] become `_` (domain.md §2.6), so names are safe in headers and on disk. */
export function sanitizeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.normalize('NFKD').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 255);
}

const SHA256 = /^[0-9a-f]{64}$/i;
export const isSha256 = (value: unknown): value is string => typeof value === 'string' && SHA256.test(value);
