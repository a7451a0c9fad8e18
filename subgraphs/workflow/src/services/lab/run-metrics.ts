/**
 * Reading MinKNOW's run output into metrics (lims-landscape.md §4.7-4.8; ONT output specifications):
 *  - `final_summary_<flow cell>_<run>.txt`: `key=value` lines (instrument, position, flow_cell_id,
 *    sample_id, protocol_group_id, protocol, protocol_run_id, acquisition_run_id, started,
 *    acquisition_stopped, processing_stopped, basecalling_enabled, sequencing_summary_file,
 *    pod5_files_in_final, …). It identifies the run; it carries no yields.
 *  - `sequencing_summary_<flow cell>_<run>.txt`: one tab-separated row per read, with a header
 *    (read_id, passes_filtering, sequence_length_template, mean_qscore_template, barcode_arrangement, …).
 *    Reads, bases, N50, pass % and mean Q are computed from it, in total and per barcode.
 * Pure functions: every problem names its line and field, and nothing is applied unless all parse.
 */
import { Problems, ValidationError } from '@app/common';

export const MAX_FINAL_SUMMARY_CHARS = 64 * 1024;
/** Below the gateway's default 1 MB JSON body: a sequencing summary sent as text is a small one. */
export const MAX_SEQUENCING_SUMMARY_CHARS = 900_000;
export const MAX_SEQUENCING_SUMMARY_READS = 20_000;
/** An uploaded sequencing summary: the gateway's default file limit, and the reads that fit in it. */
export const MAX_SEQUENCING_SUMMARY_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_SEQUENCING_SUMMARY_UPLOAD_READS = 500_000;
/** Problems reported before giving up on a file (the rest are of the same kind). */
const MAX_PROBLEMS = 20;

const KEY = /^[a-z][a-z0-9_]{0,63}$/;
const REQUIRED_SUMMARY_KEYS = ['flow_cell_id', 'protocol_run_id'] as const;
const REQUIRED_COLUMNS = ['read_id', 'passes_filtering', 'sequence_length_template', 'mean_qscore_template'] as const;

export interface Yield { readCount: number; passReadCount: number; baseCount: number; passBaseCount: number; n50: number | null; meanQScore: number | null }
export interface ReadTotals extends Yield { passPercent: number | null; barcodes: Map<string, Yield> | null }

/** The key=value pairs of a final summary, or every problem at `finalSummary` naming its line. */
export function parseFinalSummary(text: string, field = 'input.finalSummary'): Record<string, string> {
  if (text.length > MAX_FINAL_SUMMARY_CHARS) throw ValidationError.field(field, `must be at most ${MAX_FINAL_SUMMARY_CHARS} characters (got ${text.length}); is this the final_summary file?`);
  const problems = new Problems();
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || problems.all.length >= MAX_PROBLEMS) return;
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!KEY.test(key)) { problems.add(field, `line ${i + 1}: "${line.slice(0, 60)}" is not a key=value line of a MinKNOW final summary`); return; }
    const value = line.slice(eq + 1).trim();
    if (value.length > 1000) { problems.add(field, `line ${i + 1}: the value of ${key} is longer than 1000 characters`); return; }
    if (Object.hasOwn(out, key)) { problems.add(field, `line ${i + 1}: ${key} appears twice`); return; }
    out[key] = value;
  });
  for (const key of REQUIRED_SUMMARY_KEYS) if (!out[key] && !problems.any) problems.add(field, `has no ${key}= line; a MinKNOW final summary always names it`);
  problems.throwIfAny();
  return out;
}

/** Read N50: the length L such that reads of length ≥ L hold at least half the bases. */
export function n50(lengths: number[]): number | null {
  if (lengths.length === 0) return null;
  const sorted = [...lengths].sort((a, b) => b - a);
  const half = sorted.reduce((s, l) => s + l, 0) / 2;
  let sum = 0;
  for (const l of sorted) {
    sum += l;
    if (sum >= half) return l;
  }
  return sorted.at(-1)!;
}

class Bucket {
  reads = 0; passReads = 0; bases = 0; passBases = 0; qSum = 0;
  readonly lengths: number[] = []; readonly passLengths: number[] = [];
  add(length: number, q: number, pass: boolean): void {
    this.reads += 1; this.bases += length; this.qSum += q; this.lengths.push(length);
    if (pass) { this.passReads += 1; this.passBases += length; this.passLengths.push(length); }
  }
  /** N50 of the reads that passed, as MinKNOW's report shows it (of all reads when none passed). */
  toYield(): Yield {
    return {
      readCount: this.reads, passReadCount: this.passReads, baseCount: this.bases, passBaseCount: this.passBases,
      n50: n50(this.passLengths.length ? this.passLengths : this.lengths), meanQScore: this.reads ? round(this.qSum / this.reads, 2) : null,
    };
  }
}
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const PASS = new Map([['TRUE', true], ['FALSE', false], ['1', true], ['0', false]]);

