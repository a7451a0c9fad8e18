import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { curlMultipart, waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';
import { UrlSigner } from '../src/services/url-signer.js';
import { pdf, png, sha } from './helpers.js';
import { EICAR, startTestClamd, type TestClamd } from './support/clamd.js';

const SECRET = randomBytes(32).toString('hex');
let t: TestSystem;
let clamd: TestClamd;
let dir: string;
let staff: TestUser;
let submitterA: TestUser;
let submitterB: TestUser;


async function file(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(dir, `${randomUUID()}-${name}`);
  await writeFile(path, bytes);
  return path;
}

const UPLOAD = `#graphql
  mutation($file: Upload!, $to: AttachToInput!, $kind: FileKind!, $lab: String, $comment: String) {
    uploadFile(file: $file, attachTo: $to, kind: $kind, labId: $lab, comment: $comment) { id filename contentType byteSize sha256 currentVersion scanStatus labId kind }
  }`;
const VERSION = `#graphql
  mutation($id: ID!, $file: Upload!, $comment: String) { uploadFileVersion(fileId: $id, file: $file, comment: $comment) { id currentVersion sha256 byteSize } }`;
const FILE = `#graphql
  query($id: ID!) { file(id: $id) { id scanStatus downloadUrl currentVersion versions { version sha256 byteSize comment scanStatus scanSignature downloadUrl createdBy } } }`;

const upload = (token: string, path: string, variables: Record<string, unknown>, filename?: string) =>
  curlMultipart(`${t.url}/graphql`, { query: UPLOAD, variables: { file: null, ...variables }, paths: ['file'], files: [{ path, filename }], token });

async function scanned(id: string, token: string, version: number): Promise<any> {
  return waitFor(async () => {
    const f = (await t.gql(FILE, { id }, token)).data?.file;
    const v = f?.versions.find((x: { version: number }) => x.version === version);
    return v && v.scanStatus !== 'QUARANTINED' ? f : null;
  }, { what: `the scan of version ${version}`, timeoutMs: 20_000 });
}

/** Fetches a download through the gateway's /files proxy (the URL's path is relative to the gateway). */
const download = (url: string, headers: Record<string, string> = {}) => fetch(`${t.url}${new URL(url, t.url).pathname}${new URL(url, t.url).search}`, { headers });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-uploads-'));
  clamd = await startTestClamd();
  t = await startTestSystem({ env: {
    CLAMD_URL: clamd.tcpUrl, FILES_SIGNING_SECRET: SECRET, FILES_MAX_BYTES: String(8 * 1024 * 1024), FILES_SCAN_RETRY_MS: '500',
    // Below the gateway's request limit, so a request the gateway lets through can still be over files' total.
    FILES_MAX_REQUEST_BYTES: String(10 * 1024 * 1024),
    UPLOAD_MAX_FILE_BYTES: String(8 * 1024 * 1024), UPLOAD_MAX_REQUEST_BYTES: String(12 * 1024 * 1024), UPLOAD_MAX_FILES: '3',
  } });
  [staff, submitterA, submitterB] = await Promise.all([t.createUser('STAFF'), t.createUser('SUBMITTER', 'lab-a'), t.createUser('SUBMITTER', 'lab-b')]);
}, 120_000);
afterAll(async () => {
  await t?.stop();
  await clamd?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('uploads through the gateway (GraphQL multipart, curl)', () => {
  it('stores two versions as STAFF, scans them clean, and serves both by signed URL with Range; other labs see nothing', async () => {
    const v1 = pdf(3 * 1024 * 1024);
    const v2 = pdf(2 * 1024 * 1024 + 7);
    const sampleId = randomUUID();
    const first = await upload(staff.token, await file('qc.pdf', v1), { to: { sampleId }, kind: 'QC_REPORT', lab: 'lab-a', comment: 'first run' });
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const created = first.body.data.uploadFile;
    expect(created).toMatchObject({ filename: expect.stringMatching(/qc\.pdf$/), contentType: 'application/pdf', byteSize: v1.length, sha256: sha(v1), currentVersion: 1, scanStatus: 'QUARANTINED', labId: 'lab-a', kind: 'QC_REPORT' });
    const second = await curlMultipart(`${t.url}/graphql`, { query: VERSION, variables: { id: created.id, file: null, comment: 'rerun' }, paths: ['file'], files: [{ path: await file('qc-v2.pdf', v2) }], token: staff.token });
    expect(second.body.data.uploadFileVersion).toMatchObject({ id: created.id, currentVersion: 2, sha256: sha(v2), byteSize: v2.length });

    await scanned(created.id, staff.token, 1);
    const after = await scanned(created.id, staff.token, 2);
    expect(after.versions.map((v: any) => [v.version, v.scanStatus, v.sha256, v.comment, v.createdBy])).toEqual([
      [2, 'CLEAN', sha(v2), 'rerun', staff.id], [1, 'CLEAN', sha(v1), 'first run', staff.id],
    ]);
    for (const [version, bytes] of [[after.versions[1], v1], [after.versions[0], v2]] as const) {
      const whole = await download(version.downloadUrl);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('content-type')).toBe('application/pdf');
      expect(whole.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.pdf"$/);
      expect(sha(Buffer.from(await whole.arrayBuffer()))).toBe(sha(bytes));
      const part = await download(version.downloadUrl, { range: 'bytes=1000000-1999999' });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 1000000-1999999/${bytes.length}`);
      expect(sha(Buffer.from(await part.arrayBuffer()))).toBe(sha(bytes.subarray(1_000_000, 2_000_000)));
      const tail = await download(version.downloadUrl, { range: `bytes=${bytes.length}-` });
      expect(tail.status).toBe(416);
    }
    expect(after.downloadUrl).toContain(`v=2`);

    // Another lab's submitter can neither see (so sign) the file nor add to it; a forged URL is refused.
    expect((await t.gql(FILE, { id: created.id }, submitterB.token)).data!.file).toBeNull();
    const theirs = await curlMultipart(`${t.url}/graphql`, { query: VERSION, variables: { id: created.id, file: null }, paths: ['file'], files: [{ path: await file('x.pdf', pdf(10)) }], token: submitterB.token });
    expect(theirs.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await download(after.downloadUrl.replace(/sig=[\w-]+/, 'sig=forged'))).status).toBe(403);
    // The same lab's submitter may read it.
    expect((await t.gql(FILE, { id: created.id }, submitterA.token)).data!.file.id).toBe(created.id);

    const audit = await waitFor(async () => {
      const res = await t.gql(`query($f: AuditEntryFilter) { auditEntries(filter: $f) { edges { node { type } } } }`, { f: { subjectId: created.id } }, t.admin.token);
      const types = (res.data?.auditEntries.edges ?? []).map((e: any) => e.node.type).sort();
      return types.length >= 4 ? types : null;
    }, { what: 'audit entries of the file', timeoutMs: 20_000 });
    expect(audit).toEqual(['FileScanned', 'FileScanned', 'FileUploaded', 'FileVersionAdded']);
  });

  it('quarantines EICAR for good and never serves it, even with a valid signature', async () => {
    const res = await upload(submitterA.token, await file('notes.txt', EICAR), { to: { submissionId: randomUUID() }, kind: 'OTHER' });
    const created = res.body.data.uploadFile;
    expect(created).toMatchObject({ contentType: 'text/plain', scanStatus: 'QUARANTINED', labId: 'lab-a' });
    const after = await scanned(created.id, submitterA.token, 1);
    expect(after).toMatchObject({ scanStatus: 'INFECTED', downloadUrl: null, versions: [{ scanStatus: 'INFECTED', scanSignature: expect.stringContaining('EICAR'), downloadUrl: null }] });
    const signed = new UrlSigner(SECRET, '/files').downloadUrl(created.id, 1, new Date(Date.now() + 60_000));
    const refused = await download(signed);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'INFECTED', message: expect.any(String) } });
    await waitFor(async () => {
      const audit = await t.gql(`query($f: AuditEntryFilter) { auditEntries(filter: $f) { edges { node { type data } } } }`, { f: { subjectId: created.id, types: ['FileQuarantined'] } }, t.admin.token);
      return audit.data?.auditEntries.edges[0]?.node.data.signature?.includes('EICAR');
    }, { what: 'FileQuarantined in the audit trail', timeoutMs: 20_000 });
  });

  it('refuses a PNG renamed .pdf for a PDF-only kind, naming the field', async () => {
    const res = await upload(staff.token, await file('gel.png', png()), { to: { sampleId: randomUUID() }, kind: 'QC_REPORT', lab: 'lab-a' }, 'report.pdf');
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(res.body.errors[0].message).toMatch(/image\/png.*application\/pdf/);
    const ok = await upload(staff.token, await file('gel.png', png()), { to: { sampleId: randomUUID() }, kind: 'GEL_IMAGE', lab: 'lab-a' });
    expect(ok.body.data.uploadFile.contentType).toBe('image/png');
  });

  it('uploads several files in one request, all or nothing', async () => {
    const sheet = await file('sheet.csv', 'sample,volume\nS1,20\n');
    const notes = await file('notes.txt', 'plain notes\n');
    const many = `mutation($files: [Upload!]!, $to: AttachToInput!) { uploadFiles(files: $files, attachTo: $to, kind: SAMPLE_SHEET) { filename contentType } }`;
    const res = await curlMultipart(`${t.url}/graphql`, { query: many, variables: { files: [null, null], to: { submissionId: randomUUID() } }, paths: ['files.0', 'files.1'], files: [{ path: sheet }, { path: notes }], token: submitterA.token });
    expect(res.body.data.uploadFiles).toEqual([{ filename: expect.stringMatching(/sheet\.csv$/), contentType: 'text/csv' }, { filename: expect.stringMatching(/notes\.txt$/), contentType: 'text/plain' }]);
    const bad = await curlMultipart(`${t.url}/graphql`, { query: many, variables: { files: [null, null], to: { submissionId: randomUUID() } }, paths: ['files.0', 'files.1'], files: [{ path: sheet }, { path: await file('x.png', png()) }], token: submitterA.token });
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files.1' });
  });

  // Found by test/fuzz/uploads.test.ts: both answered INTERNAL_SERVER_ERROR. The gateway wrote the
  // decoded NUL into the part header it forwards (which files could not parse), and took a part that
  // never came for a failure of its own.
  it('stores a file named with control characters (filename*=) under a safe name, and refuses a part the map names but the request lacks', async () => {
    const boundary = `----gw${randomBytes(6).toString('hex')}`;
    const send = (parts: string[]) => {
      const body = `${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`;
      return fetch(`${t.url}/graphql`, { method: 'POST', body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${staff.token}`, 'apollo-require-preflight': 'true' } })
        .then(async (res) => ({ status: res.status, body: await res.json() as any }));
    };
    const operations = `Content-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: UPLOAD, variables: { file: null, to: { sampleId: randomUUID() }, kind: 'OTHER', lab: 'lab-a' } })}`;
    const map = `Content-Disposition: form-data; name="map"\r\n\r\n${JSON.stringify({ 0: ['variables.file'] })}`;
    const named = await send([operations, map, `Content-Disposition: form-data; name="0"; filename*=UTF-8''a%00b%0D%0A.txt\r\nContent-Type: text/plain\r\n\r\nnotes`]);
    expect(named.body.errors).toBeUndefined();
    expect(named.body.data.uploadFile).toMatchObject({ filename: 'a_b__.txt', contentType: 'text/plain' });
    const missing = await send([operations, map]);
    expect(missing.status).toBe(200);
    expect(missing.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(missing.body.errors[0].message).toMatch(/File missing in the request/);
    // A mapped part without a filename (a plain form field) used to break the forwarded body into a 500.
    const unnamed = await send([operations, map, `Content-Disposition: form-data; name="0"\r\nContent-Type: application/octet-stream\r\n\r\nnotes`]);
    expect(unnamed.status).toBe(200);
    expect(unnamed.body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(unnamed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a client still sending a refused upload gets the refusal, not a reset connection', async () => {
    // A 13 MB upload (over the 12 MB per request) sent as fast as the socket takes it: the gateway
    // answers 413 from the headers and must read the rest rather than reset the client mid-send.
    const { hostname, port } = new URL(t.url);
    const length = 13 * 1024 * 1024;
    const attempt = () => new Promise<{ error: string | null; answer: string }>((resolve) => {
      const socket = connect(Number(port), hostname);
      const received: Buffer[] = [];
      let error: string | null = null;
      socket.on('data', (d) => received.push(d));
      socket.on('error', (err) => { error = err.message; });
      socket.on('close', () => resolve({ error, answer: Buffer.concat(received).toString('utf8') }));
      socket.on('connect', async () => {
        socket.write([`POST /graphql HTTP/1.1`, `Host: ${hostname}`, 'Content-Type: multipart/form-data; boundary=x', `Content-Length: ${length}`,
          'Apollo-Require-Preflight: true', `Authorization: Bearer ${staff.token}`, '', ''].join('\r\n'));
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        for (let sent = 0; sent < length && socket.writable; sent += chunk.length) await new Promise((r) => socket.write(chunk, r));
        socket.end();
      });
    });
    for (let i = 0; i < 5; i++) {
      const { error, answer } = await attempt();
      expect(error).toBeNull();
      expect(answer).toMatch(/^HTTP\/1\.1 413/);
      expect(answer).toMatch(/at most 12582912 bytes per request/);
    }
  }, 60_000);

  it('checks CSRF, credentials and limits before reading the files', async () => {
    const small = await file('a.txt', 'hello\n');
    const vars = { to: { sampleId: randomUUID() }, kind: 'OTHER', lab: 'lab-a' };
    const noPreflight = await curlMultipart(`${t.url}/graphql`, { query: UPLOAD, variables: { file: null, ...vars }, paths: ['file'], files: [{ path: small }], token: staff.token, preflight: false });
    expect(noPreflight.status).toBe(400);
    expect(noPreflight.body.errors[0].message).toMatch(/Apollo-Require-Preflight/);
    const anonymous = await curlMultipart(`${t.url}/graphql`, { query: UPLOAD, variables: { file: null, ...vars }, paths: ['file'], files: [{ path: small }] });
    expect(anonymous.status).toBe(401);
    const big = await file('big.pdf', pdf(13 * 1024 * 1024));
    const tooBig = await upload(staff.token, big, vars);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.errors[0].message).toMatch(/at most 12582912 bytes per request/);
    const oneTooBig = await upload(staff.token, await file('nine.pdf', pdf(9 * 1024 * 1024)), vars);
    expect(oneTooBig.body.errors[0].message).toMatch(/8388608/);
    const four = `mutation($files: [Upload!]!, $to: AttachToInput!) { uploadFiles(files: $files, attachTo: $to, kind: OTHER, labId: "lab-a") { id } }`;
    const tooMany = await curlMultipart(`${t.url}/graphql`, { query: four, variables: { files: [null, null, null, null], to: vars.to }, paths: ['files.0', 'files.1', 'files.2', 'files.3'], files: [small, small, small, small].map((path) => ({ path })), token: staff.token });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.errors[0].message).toMatch(/3 max file uploads/);
    // Within the gateway's 12 MB, over files' 10 MB of file bytes together: refused whole, nothing kept.
    const project = (await t.gql(`mutation { createProject(input: { name: "Limits", labId: "lab-a" }) { id } }`, {}, staff.token)).data!.createProject.id;
    const to = { submissionId: (await t.gql(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: project }, staff.token)).data!.createSubmission.id };
    const halves = [pdf(5.5 * 1024 * 1024), pdf(5.5 * 1024 * 1024)];
    const pair = `mutation($files: [Upload!]!, $to: AttachToInput!) { uploadFiles(files: $files, attachTo: $to, kind: OTHER, labId: "lab-a") { id } }`;
    const overTotal = await curlMultipart(`${t.url}/graphql`, { query: pair, variables: { files: [null, null], to }, paths: ['files.0', 'files.1'], files: [{ path: await file('h1.pdf', halves[0]!) }, { path: await file('h2.pdf', halves[1]!) }], token: staff.token });
    expect(overTotal.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files' });
    expect(overTotal.body.errors[0].message).toMatch(/together are larger than 10485760 bytes.*FILES_MAX_REQUEST_BYTES.*files\.1/);
    const attached = await t.gql(`query($id: ID!) { submission(id: $id) { attachments { id } } }`, { id: to.submissionId }, staff.token);
    expect(attached.data!.submission).toEqual({ attachments: [] });
    const viewer = await t.createUser('VIEWER');
    const refused = await upload(viewer.token, small, vars);
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
