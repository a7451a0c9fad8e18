import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectEvents, startTestSubgraph, userPrincipal, waitFor, type CollectedEvents, type TestSubgraph } from '@app/testing';
import type { Principal } from '@app/common';
import { filesSubgraph } from '../src/server.js';
import { sha } from './helpers.js';

let sg: TestSubgraph;
let dir: string;
let clock = Date.now();
let events: CollectedEvents;
const submitter = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const colleague = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const otherLab = userPrincipal('SUBMITTER', { labId: 'lab-b' });
const staff = userPrincipal('STAFF');
const viewer = userPrincipal('VIEWER');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'files-test-'));
  sg = await startTestSubgraph(filesSubgraph, { env: { FILES_DIR: dir, FILES_MAX_BYTES: '1000', FILES_SIGNING_SECRET: randomUUID() + randomUUID() }, now: () => new Date(clock) });
  events = await collectEvents(sg.bus);
});
afterAll(async () => {
  await events.close();
  await sg.stop();
  await rm(dir, { recursive: true, force: true });
});

const CREATE = `#graphql
  mutation($input: CreateUploadInput!) { createUpload(input: $input) { uploadId uploadUrl method headers { name value } expiresAt maxBytes } }`;
const COMPLETE = `#graphql
  mutation($id: ID!) { completeUpload(uploadId: $id) { id filename contentType byteSize sha256 currentVersion labId ownerType ownerId uploadedBy deleted downloadUrl versions { version byteSize sha256 } } }`;

async function ticketFor(body: string, input: Record<string, unknown> = {}, principal: Principal = submitter) {
  const res = await sg.call(CREATE, { input: {
    ownerType: 'SAMPLE', ownerId: randomUUID(), filename: 'QC report (final).csv', contentType: 'text/csv',
    byteSize: Buffer.byteLength(body), sha256: sha(body), ...input,
  } }, principal);
  expect(res.errors).toBeUndefined();
  return res.data!.createUpload as { uploadId: string; uploadUrl: string; maxBytes: number };
}

const put = (url: string, body: string | ReadableStream, contentType = 'text/csv', init: RequestInit = {}) =>
  fetch(new URL(url, sg.running.url), { method: 'PUT', body, headers: { 'content-type': contentType }, ...init });