/** Reads the rows of a sequencing summary one line at a time, so an uploaded file is never held whole. */
export class SequencingSummaryReader {
  private header: string[] | null = null;
  private col = new Map<string, number>();
  private bc: number | undefined;
  private rows = 0;
  private readonly problems = new Problems();
  private readonly all = new Bucket();
  private barcodes: Map<string, Bucket> | null = null;

  constructor(private readonly field: string, private readonly maxReads: number) {}

  /** False once enough problems were found that reading on is pointless. */
  get wantsMore(): boolean {
    return this.problems.all.length < MAX_PROBLEMS && this.rows <= this.maxReads;
  }

  line(text: string, lineNo: number): void {
    if (!this.header) return this.readHeader(text);
    if (!text.trim()) return;
    this.rows += 1;
    if (this.rows > this.maxReads) {
      if (this.rows === this.maxReads + 1) this.problems.add(this.field, `has more than ${this.maxReads} reads; send a smaller sequencing summary`);
      return;
    }
    const cells = text.split('\t');
    const at = (name: string) => `line ${lineNo}, ${name}`;
    if (cells.length !== this.header.length) { this.problems.add(this.field, `line ${lineNo}: has ${cells.length} columns, the header has ${this.header.length}`); return; }
    const raw = (name: string) => cells[this.col.get(name)!]!;
    const length = Number(raw('sequence_length_template'));
    const q = Number(raw('mean_qscore_template'));
    const pass = PASS.get(raw('passes_filtering').trim().toUpperCase());
    if (!Number.isInteger(length) || length < 0 || length > 10_000_000) this.problems.add(this.field, `${at('sequence_length_template')}: "${raw('sequence_length_template')}" is not a read length (0-10000000)`);
    else if (!Number.isFinite(q) || q < 0 || q > 90) this.problems.add(this.field, `${at('mean_qscore_template')}: "${raw('mean_qscore_template')}" is not a Q score (0-90)`);
    else if (pass === undefined) this.problems.add(this.field, `${at('passes_filtering')}: "${raw('passes_filtering')}" is not TRUE or FALSE`);
    else this.count(cells, length, q, pass, at);
  }

  /** The totals, or every problem found, each naming its line and column. */
  result(): ReadTotals {
    if (!this.header) throw ValidationError.field(this.field, 'is empty');
    if (this.rows === 0 && !this.problems.any) this.problems.add(this.field, 'has a header but no reads');
    this.problems.throwIfAny();
    const totals = this.all.toYield();
    return {
      ...totals, passPercent: totals.readCount ? round((totals.passReadCount / totals.readCount) * 100, 2) : null,
      barcodes: this.barcodes && new Map([...this.barcodes].sort(([a], [b]) => a.localeCompare(b)).map(([k, b]) => [k, b.toYield()])),
    };
  }

  private readHeader(text: string): void {
    this.header = text.split('\t').map((c) => c.trim());
    this.col = new Map(this.header.map((c, i) => [c, i]));
    const missing = REQUIRED_COLUMNS.filter((c) => !this.col.has(c));
    if (missing.length) throw ValidationError.field(this.field, `line 1: the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} (is it a tab-separated sequencing_summary file?)`);
    this.bc = this.col.get('barcode_arrangement');
    this.barcodes = this.bc === undefined ? null : new Map();
  }

  private count(cells: string[], length: number, q: number, pass: boolean, at: (name: string) => string): void {
    const barcode = this.bc === undefined ? null : cells[this.bc]!.trim().toLowerCase();
    if (barcode !== null && !/^[a-z0-9_-]{1,30}$/.test(barcode)) { this.problems.add(this.field, `${at('barcode_arrangement')}: "${cells[this.bc!]}" is not a barcode name`); return; }
    this.all.add(length, q, pass);
    if (this.barcodes && barcode !== null) {
      if (!this.barcodes.has(barcode)) this.barcodes.set(barcode, new Bucket());
      this.barcodes.get(barcode)!.add(length, q, pass);
    }
  }
}

/**
 * Totals (and per-barcode yields, when the file has a barcode_arrangement column) of a sequencing
 * summary sent as text. Problems name the line and column: `line 12, mean_qscore_template: "abc" is not a Q score`.
 */
export function parseSequencingSummary(text: string, field = 'input.sequencingSummary'): ReadTotals {
  if (text.length > MAX_SEQUENCING_SUMMARY_CHARS) {
    throw ValidationError.field(field, `must be at most ${MAX_SEQUENCING_SUMMARY_CHARS} characters (got ${text.length}); send a smaller sequencing summary, or upload it (sequencingSummaryUpload)`);
  }
  const reader = new SequencingSummaryReader(field, MAX_SEQUENCING_SUMMARY_READS);
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length && reader.wantsMore; i++) reader.line(lines[i]!, i + 1);
  return reader.result();
}
