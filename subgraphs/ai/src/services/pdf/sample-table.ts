import { CONTROL_NAMES, SAMPLE_TABLE_ANCHOR, SECTION_LABELS, questionsOf, type FormKind } from './form-spec.js';
import { centerY, toArray, union, width, type Box } from './geometry.js';
import { findLabel, norm, type Line, type Phrase } from './layout.js';
import type { DraftSample } from './draft.js';

type Role = 'number' | 'sampleName' | 'volume' | 'qubitConc' | 'nanodropConc' | 'a260_280' | 'a260_230' | 'other';

interface Column { role: Role; x0: number; x1: number; unit: string | null; header: string }

/** What a header cell names; subscripts split "A260/A280" into "A /A ratio" + "260 280", so digits decide. */
function roleOf(header: string): Role {
  const h = norm(header);
  if (/^(#|no\.?|row)$/.test(h)) return 'number';
  if (h.includes('samplename') || h === 'sample' || h === 'name') return 'sampleName';
  if (h.startsWith('vol')) return 'volume';
  if (h.includes('qubit')) return 'qubitConc';
  if (h.includes('nanodrop')) return 'nanodropConc';
  if (h.includes('280')) return 'a260_280';
  if (h.includes('230')) return 'a260_230';
  return 'other';
}

/** The unit in a header's parentheses, with the Greek mu pdfjs decodes written as the micro sign the form prints. */
const unitOf = (header: string) => header.match(/\(([^)]*)\)/)?.[1]?.replace(/\s+/g, '').replace(/\u03bc/g, '\u00b5') ?? null;
const isRowNumber = (p: Phrase) => /^\d{1,4}$/.test(p.text);

/** Words a header cell is made of (subscripts, units and wrapped halves included). */
const HEADER_TOKEN = /^(a\d{3}\/a\d{3}|#|no\.?|sample|name|volume|vol\.?|qubit|nanodrop|conc\.?|concentration|ratio|a?\d{3}|\/a\d*|a|\/|\(.*\)?|.*\)|ng\/.*|[µμ]l\)?)$/i;
const isHeaderLine = (line: Line) => line.phrases.every((p) => p.text.split(/\s+/).every((t) => HEADER_TOKEN.test(t)));

/** Column starts: header phrases clustered by left edge (cells are left-aligned; vertical centring varies). */
function columnStarts(band: Phrase[]): number[] {
  const xs = band.map((p) => p.x0).sort((a, b) => a - b);
  const starts: number[] = [];
  for (const x of xs) if (!starts.length || x - starts.at(-1)! > 4) starts.push(x);
  return starts;
}

/** The header band right after the anchor: consecutive header-like lines, read into typed columns. */
function headerBand(lines: Line[], start: number): { columns: Column[]; end: number } | null {
  let end = start;
  while (end < lines.length && end - start < 6 && lines[end]!.page === lines[start]?.page && isHeaderLine(lines[end]!)) end++;
  const band = lines.slice(start, end).flatMap((l) => l.phrases);
  if (!band.length) return null;
  const starts = columnStarts(band);
  const columns = starts.map((x0, i): Column => {
    const x1 = starts[i + 1] ? starts[i + 1]! - 2 : Infinity;
    const parts = band.filter((p) => p.x0 >= x0 - 2 && p.x0 < x1).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    const header = parts.map((p) => p.text).join(' ').replace(/\/ /g, '/');
    return { role: roleOf(header), x0: x0 - 2, x1, unit: unitOf(header), header };
  });
  const roles = new Set(columns.map((c) => c.role));
  // A sample table names samples and measures something (domain.md §5.6): otherwise it is another table.
  if (!roles.has('sampleName') || !['volume', 'qubitConc', 'nanodropConc'].some((r) => roles.has(r as Role))) return null;
  if (columns[0]!.role !== 'number') columns[0]!.role = 'number';
  return { columns, end };
}

const isHeaderRepeat = (line: Line) => isHeaderLine(line) && !isRowNumber(line.phrases[0]!);

interface RawRow { number: Phrase; cells: Map<Role, Phrase[]>; boxes: Box[] }

function cellOf(columns: Column[], p: Phrase): Column | undefined {
  return columns.find((c) => p.x0 >= c.x0 && p.x0 < c.x1);
}

/** Joins a wrapped cell's lines: no space when the break was forced mid-word (the line ran to the cell edge). */
function joinWrapped(parts: Phrase[], column: Column): string {
  const widest = Math.max(...parts.map((p) => p.x1));
  return parts.reduce((text, p, i) => {
    if (i === 0) return p.text;
    const prev = parts[i - 1]!;
    const charWidth = width(prev) / Math.max(1, prev.text.length);
    const full = Number.isFinite(column.x1) ? prev.x1 > column.x1 - 4 - 1.6 * charWidth - 4 : prev.x1 >= widest - charWidth;
    return text + (full && !prev.text.endsWith(' ') ? '' : ' ') + p.text;
  }, '');
}

const numeric = /^-?\d+(\.\d+)?$/;

function toSample(row: RawRow, columns: Column[]): DraftSample | null {
  const text = (role: Role) => {
    const parts = (row.cells.get(role) ?? []).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    const column = columns.find((c) => c.role === role);
    return parts.length && column ? joinWrapped(parts, column) : null;
  };
  const unit = (role: Role) => columns.find((c) => c.role === role)?.unit ?? null;
  const name = text('sampleName');
  const measures = { volume: text('volume'), qubitConc: text('qubitConc'), nanodropConc: text('nanodropConc'), a260_280: text('a260_280'), a260_230: text('a260_230') };
  if (!name && Object.values(measures).every((v) => v === null)) return null;
  const odd = Object.entries(measures).filter(([, v]) => v !== null && !numeric.test(v)).map(([k]) => k);
  const warning = !name ? 'Row has values but no sample name' : odd.length ? `Not a number: ${odd.join(', ')}` : null;
  return {
    sampleNumber: row.number.text, sampleName: name ?? '', ...measures,
    volumeUnit: measures.volume === null ? null : unit('volume'), qubitUnit: measures.qubitConc === null ? null : unit('qubitConc'),
    nanodropUnit: measures.nanodropConc === null ? null : unit('nanodropConc'),
    isControl: !!name && CONTROL_NAMES.test(name.trim()), confidence: warning ? 0.5 : 0.98,
    page: row.number.page, bbox: toArray(union(row.boxes)), warning,
  };
}

/** Labels that end the table: the form's sections and questions. */
function stopLabels(kind: FormKind): string[] {
  return [...SECTION_LABELS, ...questionsOf(kind).map((q) => q.label)].map(norm);
}

/**
 * The sample table, read by position: anchored after "Sample Information:", header columns from
 * the header band (repeated headers on later pages skipped), one row per printed row number, a
 * wrapped cell's lines given to the row whose number is vertically nearest, stopping at the next
 * section. Rows with only a number are dropped; controls are flagged.
 */
export function readSampleTable(kind: FormKind, lines: Line[]): { samples: DraftSample[]; warning: string | null } {
  const anchor = findLabel(lines, SAMPLE_TABLE_ANCHOR);
  if (!anchor) return { samples: [], warning: `"${SAMPLE_TABLE_ANCHOR}" not found` };
  const band = headerBand(lines, anchor.line.index + 1);
  if (!band) return { samples: [], warning: 'No sample table (with a sample name and a measurement column) follows "Sample Information:"' };
  const { columns } = band;
  const stops = stopLabels(kind);
  const rows: RawRow[] = [];
  const loose: Phrase[] = [];
  for (let i = band.end; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.phrases.some((p) => stops.some((s) => norm(p.text).startsWith(s)))) break;
    // The header repeats on each page: its lines are skipped.
    if (isHeaderRepeat(line)) continue;
    if (line.phrases[0]!.x0 < columns[0]!.x0 - 1) break;
    for (const p of line.phrases) {
      const column = cellOf(columns, p);
      if (!column) continue;
      if (column.role === 'number' && isRowNumber(p)) rows.push({ number: p, cells: new Map(), boxes: [p] });
      else loose.push(p);
    }
  }
  for (const p of loose) {
    const row = nearestRow(rows, p);
    const role = cellOf(columns, p)!.role;
    if (!row || role === 'number') continue;
    row.cells.set(role, [...(row.cells.get(role) ?? []), p]);
    row.boxes.push(p);
  }
  const samples = rows.map((r) => toSample(r, columns)).filter((s): s is DraftSample => s !== null);
  return { samples, warning: samples.length ? null : 'The sample table has no rows' };
}

/** The row on the same page whose number is vertically nearest (cells are centred in tall rows). */
function nearestRow(rows: RawRow[], p: Phrase): RawRow | undefined {
  let best: RawRow | undefined;
  let distance = Infinity;
  for (const row of rows) {
    if (row.number.page !== p.page) continue;
    const d = Math.abs(centerY(row.number) - centerY(p));
    if (d < distance) { best = row; distance = d; }
  }
  return best;
}
