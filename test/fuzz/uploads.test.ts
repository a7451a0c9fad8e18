import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';
import { tinyPdf } from '../../subgraphs/ai/test/fixtures/tiny-pdf.js';
import { damaged, garbageBytes, nastyString } from './arbitraries.js';
import { RUNS, catchUnhandled, delta, fuzzOptions, readAnswer, replayable, serverErrors, settledFootprint, show } from './harness.js';

// Property-based fuzzing of GraphQL multipart uploads (subgraphs/files, through the gateway's
// multipart handling and its forwarding): uploadFile, uploadFiles and uploadFileVersion per the
// GraphQL multipart request spec, with the request itself broken in one way at a time (operations
// or map that are not JSON or of the wrong shape, a map naming missing parts or paths that are not
// files, extra and duplicated parts, parts out of order, framing cut short) and, either way,
// hostile contents: zero-byte and random files, names with path traversal, NUL and unicode, bytes
// of another kind than the one declared. Whatever is sent, the answer is a client error or stored
// files whose name is sanitised and whose type suits the kind, never a server error; a refused
// upload leaves no StoredFile, no FileVersion, no event and no blob on disk, and removes none.

const TABLES = ['files.stored_file', 'files.file_version', 'files.upload_ticket'] as const;
/** Types each kind accepts (schema.graphql's FileKind descriptions). */
const ACCEPTS: Record<string, string[]> = {
  GEL_IMAGE: ['image/png', 'image/jpeg', 'image/tiff'],
  QC_REPORT: ['application/pdf'],
  SAMPLE_SHEET: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/plain'],
  DELIVERY_MANIFEST: ['text/csv', 'text/plain', 'application/pdf'],
  QUOTE: ['application/pdf'],
  OTHER: ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
};
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from(tinyPdf({ text: 'QC report' }));

const filesDir = mkdtempSync(join(tmpdir(), 'fuzz-files-'));
let t: TestSystem;
let staff: TestUser;
let submitter: TestUser;
let ids: { submission: string; sample: string; otherLabSubmission: string; file: string };
let xlsx: Buffer;
let unhandled: ReturnType<typeof catchUnhandled>;