describe('files subgraph', () => {
  it('uploads through a signed URL, completes, serves the bytes and attaches them to the sample', async () => {
    const body = 'sample,volume\nS1,20\n';
    const ownerId = randomUUID();
    const ticket = await ticketFor(body, { ownerId });
    expect(ticket.uploadUrl).toMatch(/^\/uploads\/[0-9a-f-]{36}\?exp=\d+&sig=[\w-]+$/);
    expect(ticket.maxBytes).toBe(Buffer.byteLength(body));
    const sent = await put(ticket.uploadUrl, body);
    expect(sent.status).toBe(200);
    expect(await sent.json()).toEqual({ uploadId: ticket.uploadId, byteSize: Buffer.byteLength(body), sha256: sha(body) });
    const done = await sg.call(COMPLETE, { id: ticket.uploadId }, submitter);
    expect(done.errors).toBeUndefined();
    const file = done.data!.completeUpload;
    expect(file).toMatchObject({
      filename: 'QC_report__final_.csv', byteSize: Buffer.byteLength(body), sha256: sha(body), currentVersion: 1, labId: 'lab-a',
      ownerType: 'SAMPLE', ownerId, uploadedBy: submitter.userId, deleted: false, versions: [{ version: 1, sha256: sha(body) }],
    });
    const download = await fetch(new URL(file.downloadUrl, sg.running.url));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="QC_report__final_.csv"');
    expect(await download.text()).toBe(body);
    await waitFor(() => events.find((e) => e.type === 'FileUploaded' && e.subject.id === file.id), { what: 'FileUploaded' });
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sample { id attachments { id filename } } ... on Submission { id attachments { id } } } }`;
    const refs = await sg.call(q, { r: [{ __typename: 'Sample', id: ownerId }, { __typename: 'Submission', id: ownerId }] }, colleague);
    expect(refs.data!._entities).toEqual([{ id: ownerId, attachments: [{ id: file.id, filename: file.filename }] }, { id: ownerId, attachments: [] }]);
    const theirs = await sg.call(q, { r: [{ __typename: 'Sample', id: ownerId }] }, otherLab);
    expect(theirs.data!._entities).toEqual([{ id: ownerId, attachments: [] }]);
  });

  it('names every invalid field of an upload declaration', async () => {
    const res = await sg.call(CREATE, { input: { ownerType: 'SAMPLE', ownerId: 'x', filename: '..', contentType: 'application/x-msdownload', byteSize: 5000, sha256: 'abc' } }, submitter);
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.problems.map((p: { field: string }) => p.field)).toEqual(['ownerId', 'filename', 'contentType', 'byteSize', 'sha256']);
    const staffNoLab = await sg.call(CREATE, { input: { ownerType: 'SAMPLE', ownerId: randomUUID(), filename: 'a.txt', contentType: 'text/plain', byteSize: 1, sha256: sha('a') } }, staff);
    expect(staffNoLab.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'labId' });
  });

  it('accepts each upload URL once, refuses forged, oversized and expired uploads', async () => {
    const body = 'hello';
    const ticket = await ticketFor(body);
    expect((await put(ticket.uploadUrl.replace(/sig=[\w-]+/, 'sig=forged'), body)).status).toBe(403);
    expect((await put(ticket.uploadUrl, body, 'image/png')).status).toBe(415);
    expect((await put(ticket.uploadUrl, body)).status).toBe(200);
    expect((await put(ticket.uploadUrl, body)).status).toBe(409);

    const small = await ticketFor(body);
    const chunked = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('hello')); c.enqueue(new TextEncoder().encode(' and more')); c.close(); } });
    const tooLarge = await put(small.uploadUrl, chunked, 'text/csv', { duplex: 'half' } as RequestInit);
    expect(tooLarge.status).toBe(413);
    const completed = await sg.call(COMPLETE, { id: small.uploadId }, submitter);
    expect(completed.errors![0]!.extensions!.code).toBe('INVALID_TRANSITION');
    expect((await readdir(join(dir, 'uploads'))).filter((f) => f.startsWith(small.uploadId))).toEqual([]);

    const late = await ticketFor(body);
    clock += 16 * 60_000;
    try {
      expect((await put(late.uploadUrl, body)).status).toBe(410);
    } finally {
      clock = Date.now();
    }
  });

  it('rejects bytes that differ from the declaration at completion', async () => {
    const ticket = await ticketFor('12345');
    expect((await put(ticket.uploadUrl, '54321')).status).toBe(200);
    const res = await sg.call(COMPLETE, { id: ticket.uploadId }, submitter);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sha256' });
    await waitFor(() => events.find((e) => e.type === 'FileUploadRejected' && e.subject.id === ticket.uploadId), { what: 'FileUploadRejected' });
  });

  it('refuses viewers and other users, and hides other labs', async () => {
    const input = { ownerType: 'SUBMISSION', ownerId: randomUUID(), filename: 'a.txt', contentType: 'text/plain', byteSize: 1, sha256: sha('a') };
    expect((await sg.call(CREATE, { input }, viewer)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await sg.call(CREATE, { input: { ...input, labId: 'lab-b' } }, submitter)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const ticket = await ticketFor('a', { ...input, labId: 'lab-c' }, staff);
    await put(ticket.uploadUrl, 'a', 'text/plain');
    expect((await sg.call(COMPLETE, { id: ticket.uploadId }, submitter)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const file = (await sg.call(COMPLETE, { id: ticket.uploadId }, staff)).data!.completeUpload;
    const get = `query($id: ID!) { file(id: $id) { id } }`;
    expect((await sg.call(get, { id: file.id }, submitter)).data!.file).toBeNull();
    expect((await sg.call(get, { id: file.id }, viewer)).data!.file).toEqual({ id: file.id });
    const del = await sg.call(`mutation($id: ID!) { deleteFile(id: $id) { deleted downloadUrl } }`, { id: file.id }, staff);
    expect(del.data!.deleteFile).toEqual({ deleted: true, downloadUrl: null });
    const attachments = await sg.call(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Submission { attachments { id } } } }`, { r: [{ __typename: 'Submission', id: input.ownerId }] }, staff);
    expect(attachments.data!._entities).toEqual([{ attachments: [] }]);
    expect((await fetch(new URL(file.downloadUrl, sg.running.url))).status).toBe(404);
  });
});
