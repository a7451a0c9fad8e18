import type { EntryRow } from './entry-row.js';

const CSV_COLUMNS: (keyof EntryRow)[] = [
  'seq', 'id', 'eventId', 'occurredAt', 'recordedAt', 'type', 'category', 'source', 'actorUserId', 'actorRole', 'actorName', 'actorVia',
  'actorTokenId', 'actorIp', 'actorUserAgent', 'subjectType', 'subjectId', 'sampleId', 'submissionId', 'labId', 'reason', 'correlationId',
  'before', 'after', 'data', 'prevHash', 'hash',
];

/** RFC 4180: quote when a value holds a comma, quote or line break; double inner quotes. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: EntryRow[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** JSON wrapped with export information, as the system this replaces did (domain.md §8). */
export function toJson(rows: EntryRow[], info: Record<string, unknown>): string {
  return JSON.stringify({ export_info: { ...info, total_records: rows.length }, entries: rows }, null, 2);
}