beforeAll(async () => {
  unhandled = catchUnhandled();
  t = await startTestSystem({ env: { EXPENSIVE_OPERATIONS_PER_MINUTE: '0', FILES_DIR: filesDir, FILES_MAX_FILES: '4', UPLOAD_MAX_FILES: '6' } });
  staff = await t.createUser('STAFF');
  submitter = await t.createUser('SUBMITTER', 'lab-a');
  const other = await t.createUser('SUBMITTER', 'lab-b');
  const submissionOf = async (token: string) => {
    const p = (await t.gql<any>(`mutation { createProject(input: { name: "Fuzzed uploads" }) { id } }`, {}, token)).data.createProject.id;
    return (await t.gql<any>(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p }, token)).data.createSubmission.id as string;
  };
  const submission = await submissionOf(submitter.token);
  const sample = (await t.gql<any>(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "U-1", sampleType: DNA }]) { id } }`, { s: submission }, submitter.token)).data.addSamples[0].id;
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Samples').addRow(['name', 'sample_type']);
  xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  ids = { submission, sample, otherLabSubmission: await submissionOf(other.token), file: '' };
  const first = await send(encode(wellFormed({ ...BASE, files: [{ content: PDF, filename: 'first.pdf', contentType: 'application/pdf', header: 'quoted' }] })), staff.token);
  ids.file = first.json.data.uploadFile.id;
}, 180_000);
afterAll(async () => {
  unhandled?.stop();
  await t?.stop();
  rmSync(filesDir, { recursive: true, force: true });
});

// ---- the request model -----------------------------------------------------------------------

interface FilePart { content: Buffer; filename: string | null; contentType: string | null; header: 'quoted' | 'extended' | 'raw' }
interface Plan {
  op: 'uploadFile' | 'uploadFiles' | 'uploadFileVersion' | 'notAnUpload';
  caller: 'staff' | 'submitter';
  attach: 'submission' | 'sample' | 'both' | 'neither' | 'otherLab' | 'unknown';
  kind: string;
  labId: string | null;
  comment: string | null;
  files: FilePart[];
}
const BASE: Plan = { op: 'uploadFile', caller: 'staff', attach: 'submission', kind: 'QC_REPORT', labId: 'lab-a', comment: null, files: [] };

/** How one request departs from the spec (or does not). */
type Breakage =
  | 'none' | 'operations not JSON' | 'operations null' | 'operations a batch' | 'operations without a query' | 'variables not an object'
  | 'map not JSON' | 'map an array' | 'map entry not an array' | 'map path to nothing' | 'map path not null' | 'map path into the prototype'
  | 'two parts on one path' | 'map names a missing part' | 'map empty' | 'extra parts' | 'a part twice' | 'files before map'
  | 'operations twice' | 'map before operations' | 'no final boundary' | 'cut short' | 'another boundary' | 'no boundary' | 'no preflight header';
const BREAKAGES: Breakage[] = [
  'operations not JSON', 'operations null', 'operations a batch', 'operations without a query', 'variables not an object',
  'map not JSON', 'map an array', 'map entry not an array', 'map path to nothing', 'map path not null', 'map path into the prototype',
  'two parts on one path', 'map names a missing part', 'map empty', 'extra parts', 'a part twice', 'files before map',
  'operations twice', 'map before operations', 'no final boundary', 'cut short', 'another boundary', 'no boundary', 'no preflight header',
];

const content: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom(PDF, PNG, Buffer.from('name,sample_type\nS-1,DNA\n'), Buffer.from('plain notes\n'), Buffer.alloc(0), Buffer.from('\u0000')),
  fc.constant(null).map(() => xlsx),
  garbageBytes,
  damaged(PDF),
);
const filename: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('report.pdf', 'gel.png', 'sheet.csv', 'notes.txt', 'book.xlsx', 'scan.jpg') },
  { weight: 3, arbitrary: fc.constantFrom('../../etc/passwd', '..\\..\\boot.ini', '/var/lib/x.pdf', 'a\u0000b.pdf', '𝕏💥.pdf', 'gpj.exe\u202Epdf', '...', '.htaccess',
    'CON', `${'x'.repeat(1000)}.pdf`, 'name "quoted".pdf', 'semi;colon.pdf', '%2e%2e%2fx.pdf', 'line\r\nbreak.pdf', '', '..', '/') },
  { weight: 1, arbitrary: nastyString.map((s) => s.slice(0, 400)) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const part: fc.Arbitrary<FilePart> = fc.record({
  content, filename,
  contentType: fc.constantFrom('application/pdf', 'image/png', 'text/csv', 'application/octet-stream', 'text/html', 'image/svg+xml', null, 'x/y; charset=nonsense'),
  header: fc.constantFrom('quoted', 'quoted', 'extended', 'raw'),
});
const plan: fc.Arbitrary<Plan> = fc.record({
  op: fc.constantFrom('uploadFile', 'uploadFile', 'uploadFiles', 'uploadFileVersion', 'notAnUpload'),
  caller: fc.constantFrom('staff', 'submitter'),
  attach: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('submission', 'sample') }, { weight: 1, arbitrary: fc.constantFrom('both', 'neither', 'otherLab', 'unknown') }),
  kind: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...Object.keys(ACCEPTS)) }, { weight: 1, arbitrary: fc.constantFrom('NOT_A_KIND', 'quote', '') }),
  labId: fc.oneof({ weight: 6, arbitrary: fc.constant('lab-a') }, { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.constant('lab-b'), nastyString.map((s) => s.slice(0, 300))) }),
  comment: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: nastyString.map((s) => s.slice(0, 1000)) }),
  files: fc.array(part, { minLength: 1, maxLength: 5 }),
}) as fc.Arbitrary<Plan>;

const DOCUMENTS: Record<Plan['op'], string> = {
  uploadFile: `mutation($f: Upload!, $a: AttachToInput!, $k: FileKind!, $l: String, $c: String) { uploadFile(file: $f, attachTo: $a, kind: $k, labId: $l, comment: $c) { id filename contentType kind currentVersion } }`,
  uploadFiles: `mutation($fs: [Upload!]!, $a: AttachToInput!, $k: FileKind!, $l: String, $c: String) { uploadFiles(files: $fs, attachTo: $a, kind: $k, labId: $l, comment: $c) { id filename contentType kind currentVersion } }`,
  uploadFileVersion: `mutation($id: ID!, $f: Upload!, $c: String) { uploadFileVersion(fileId: $id, file: $f, comment: $c) { id filename contentType kind currentVersion } }`,
  notAnUpload: `query { me { id } }`,
};

interface Field { name: string; value: string }
interface FileField { name: string; part: FilePart }
interface Request { what: string; fields: (Field | FileField)[]; boundary: string; framing: 'ok' | 'no final boundary' | 'cut short' | 'another boundary' | 'no boundary'; preflight: boolean; caller: Plan['caller']; plan: Plan; expectsFiles: number }

/** The spec's request for a plan: operations (uploads as null), map, then one part per file. */
function wellFormed(p: Plan): Request {
  const attachTo = { submission: { submissionId: ids.submission }, sample: { sampleId: ids.sample }, both: { submissionId: ids.submission, sampleId: ids.sample },
    neither: {}, otherLab: { submissionId: ids.otherLabSubmission }, unknown: { submissionId: '00000000-0000-4000-8000-000000000000' } }[p.attach];
  const files = p.op === 'uploadFiles' ? p.files : p.files.slice(0, 1);
  const paths = p.op === 'uploadFiles' ? files.map((_, i) => `variables.fs.${i}`) : ['variables.f'];
  const variables = p.op === 'uploadFiles' ? { fs: files.map(() => null), a: attachTo, k: p.kind, l: p.labId, c: p.comment }
    : p.op === 'uploadFileVersion' ? { id: ids.file, f: null, c: p.comment }
    : p.op === 'uploadFile' ? { f: null, a: attachTo, k: p.kind, l: p.labId, c: p.comment }
    : { f: null };
  const map = Object.fromEntries(paths.map((path, i) => [String(i), [path]]));
  return {
    what: `${p.op} as ${p.caller} of ${files.length} file(s) (${files.map((f) => `${show(f.filename, 40)}: ${f.content.length} bytes as ${f.contentType}`).join('; ')}), kind ${p.kind}, to ${p.attach}, lab ${show(p.labId, 20)}`,
    fields: [{ name: 'operations', value: JSON.stringify({ query: DOCUMENTS[p.op], variables }) }, { name: 'map', value: JSON.stringify(map) }, ...files.map((part, i) => ({ name: String(i), part }))],
    boundary: `----fuzz${randomBytes(8).toString('hex')}`, framing: 'ok', preflight: true, caller: p.caller, plan: p, expectsFiles: p.op === 'notAnUpload' ? 0 : files.length,
  };
}

/** The same request broken in one way. */
function broken(r: Request, how: Breakage): Request {
  const out: Request = { ...r, what: `${r.what}, ${how}`, fields: [...r.fields] };
  const ops = out.fields[0] as Field;
  const map = out.fields[1] as Field;
  const parsed = JSON.parse(ops.value);
  const paths: Record<string, string[]> = JSON.parse(map.value);
  const fileParts = out.fields.slice(2) as FileField[];
  switch (how) {
    case 'none': break;
    case 'operations not JSON': out.fields[0] = { ...ops, value: ops.value.slice(0, Math.floor(ops.value.length / 2)) }; break;
    case 'operations null': out.fields[0] = { ...ops, value: 'null' }; break;
    case 'operations a batch': {
      out.fields[0] = { ...ops, value: JSON.stringify([parsed, parsed]) };
      out.fields[1] = { ...map, value: JSON.stringify(Object.fromEntries(Object.entries(paths).map(([k, v]) => [k, v.map((path) => `0.${path}`)]))) };
      break;
    }
    case 'operations without a query': out.fields[0] = { ...ops, value: JSON.stringify({ variables: parsed.variables }) }; break;
    case 'variables not an object': out.fields[0] = { ...ops, value: JSON.stringify({ query: parsed.query, variables: 'f' }) }; break;
    case 'map not JSON': out.fields[1] = { ...map, value: '{"0": ["variables.f"' }; break;
    case 'map an array': out.fields[1] = { ...map, value: JSON.stringify(Object.values(paths)) }; break;
    case 'map entry not an array': out.fields[1] = { ...map, value: JSON.stringify(Object.fromEntries(Object.entries(paths).map(([k, v]) => [k, v[0]]))) }; break;
    case 'map path to nothing': out.fields[1] = { ...map, value: JSON.stringify({ ...paths, 0: ['variables.nothing.here'] }) }; break;
    case 'map path not null': out.fields[1] = { ...map, value: JSON.stringify({ ...paths, 0: ['query'] }) }; break;
    case 'map path into the prototype': out.fields[1] = { ...map, value: JSON.stringify({ ...paths, 0: ['variables.__proto__.polluted'] }) }; break;
    case 'two parts on one path': out.fields[1] = { ...map, value: JSON.stringify({ ...paths, 9: paths['0'] }) }; out.fields.push({ name: '9', part: fileParts[0]!.part }); break;
    case 'map names a missing part': out.fields.splice(2, 1); break;
    case 'map empty': out.fields[1] = { ...map, value: '{}' }; break;
    case 'extra parts': out.fields.push({ name: 'extra', part: fileParts[0]!.part }, { name: '77', part: { ...fileParts[0]!.part, content: PNG } }); break;
    case 'a part twice': out.fields.push({ name: fileParts[0]!.name, part: { ...fileParts[0]!.part, content: PNG, filename: 'second.png' } }); break;
    case 'files before map': out.fields = [ops, ...fileParts, map]; break;
    case 'operations twice': out.fields = [ops, { ...ops, value: JSON.stringify({ query: DOCUMENTS.notAnUpload }) }, map, ...fileParts]; break;
    case 'map before operations': out.fields = [map, ops, ...fileParts]; break;
    case 'no final boundary': case 'cut short': case 'another boundary': case 'no boundary': out.framing = how; break;
    case 'no preflight header': out.preflight = false; break;
  }
  return out;
}

/** The multipart/form-data body for a request, byte by byte (so that it can be broken). */
function encode(r: Request): { body: Buffer; contentType: string; preflight: boolean; caller: Plan['caller'] } {
  const chunks: Buffer[] = [];
  for (const field of r.fields) {
    chunks.push(Buffer.from(`--${r.boundary}\r\n`));
    if ('value' in field) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${field.name}"\r\n\r\n${field.value}\r\n`));
      continue;
    }
    const { part } = field;
    const name = part.filename === null ? '' : part.header === 'raw' ? `; filename="${part.filename}"`
      : part.header === 'extended' ? `; filename*=UTF-8''${encodeURIComponent(part.filename)}`
      : `; filename="${part.filename.replace(/(["\\])/g, '\\$1').replace(/[\r\n]/g, ' ')}"`;
    chunks.push(Buffer.from(`Content-Disposition: form-data; name="${field.name}"${name}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`, 'utf8'), part.content, Buffer.from('\r\n'));
  }
  if (r.framing !== 'no final boundary') chunks.push(Buffer.from(`--${r.boundary}--\r\n`));
  let body = Buffer.concat(chunks);
  if (r.framing === 'cut short') body = body.subarray(0, Math.floor(body.length * 0.6));
  const contentType = r.framing === 'no boundary' ? 'multipart/form-data' : `multipart/form-data; boundary=${r.framing === 'another boundary' ? 'not-the-one' : r.boundary}`;
  return { body, contentType, preflight: r.preflight, caller: r.caller };
}

