import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { loadOnce } from '@app/common';
import type { BasicType } from 'hyparquet-writer/src/types.js';
import type { ExportFormat } from '../entities/enums.js';
import type { Cell, Column, ColumnType } from './columns.js';

/** Writes rows of one export to a file, batch by batch, holding at most one batch (one row group for Parquet) in memory. */
export interface ExportWriter {
  write(rows: Cell[][]): Promise<void>;
  finish(): Promise<void>;
}

/**
 * Spreadsheet apps run cells that start with = + - @ (and tab/CR) as formulas; a leading
 * apostrophe makes them text (OWASP "CSV injection").
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

// XML 1.0 cannot carry most control characters, even escaped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlEscape = (value: string): string =>
  value.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const text = (cell: Cell): string => (cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell));
const jsonValue = (cell: Cell): unknown => (cell instanceof Date ? cell.toISOString() : cell);
const toObject = (columns: Column[], row: Cell[]) => Object.fromEntries(columns.map((c, i) => [c.name, jsonValue(row[i] ?? null)]));

/** A file stream that respects backpressure. */
class FileOut {
  private readonly stream: WriteStream;
  constructor(path: string) {
    this.stream = createWriteStream(path);
  }
  async put(chunk: string): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

function csvWriter(path: string, columns: Column[]): ExportWriter {
  const out = new FileOut(path);
  let started = false;
  return {
    async write(rows) {
      const records = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : text(cell))));
      // A byte-order mark lets Excel read UTF-8 (µ, Ä, 漢) correctly.
      const header = started ? '' : `\uFEFF${stringify([columns.map((c) => c.name)], { record_delimiter: 'windows' })}`;
      started = true;
      await out.put(header + stringify(records, { record_delimiter: 'windows' }));
    },
    async finish() {
      if (!started) await out.put(`\uFEFF${stringify([columns.map((c) => c.name)], { record_delimiter: 'windows' })}`);
      await out.close();
    },
  };
}

function jsonWriter(path: string, columns: Column[]): ExportWriter {
  const out = new FileOut(path);
  let first = true;
  return {
    async write(rows) {
      const body = rows.map((row) => JSON.stringify(toObject(columns, row))).join(',\n');
      if (!body) return;
      await out.put(`${first ? '[\n' : ',\n'}${body}`);
      first = false;
    },
    async finish() {
      await out.put(first ? '[]\n' : '\n]\n');
      await out.close();
    },
  };
}

function ndjsonWriter(path: string, columns: Column[]): ExportWriter {
  const out = new FileOut(path);
  return {
    write: (rows) => out.put(rows.map((row) => `${JSON.stringify(toObject(columns, row))}\n`).join('')),
    finish: () => out.close(),
  };
}

function xmlWriter(path: string, columns: Column[], root: string, element: string): ExportWriter {
  const out = new FileOut(path);
  let started = false;
  const open = `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>\n`;
  return {
    async write(rows) {
      const body = rows.map((row) => `  <${element}>${columns.map((c, i) => {
        const cell = row[i] ?? null;
        return cell === null ? `<${c.name}/>` : `<${c.name}>${xmlEscape(text(cell))}</${c.name}>`;
      }).join('')}</${element}>\n`).join('');
      await out.put((started ? '' : open) + body);
      started = true;
    },
    async finish() {
      await out.put(`${started ? '' : open}</${root}>\n`);
      await out.close();
    },
  };
}

// Loaded by the first export in their format: exceljs alone is ~7 MB of heap every process would hold (bench/README.md, memory).
const excel = loadOnce(async () => (await import('exceljs')).default);
const parquet = loadOnce(() => import('hyparquet-writer'));

async function xlsxWriter(path: string, columns: Column[], sheet: string): Promise<ExportWriter> {
  const ExcelJS = await excel();
  // Streaming writer: committed rows are flushed to the zip and dropped from memory.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const worksheet = workbook.addWorksheet(sheet);
  worksheet.columns = columns.map((c) => ({ header: c.name, key: c.name, width: Math.max(12, c.name.length + 2), ...(c.type === 'datetime' ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}) }));
  return {
    async write(rows) {
      for (const row of rows) worksheet.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell))).commit();
    },
    async finish() {
      worksheet.commit();
      await workbook.commit();
    },
  };
}

const PARQUET_TYPES: Record<ColumnType, BasicType> = { string: 'STRING', double: 'DOUBLE', integer: 'INT32', boolean: 'BOOLEAN', datetime: 'TIMESTAMP' };
const ROW_GROUP = 10_000;

async function parquetWriter(path: string, columns: Column[]): Promise<ExportWriter> {
  const { ParquetWriter, fileWriter, schemaFromColumnData } = await parquet();
  const schema = schemaFromColumnData({ columnData: columns.map((c) => ({ name: c.name, data: [], type: PARQUET_TYPES[c.type], nullable: true })) });
  const writer = new ParquetWriter({ writer: fileWriter(path), schema });
  let pending: Cell[][] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    await writer.write({
      columnData: columns.map((c, i) => ({ name: c.name, data: rows.map((r) => r[i] ?? null) })),
      rowGroupSize: rows.length,
    });
  };
  return {
    async write(rows) {
      pending.push(...rows);
      if (pending.length >= ROW_GROUP) await flush();
    },
    async finish() {
      await flush();
      await writer.finish();
    },
  };
}

export const FILE_EXTENSIONS: Record<ExportFormat, string> = { CSV: 'csv', XLSX: 'xlsx', JSON: 'json', NDJSON: 'ndjson', XML: 'xml', PARQUET: 'parquet' };
export const CONTENT_TYPES: Record<ExportFormat, string> = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  JSON: 'application/json; charset=utf-8',
  NDJSON: 'application/x-ndjson; charset=utf-8',
  XML: 'application/xml; charset=utf-8',
  PARQUET: 'application/vnd.apache.parquet',
};

/** `root`/`element` name the XML wrapper and row elements (samples/sample) and the XLSX sheet. */
export async function createWriter(format: ExportFormat, path: string, columns: Column[], root: string, element: string): Promise<ExportWriter> {
  switch (format) {
    case 'CSV': return csvWriter(path, columns);
    case 'JSON': return jsonWriter(path, columns);
    case 'NDJSON': return ndjsonWriter(path, columns);
    case 'XML': return xmlWriter(path, columns, root, element);
    case 'XLSX': return xlsxWriter(path, columns, root);
    case 'PARQUET': return parquetWriter(path, columns);
  }
}
