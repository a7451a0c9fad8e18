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

/**
 * Totals (and per-barcode yields, when the file has a barcode_arrangement column) of a sequencing
 * summary. Problems name the line and column: `line 12, mean_qscore_template: "abc" is not a number`.
 */
export function parseSequencingSummary(text: string, field = 'input.sequencingSummary'): ReadTotals {
  if (text.length > MAX_SEQUENCING_SUMMARY_CHARS) {
    throw ValidationError.field(field, `must be at most ${MAX_SEQUENCING_SUMMARY_CHARS} characters (got ${text.length}); send a smaller sequencing summary`);
  }
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((c) => c.trim());
  const col = new Map(header.map((c, i) => [c, i]));
  const missing = REQUIRED_COLUMNS.filter((c) => !col.has(c));
  if (missing.length) throw ValidationError.field(field, `line 1: the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} (is it a tab-separated sequencing_summary file?)`);
  const bc = col.get('barcode_arrangement');
  const problems = new Problems();
  const all = new Bucket();
  const barcodes = bc === undefined ? null : new Map<string, Bucket>();
  let rows = 0;
  for (let i = 1; i < lines.length && problems.all.length < MAX_PROBLEMS; i++) {
    if (!lines[i]!.trim()) continue;
    rows += 1;
    if (rows > MAX_SEQUENCING_SUMMARY_READS) { problems.add(field, `has more than ${MAX_SEQUENCING_SUMMARY_READS} reads; send a smaller sequencing summary`); break; }
    const cells = lines[i]!.split('\t');
    const at = (name: string) => `line ${i + 1}, ${name}`;
    if (cells.length !== header.length) { problems.add(field, `line ${i + 1}: has ${cells.length} columns, the header has ${header.length}`); continue; }
    const length = Number(cells[col.get('sequence_length_template')!]);
    const q = Number(cells[col.get('mean_qscore_template')!]);
    const pass = PASS.get(cells[col.get('passes_filtering')!]!.trim().toUpperCase());
    if (!Number.isInteger(length) || length < 0 || length > 10_000_000) problems.add(field, `${at('sequence_length_template')}: "${cells[col.get('sequence_length_template')!]}" is not a read length (0-10000000)`);
    else if (!Number.isFinite(q) || q < 0 || q > 90) problems.add(field, `${at('mean_qscore_template')}: "${cells[col.get('mean_qscore_template')!]}" is not a Q score (0-90)`);
    else if (pass === undefined) problems.add(field, `${at('passes_filtering')}: "${cells[col.get('passes_filtering')!]}" is not TRUE or FALSE`);
    else {
      const barcode = bc === undefined ? null : cells[bc]!.trim().toLowerCase();
      if (barcode !== null && !/^[a-z0-9_-]{1,30}$/.test(barcode)) { problems.add(field, `${at('barcode_arrangement')}: "${cells[bc!]}" is not a barcode name`); continue; }
      all.add(length, q, pass);
      if (barcodes && barcode !== null) {
        if (!barcodes.has(barcode)) barcodes.set(barcode, new Bucket());
        barcodes.get(barcode)!.add(length, q, pass);
      }
    }
  }
  if (rows === 0 && !problems.any) problems.add(field, 'has a header but no reads');
  problems.throwIfAny();
  const totals = all.toYield();
  return {
    ...totals, passPercent: totals.readCount ? round((totals.passReadCount / totals.readCount) * 100, 2) : null,
    barcodes: barcodes && new Map([...barcodes].sort(([a], [b]) => a.localeCompare(b)).map(([k, b]) => [k, b.toYield()])),
  };
}