async function send(req: ReturnType<typeof encode>, token: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST', body: req.body,
    headers: { 'content-type': req.contentType, authorization: `Bearer ${token}`, ...(req.preflight ? { 'apollo-require-preflight': 'true' } : {}) },
  });
  return readAnswer(res);
}

// ---- what is on disk -------------------------------------------------------------------------------

/** Every file under FILES_DIR, relative, with its size: blobs, staged uploads, partial writes. */
function blobs(dir = filesDir, prefix = ''): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of blobs(path, `${prefix}${entry.name}/`)) found.set(k, v);
    else found.set(`${prefix}${entry.name}`, statSync(path).size);
  }
  return found;
}
const sameBlobs = (a: Map<string, number>, b: Map<string, number>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

async function versionsOf(fileId: string): Promise<{ storage_key: string; byte_size: number }[]> {
  const conn = t.system.subgraphs.files!.orm.em.getConnection();
  return conn.execute(`select storage_key, byte_size from files.file_version where file_id = ? order by version`, [fileId]);
}

// ---- the property ----------------------------------------------------------------------------------

const request: fc.Arbitrary<Request> = fc.tuple(plan, fc.oneof({ weight: 3, arbitrary: fc.constant<Breakage>('none') }, { weight: 2, arbitrary: fc.constantFrom(...BREAKAGES) }))
  .map(([p, how]) => broken(wellFormed(p), how));

describe('fuzzed multipart uploads', () => {
  it('answer a client error or sanitised files of a suitable type; a refused upload leaves no record, event or blob', async () => {
    const failures: string[] = [];
    let stored = 0;
    let refused = 0;
    await fc.assert(fc.asyncProperty(request, async (r) => {
      const before = await settledFootprint(t, TABLES);
      const onDisk = blobs();
      const { status, json, text } = await send(encode(r), r.caller === 'staff' ? staff.token : submitter.token);
      const problems: string[] = [];
      if (status >= 500 || !json) problems.push(`HTTP ${status}: ${show(text)}`);
      const bad = serverErrors(json);
      if (bad.length) problems.push(bad.join('; '));
      const root = r.plan.op === 'notAnUpload' ? null : r.plan.op;
      const answered = root ? json?.data?.[root] : null;
      const files: any[] = answered ? (Array.isArray(answered) ? answered : [answered]) : [];
      const after = await settledFootprint(t, TABLES);
      const wrote = delta(before, after);
      if (!files.length) {
        refused++;
        if (Object.keys(wrote).length) problems.push(`nothing stored, yet wrote ${JSON.stringify(wrote)}`);
        if (!sameBlobs(onDisk, blobs())) problems.push(`nothing stored, yet the blobs changed: ${show([...blobs().keys()].filter((k) => !onDisk.has(k)))} added, ${show([...onDisk.keys()].filter((k) => !blobs().has(k)))} gone`);
      } else {
        stored += files.length;
        const newFiles = r.plan.op === 'uploadFileVersion' ? 0 : files.length;
        if ((wrote['files.stored_file'] ?? 0) !== newFiles || (wrote['files.file_version'] ?? 0) !== files.length) problems.push(`${files.length} file(s) answered but wrote ${JSON.stringify(wrote)}`);
        for (const f of files) {
          if (!/^[A-Za-z0-9._-]{1,255}$/.test(f.filename) || f.filename.startsWith('.')) problems.push(`stored under an unsafe name ${JSON.stringify(f.filename)}`);
          if (!ACCEPTS[f.kind]?.includes(f.contentType)) problems.push(`a ${f.kind} stored as ${f.contentType}`);
          const version = (await versionsOf(f.id)).at(-1);
          const size = version ? blobs().get(version.storage_key) : undefined;
          if (!version || size !== version.byte_size) problems.push(`file ${f.id}: version ${JSON.stringify(version)} has no blob of its size on disk (${size})`);
        }
      }
      if ([...blobs().keys()].some((k) => k.endsWith('.part'))) problems.push('a partial write was left behind');
      if (problems.length) failures.push(`${r.what} → ${status}: ${problems.join('; ')}`);
    }), fuzzOptions(2));
    expect(replayable(failures)).toEqual([]);
    expect(unhandled.errors).toEqual([]);
    expect(stored + refused).toBeGreaterThanOrEqual(RUNS * 2);
    // Still serving: an ordinary upload is stored.
    const after = await send(encode(wellFormed({ ...BASE, caller: 'submitter', files: [{ content: PNG, filename: 'after.png', contentType: 'image/png', header: 'quoted' }], kind: 'GEL_IMAGE' })), submitter.token);
    expect(after.json?.data?.uploadFile).toMatchObject({ filename: 'after.png', contentType: 'image/png', kind: 'GEL_IMAGE' });
  }, 600_000);
});
