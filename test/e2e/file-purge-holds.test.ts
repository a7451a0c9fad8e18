import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';
import { auditEntries, ok } from './audit-helpers.js';

// An admin's purge honours the audit subgraph's legal holds, across subgraphs, through the gateway:
// audit emits LegalHoldPlaced / LegalHoldReleased, files keeps its own copy and consults it.
let t: TestSystem;
let staff: TestUser;

const PURGE = `mutation($id: ID!) { purgeFile(id: $id) { id purgedAt } }`;
const FILE = `query($id: ID!) { file(id: $id) { id deleted purgedAt sha256 } }`;

async function submission(): Promise<string> {
  const p = ok(await t.gql(`mutation { createProject(input: { name: "Held project", labId: "lab-a" }) { id } }`, {}, staff.token), 'createProject').createProject.id;
  return ok(await t.gql(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p }, staff.token), 'createSubmission').createSubmission.id;
}

/** A file uploaded through the gateway (GraphQL multipart) to the submission, then deleted. */
async function deletedFile(submissionId: string): Promise<{ id: string; sha256: string }> {
  const text = `delivery manifest ${randomBytes(8).toString('hex')}\n`;
  const query = `mutation($f: Upload!, $s: ID!) { uploadFile(file: $f, attachTo: { submissionId: $s }, kind: OTHER, labId: "lab-a") { id sha256 } }`;
  const res = await t.upload(query, { f: null, s: submissionId }, { f: { name: 'manifest.txt', bytes: text } }, staff.token);
  const file = ok(res as never, 'uploadFile').uploadFile as { id: string; sha256: string };
  expect(file.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  ok(await t.gql(`mutation($id: ID!) { deleteFile(id: $id) { id } }`, { id: file.id }, staff.token), 'deleteFile');
  return file;
}

beforeAll(async () => {
  // FILES_PURGE_AFTER_DAYS=0: a deleted file may be purged at once, so only a hold stands in the way.
  t = await startTestSystem({ env: { FILES_PURGE_AFTER_DAYS: '0' } });
  staff = await t.createUser('STAFF');
}, 180_000);
afterAll(() => t?.stop());

describe('purging a file under an audit legal hold (through the gateway)', () => {
  it('refuses while a hold on its submission is active, naming the hold, and purges once the hold is released', async () => {
    const s = await submission();
    const hold = ok(await t.gql(`mutation($s: ID!) { placeLegalHold(input: { subjectId: $s, reason: "customer dispute 7" }) { id } }`, { s }, t.admin.token), 'placeLegalHold').placeLegalHold;

    // The hold travels audit → bus → files; until it arrives a purge would go through, so probe
    // with throwaway files of the same submission until one is refused.
    await waitFor(async () => {
      const probe = await deletedFile(s);
      const res = await t.gql(PURGE, { id: probe.id }, t.admin.token);
      return res.errors?.[0]?.extensions?.code === 'CONFLICT';
    }, { what: 'the hold to reach files', timeoutMs: 60_000, intervalMs: 200 });

    const file = await deletedFile(s);
    const refused = await t.gql(PURGE, { id: file.id }, t.admin.token);
    expect(refused.errors![0]!.message).toBe(`File ${file.id} is under legal hold ${hold.id} ("customer dispute 7"); it can be purged once the hold is released`);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', legalHoldId: hold.id, legalHoldReason: 'customer dispute 7' });
    expect(ok(await t.gql(FILE, { id: file.id }, t.admin.token), 'file').file).toMatchObject({ deleted: true, purgedAt: null, sha256: file.sha256 });

    ok(await t.gql(`mutation($id: ID!) { releaseLegalHold(id: $id, reason: "dispute settled") { id } }`, { id: hold.id }, t.admin.token), 'releaseLegalHold');
    const purged = await waitFor(async () => (await t.gql(PURGE, { id: file.id }, t.admin.token)).data?.purgeFile, { what: 'the release to reach files', timeoutMs: 60_000, intervalMs: 200 });
    expect(purged).toMatchObject({ id: file.id, purgedAt: expect.any(String) });

    const trail = await waitFor(async () => {
      const { nodes } = await auditEntries(t, { types: ['LegalHoldPlaced', 'LegalHoldReleased', 'FilePurged'] }, t.admin.token);
      const mine = nodes.filter((n) => n.subject.id === hold.id || n.subject.id === file.id).map((n) => n.type).sort();
      return mine.length === 3 ? mine : null;
    }, { what: 'hold, release and purge in the audit trail', timeoutMs: 30_000 });
    expect(trail).toEqual(['FilePurged', 'LegalHoldPlaced', 'LegalHoldReleased']);
  });
});
