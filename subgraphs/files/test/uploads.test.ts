import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectEvents, startTestSubgraph, userPrincipal, waitFor, type CollectedEvents, type TestSubgraph } from '@app/testing';
import { filesSubgraph } from '../src/server.js';
import { UrlSigner } from '../src/services/url-signer.js';
import { blobKey, type FileStorage } from '../src/storage/index.js';
import { LocalDiskStorage } from '../src/storage/local-disk.js';
import { S3Storage } from '../src/storage/s3.js';
import { multipart, pdf, rawMultipart, sha } from './helpers.js';
import { startTestS3, type TestS3 } from './support/s3.js';

const staff = userPrincipal('STAFF');
const admin = userPrincipal('ADMIN');
const submitter = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const colleague = userPrincipal('SUBMITTER', { labId: 'lab-a' });

const UPLOAD = `mutation($file: Upload!, $to: AttachToInput!, $kind: FileKind!, $lab: String) {
  uploadFile(file: $file, attachTo: $to, kind: $kind, labId: $lab) { id currentVersion sha256 versions { version storageKey } } }`;
const MANY = `mutation($files: [Upload!]!, $to: AttachToInput!) { uploadFiles(files: $files, attachTo: $to, kind: QUOTE) { id } }`;
const VERSION = `mutation($id: ID!, $file: Upload!) { uploadFileVersion(fileId: $id, file: $file, comment: "v") { currentVersion versions { version sha256 } } }`;
const REQUEST_LIMIT = 20_000;
const ATTACHMENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Submission { attachments { id } } } }`;

/** The multipart path, on each storage adapter. */
describe.each(['local', 's3'] as const)('multipart uploads on %s storage', (storageKind) => {
  let sg: TestSubgraph;
  let dir: string;
  let s3: TestS3 | null = null;
  let clock = Date.now();
  let events: CollectedEvents;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'files-uploads-'));
    s3 = storageKind === 's3' ? await startTestS3() : null;
    const storageEnv: Record<string, string> = s3
      ? { FILES_STORAGE: 's3', FILES_S3_BUCKET: s3.bucket, FILES_S3_ENDPOINT: s3.endpoint, FILES_S3_FORCE_PATH_STYLE: 'true', FILES_S3_ACCESS_KEY_ID: s3.accessKeyId, FILES_S3_SECRET_ACCESS_KEY: s3.secretAccessKey, FILES_S3_PREFIX: 'lims/' }
      : { FILES_DIR: dir };
    sg = await startTestSubgraph(filesSubgraph, { env: { ...storageEnv, FILES_MAX_FILES: '3', FILES_MAX_REQUEST_BYTES: String(REQUEST_LIMIT), FILES_PURGE_AFTER_DAYS: '30' }, now: () => new Date(clock) });
    store = s3
      ? new S3Storage({ bucket: s3.bucket, region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, prefix: 'lims/', credentials: s3 })
      : await LocalDiskStorage.open(dir);
    events = await collectEvents(sg.bus);
  });
  afterAll(async () => {
    await events?.close();
    await sg?.stop();
    if (store instanceof S3Storage) store.close();
    await s3?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** The same storage the subgraph writes to, opened by the test to look at what is kept. */
  let store: FileStorage;
  const storage = () => store;

  it('stores equal bytes once (content addressing) and numbers new versions', async () => {
    const bytes = pdf();
    const to = { submissionId: randomUUID() };
    const a = (await multipart(sg, UPLOAD, { file: null, to, kind: 'QUOTE', lab: 'lab-a' }, ['file'], [{ name: 'quote.pdf', bytes }], staff)).body.data.uploadFile;
    const b = (await multipart(sg, UPLOAD, { file: null, to, kind: 'QUOTE' }, ['file'], [{ name: 'copy.pdf', bytes }], submitter)).body.data.uploadFile;
    expect(a.versions[0].storageKey).toBe(blobKey(sha(bytes)));
    expect(b.versions[0].storageKey).toBe(a.versions[0].storageKey);
    const next = pdf();
    const v2 = await multipart(sg, VERSION, { id: a.id, file: null }, ['file'], [{ name: 'quote-2.pdf', bytes: next }], colleague);
    expect(v2.body.data.uploadFileVersion).toEqual({ currentVersion: 2, versions: [{ version: 2, sha256: sha(next) }, { version: 1, sha256: sha(bytes) }] });
    await waitFor(() => events.find((e) => e.type === 'FileVersionAdded' && e.subject.id === a.id), { what: 'FileVersionAdded' });
    expect(await storage().size(blobKey(sha(bytes)))).toBe(bytes.length);
  });

  it('stores all files of a request or none, and removes the bytes of a refused request', async () => {
    const to = { submissionId: randomUUID() };
    const good = pdf();
    const res = await multipart(sg, MANY, { files: [null, null], to }, ['files.0', 'files.1'], [{ name: 'q.pdf', bytes: good }, { name: 'q2.pdf', bytes: 'not a pdf' }], submitter);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files.1' });
    expect((await sg.call(ATTACHMENTS, { r: [{ __typename: 'Submission', id: to.submissionId }] }, staff)).data!._entities).toEqual([{ attachments: [] }]);
    expect(await storage().size(blobKey(sha(good)))).toBeNull();
    const tooMany = await multipart(sg, MANY, { files: [null, null, null, null], to }, ['files.0', 'files.1', 'files.2', 'files.3'], [1, 2, 3, 4].map(() => ({ name: 'q.pdf', bytes: pdf() })), submitter);
    expect(tooMany.status).toBe(413);
  });

  it('bounds the files of one request together by FILES_MAX_REQUEST_BYTES, storing nothing of a request over it', async () => {
    const to = { submissionId: randomUUID() };
    const parts = [pdf(8_000), pdf(8_000), pdf(8_000)]; // each well under FILES_MAX_BYTES, together over the request's limit
    const res = await multipart(sg, MANY, { files: [null, null, null], to }, ['files.0', 'files.1', 'files.2'], parts.map((bytes, i) => ({ name: `q${i}.pdf`, bytes })), submitter);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files' });
    expect(res.body.errors[0].message).toContain(`together are larger than ${REQUEST_LIMIT} bytes, the most one request may carry (FILES_MAX_REQUEST_BYTES); files.2 went over it`);
    expect(res.body.data).toBeNull();
    // No file or version row, no blob (the first two had been written), no event.
    expect((await sg.call(ATTACHMENTS, { r: [{ __typename: 'Submission', id: to.submissionId }] }, staff)).data!._entities).toEqual([{ attachments: [] }]);
    for (const bytes of parts) expect(await storage().size(blobKey(sha(bytes)))).toBeNull();

    const alone = await multipart(sg, UPLOAD, { file: null, to, kind: 'QUOTE' }, ['file'], [{ name: 'big.pdf', bytes: pdf(REQUEST_LIMIT) }], submitter);
    expect(alone.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(alone.body.errors[0].message).toContain(`is larger than ${REQUEST_LIMIT} bytes, the most one request may carry (FILES_MAX_REQUEST_BYTES)`);

    // Every upload field of one request draws on the same total; each field commits on its own, so the first keeps its file.
    const two = `mutation($a: Upload!, $b: Upload!, $to: AttachToInput!) {
      a: uploadFile(file: $a, attachTo: $to, kind: QUOTE) { id } b: uploadFile(file: $b, attachTo: $to, kind: QUOTE) { id } }`;
    const other = randomUUID();
    const aliased = await multipart(sg, two, { a: null, b: null, to: { submissionId: other } }, ['a', 'b'], [{ name: 'a.pdf', bytes: parts[0]! }, { name: 'b.pdf', bytes: pdf(REQUEST_LIMIT - 8_000) }], submitter);
    expect(aliased.body.errors[0]).toMatchObject({ path: ['b'], extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
    expect(aliased.body.errors[0].message).toContain(`is larger than ${REQUEST_LIMIT} bytes, the most one request may carry (FILES_MAX_REQUEST_BYTES)`);
    expect(aliased.body.data).toBeNull(); // b is non-null, so its error nulls the whole answer; a was stored all the same
    const kept = (await sg.call(ATTACHMENTS, { r: [{ __typename: 'Submission', id: other }] }, staff)).data!._entities as { attachments: { id: string }[] }[];
    expect(kept[0]!.attachments).toHaveLength(1);
    await sg.call(`mutation($id: ID!) { deleteFile(id: $id) { id } }`, { id: kept[0]!.attachments[0]!.id }, staff);

    // Within the limit the same request shape goes through, and the subgraph still answers.
    const fits = await multipart(sg, MANY, { files: [null, null], to }, ['files.0', 'files.1'], parts.slice(0, 2).map((bytes, i) => ({ name: `q${i}.pdf`, bytes })), submitter);
    expect(fits.body.data.uploadFiles).toHaveLength(2);
    expect(await storage().size(blobKey(sha(parts[0]!)))).toBe(parts[0]!.length);
    // The outbox is relayed in order, so once the fitting request's two events are in, any of the refused ones would be too.
    const uploaded = () => events.filter((e) => e.type === 'FileUploaded' && e.subject.submissionId === to.submissionId);
    await waitFor(() => uploaded().length >= 2 || null, { what: 'two FileUploaded' });
    expect(uploaded()).toHaveLength(2);
  });

  it('purges a deleted file\'s bytes only for admins and only after FILES_PURGE_AFTER_DAYS, keeping the record', async () => {
    const bytes = pdf();
    const file = (await multipart(sg, UPLOAD, { file: null, to: { sampleId: randomUUID() }, kind: 'QC_REPORT' }, ['file'], [{ name: 'qc.pdf', bytes }], submitter)).body.data.uploadFile;
    const purge = `mutation($id: ID!) { purgeFile(id: $id) { id purgedAt deleted sha256 downloadUrl } }`;
    expect((await sg.call(purge, { id: file.id }, admin)).errors![0]!.extensions!.code).toBe('INVALID_TRANSITION');
    await sg.call(`mutation($id: ID!) { deleteFile(id: $id) { id } }`, { id: file.id }, submitter);
    const early = await sg.call(purge, { id: file.id }, admin);
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'INVALID_TRANSITION', purgeableFrom: expect.any(String) });
    expect((await sg.call(purge, { id: file.id }, staff)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    clock += 31 * 86_400_000;
    try {
      const done = await sg.call(purge, { id: file.id }, admin);
      expect(done.data!.purgeFile).toMatchObject({ id: file.id, deleted: true, sha256: sha(bytes), downloadUrl: null, purgedAt: expect.any(String) });
    } finally {
      clock = Date.now();
    }
    expect(await storage().size(blobKey(sha(bytes)))).toBeNull();
    await waitFor(() => events.find((e) => e.type === 'FilePurged' && e.subject.id === file.id), { what: 'FilePurged' });
  });

  // Found by test/fuzz/uploads.test.ts: a file part the sender broke, or never sent, answered INTERNAL_SERVER_ERROR.
  it('answers a file part with a broken header, or one the map names but the request lacks, as a client error and keeps nothing', async () => {
    const to = { submissionId: randomUUID() };
    const operations = { headers: 'Content-Disposition: form-data; name="operations"', body: JSON.stringify({ query: UPLOAD, variables: { file: null, to, kind: 'OTHER' } }) };
    const map = { headers: 'Content-Disposition: form-data; name="map"', body: JSON.stringify({ 0: ['variables.file'] }) };
    const broken = await rawMultipart(sg, [operations, map, { headers: 'Content-Disposition: form-data; name="0"; filename="a\u0000b.txt"\r\nContent-Type: text/plain', body: 'notes\n' }], submitter);
    const missing = await rawMultipart(sg, [operations, map], submitter);
    for (const res of [broken, missing]) {
      expect(res.status).toBe(200);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      expect(res.body.errors[0].message).toMatch(/did not arrive/);
    }
    expect((await sg.call(ATTACHMENTS, { r: [{ __typename: 'Submission', id: to.submissionId }] }, staff)).data!._entities).toEqual([{ attachments: [] }]);
  });

  it('needs the gateway\'s token before parsing, and the preflight header', async () => {
    const res = await fetch(`${sg.running.url}/graphql`, { method: 'POST', body: new FormData(), headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(401);
    const noPreflight = await multipart(sg, UPLOAD, { file: null, to: { sampleId: randomUUID() }, kind: 'OTHER' }, ['file'], [{ name: 'a.txt', bytes: 'a' }], submitter, false);
    expect(noPreflight.status).toBe(400);
  });
});

/** clamd configured but unreachable: versions wait in quarantine, and nothing is served meanwhile. */
describe('multipart uploads while clamd is unreachable', () => {
  let sg: TestSubgraph;
  let dir: string;
  const secret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'files-noclamd-'));
    sg = await startTestSubgraph(filesSubgraph, { env: { FILES_DIR: dir, CLAMD_URL: 'tcp://127.0.0.1:1', FILES_SCAN_RETRY_MS: '100', FILES_SCAN_TIMEOUT_MS: '500', FILES_SIGNING_SECRET: secret } });
  });
  afterAll(async () => {
    await sg?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the version QUARANTINED, signs no URL and refuses a signed one with 409', async () => {
    const res = await multipart(sg, `mutation($file: Upload!) { uploadFile(file: $file, attachTo: { sampleId: "${randomUUID()}" }, kind: OTHER) { id scanStatus downloadUrl versions { downloadUrl } } }`,
      { file: null }, ['file'], [{ name: 'notes.txt', bytes: 'waiting for a verdict\n' }], submitter);
    const file = res.body.data.uploadFile;
    expect(file).toMatchObject({ scanStatus: 'QUARANTINED', downloadUrl: null, versions: [{ downloadUrl: null }] });
    await new Promise((r) => setTimeout(r, 700)); // several retries have failed by now
    const again = await sg.call(`query($id: ID!) { file(id: $id) { scanStatus } }`, { id: file.id }, submitter);
    expect(again.data!.file.scanStatus).toBe('QUARANTINED');
    const url = new UrlSigner(secret, '').downloadUrl(file.id, 1, new Date(Date.now() + 60_000));
    const refused = await fetch(`${sg.running.url}${url}`);
    expect(refused.status).toBe(409);
    expect((await refused.json() as { error: { code: string } }).error.code).toBe('QUARANTINED');
  });
});
