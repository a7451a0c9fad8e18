import { fileTypeFromBuffer } from 'file-type';

/** What an attachment is for; each kind accepts only the types that make sense for it. */
export const FileKinds = ['GEL_IMAGE', 'QC_REPORT', 'SAMPLE_SHEET', 'DELIVERY_MANIFEST', 'QUOTE', 'OTHER'] as const;
export type FileKind = (typeof FileKinds)[number];

const PDF = 'application/pdf';
const PNG = 'image/png';
const JPEG = 'image/jpeg';
const TIFF = 'image/tiff';
const CSV = 'text/csv';
const TEXT = 'text/plain';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const KIND_TYPES: Record<FileKind, readonly string[]> = {
  GEL_IMAGE: [PNG, JPEG, TIFF],
  QC_REPORT: [PDF],
  SAMPLE_SHEET: [CSV, XLSX, TEXT],
  DELIVERY_MANIFEST: [CSV, TEXT, PDF],
  QUOTE: [PDF],
  OTHER: [PDF, PNG, JPEG, TIFF, CSV, TEXT, XLSX],
};

/** How many leading bytes type detection looks at (xlsx needs its first zip entries). */
export const SNIFF_BYTES = 64 * 1024;

/** Plain text: no NUL byte and valid UTF-8 (a multi-byte character cut at the end is fine). */
function looksLikeText(head: Buffer): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const bad = decoded.indexOf('\uFFFD');
  return bad === -1 || bad >= decoded.length - 2;
}

/**
 * The type the bytes really are, from their magic numbers (file-type); text has none, so it is
 * text/csv when the name says .csv and text/plain otherwise. Null: unknown binary.
 */
export async function detectType(head: Buffer, filename: string): Promise<string | null> {
  const found = await fileTypeFromBuffer(head);
  if (found) return found.mime;
  if (!looksLikeText(head)) return null;
  return /\.csv$/i.test(filename) ? CSV : TEXT;
}
