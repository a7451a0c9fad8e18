import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSubgraph, userPrincipal, waitFor, type TestSubgraph } from '@app/testing';
import {
  createEvent, EventTypes, type DomainEvent, type LegalHoldPlacedData, type LegalHoldReleasedData,
} from '@app/common';
import { filesSubgraph } from '../src/server.js';
import { blobKey } from '../src/storage/index.js';
import { LocalDiskStorage } from '../src/storage/local-disk.js';
import { multipart, pdf, sha } from './helpers.js';

// The files subgraph keeps its own copy of audit's legal holds from audit's LegalHoldPlaced and
// LegalHoldReleased events (published here on the bus exactly as audit's outbox relay does), and
// a purge consults it.
const admin = userPrincipal('ADMIN');
const staff = userPrincipal('STAFF');
const DAY = 86_400_000;
const UPLOAD = `mutation($file: Upload!, $to: AttachToInput!) { uploadFile(file: $file, attachTo: $to, kind: QC_REPORT, labId: "lab-a") { id } }`;
const PURGE = `mutation($id: ID!) { purgeFile(id: $id) { id purgedAt } }`;
const DELETE = `mutation($id: ID!) { deleteFile(id: $id) { id } }`;

let sg: TestSubgraph;
let dir: string;
let store: LocalDiskStorage;
let clock = Date.now();

const auditOrigin = { source: 'audit', principal: admin, correlationId: null };
const placed = (id: string, data: Partial<LegalHoldPlacedData>): DomainEvent => createEvent(auditOrigin, {
  type: EventTypes.LegalHoldPlaced, subject: { type: 'LegalHold', id }, reason: data.reason ?? null,
  data: { subjectId: null, from: null, to: null, reason: 'litigation', ...data } satisfies LegalHoldPlacedData, after: { active: true },
}, new Date(clock)) as DomainEvent;
const released = (id: string, subjectId: string | null): DomainEvent => createEvent(auditOrigin, {
  type: EventTypes.LegalHoldReleased, subject: { type: 'LegalHold', id }, reason: 'case closed',
  data: { subjectId, reason: 'case closed' } satisfies LegalHoldReleasedData, before: { active: true }, after: { active: false },
}, new Date(clock)) as DomainEvent;

/** A deleted file on a sample (or a submission): what a purge is asked for. */
async function deletedFile(to: { sampleId?: string; submissionId?: string }): Promise<{ id: string; bytes: Buffer }> {
  const bytes = pdf();
  const res = await multipart(sg, UPLOAD, { file: null, to }, ['file'], [{ name: 'qc.pdf', bytes }], staff);
  const id = res.body.data.uploadFile.id as string;
  await sg.call(DELETE, { id }, staff);
  return { id, bytes };
}

/**
 * Asks for a purge while the deletion is still inside FILES_PURGE_AFTER_DAYS: a hold answers
 * CONFLICT before the retention check answers INVALID_TRANSITION, so the question changes nothing.
 */
async function purgeRefusal(id: string): Promise<Record<string, any>> {
  const res = await sg.call(PURGE, { id }, admin);
  return res.errors![0]!.extensions!;
}
const waitUntilHeld = (id: string, holdId: string) => waitFor(async () => {
  const why = await purgeRefusal(id);
  return why.code === 'CONFLICT' && why.legalHoldId === holdId ? why : null;
}, { what: `the hold ${holdId} to reach files`, timeoutMs: 30_000 });
const waitUntilFree = (id: string) => waitFor(async () => ((await purgeRefusal(id)).code === 'INVALID_TRANSITION' ? true : null),
  { what: 'the hold to be released in files', timeoutMs: 30_000 });

/** Purges once the deletion is beyond FILES_PURGE_AFTER_DAYS (the clock moves for this call only). */
async function purgeLater(id: string) {
  clock += 31 * DAY;
  try {
    return await sg.call(PURGE, { id }, admin);
  } finally {
    clock = Date.now();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'files-holds-'));
  sg = await startTestSubgraph(filesSubgraph, { env: { FILES_DIR: dir, FILES_PURGE_AFTER_DAYS: '30' }, now: () => new Date(clock) });
  store = await LocalDiskStorage.open(dir);
});
afterAll(async () => {
  await sg?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('purging files under audit legal holds', () => {
  it('refuses to purge a file whose sample is held, naming the hold and changing nothing; purges it once the hold is released', async () => {
    const sampleId = randomUUID();
    const held = await deletedFile({ sampleId });
    const other = await deletedFile({ sampleId: randomUUID() });
    const holdId = randomUUID();
    await sg.bus.publish(placed(holdId, { subjectId: sampleId, reason: 'litigation 42' }));
    const why = await waitUntilHeld(held.id, holdId);
    expect(why).toMatchObject({ code: 'CONFLICT', field: 'id', legalHoldId: holdId, legalHoldReason: 'litigation 42' });

    // Past the retention period the hold still refuses, and nothing is half-purged: bytes and record stay.
    const refused = await purgeLater(held.id);
    expect(refused.errors![0]!.message).toBe(`File ${held.id} is under legal hold ${holdId} ("litigation 42"); it can be purged once the hold is released`);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', legalHoldId: holdId });
    expect(await store.size(blobKey(sha(held.bytes)))).toBe(held.bytes.length);
    // A file of another sample is not covered.
    expect((await purgeLater(other.id)).data!.purgeFile).toMatchObject({ id: other.id, purgedAt: expect.any(String) });
    expect(await store.size(blobKey(sha(other.bytes)))).toBeNull();

    await sg.bus.publish(released(holdId, sampleId));
    await waitUntilFree(held.id);
    expect((await purgeLater(held.id)).data!.purgeFile).toMatchObject({ id: held.id, purgedAt: expect.any(String) });
    expect(await store.size(blobKey(sha(held.bytes)))).toBeNull();
  });

  it('covers a file by its own id, its submission, and a time range its record meets', async () => {
    const submissionId = randomUUID();
    const byFile = await deletedFile({ sampleId: randomUUID() });
    const bySubmission = await deletedFile({ submissionId });
    const fileHold = randomUUID();
    const submissionHold = randomUUID();
    await sg.bus.publish(placed(fileHold, { subjectId: byFile.id }));
    await sg.bus.publish(placed(submissionHold, { subjectId: submissionId }));
    await waitUntilHeld(byFile.id, fileHold);
    await waitUntilHeld(bySubmission.id, submissionHold);

    // A range that ended before the file existed holds nothing of it; one spanning its life does.
    const beforeIt = randomUUID();
    await sg.bus.publish(placed(beforeIt, { from: new Date(clock - 10 * DAY).toISOString(), to: new Date(clock - 5 * DAY).toISOString() }));
    const marker = await deletedFile({ sampleId: randomUUID() });
    const markerHold = randomUUID();
    await sg.bus.publish(placed(markerHold, { subjectId: marker.id }));
    await waitUntilHeld(marker.id, markerHold); // delivered after beforeIt, so beforeIt is in place too
    const fresh = await deletedFile({ sampleId: randomUUID() });
    expect(await purgeRefusal(fresh.id)).toMatchObject({ code: 'INVALID_TRANSITION' });
    const spanning = randomUUID();
    await sg.bus.publish(placed(spanning, { from: new Date(clock - DAY).toISOString(), to: null }));
    await waitUntilHeld(fresh.id, spanning);
    await sg.bus.publish(released(spanning, null));
    await waitUntilFree(fresh.id);
  });

  it('applies each event once, whatever the order: a repeated or late LegalHoldPlaced does not bring a released hold back', async () => {
    const sampleId = randomUUID();
    const file = await deletedFile({ sampleId });
    const holdId = randomUUID();
    const place = placed(holdId, { subjectId: sampleId });
    await sg.bus.publish(place);
    await waitUntilHeld(file.id, holdId);
    await sg.bus.publish(released(holdId, sampleId));
    await waitUntilFree(file.id);
    await sg.bus.publish(place); // redelivered

    // Released before it was (for files) ever placed: the late LegalHoldPlaced stays inert.
    const lateId = randomUUID();
    await sg.bus.publish(released(lateId, sampleId));
    await sg.bus.publish(placed(lateId, { subjectId: sampleId }));

    // A hold published after all of those is seen; by then the ones before it have been applied.
    const marker = await deletedFile({ sampleId: randomUUID() });
    const markerHold = randomUUID();
    await sg.bus.publish(placed(markerHold, { subjectId: marker.id }));
    await waitUntilHeld(marker.id, markerHold);
    expect(await purgeRefusal(file.id)).toMatchObject({ code: 'INVALID_TRANSITION', purgeableFrom: expect.any(String) });
    expect((await purgeLater(file.id)).data!.purgeFile.purgedAt).toEqual(expect.any(String));
  });

  it('refuses a file that is not deleted, and leaves a hold it cannot read to the dead letters', async () => {
    const bytes = pdf();
    const live = (await multipart(sg, UPLOAD, { file: null, to: { sampleId: randomUUID() } }, ['file'], [{ name: 'qc.pdf', bytes }], staff)).body.data.uploadFile.id;
    expect(await purgeRefusal(live)).toMatchObject({ code: 'INVALID_TRANSITION', deleted: false });
    const bad = createEvent(auditOrigin, { type: EventTypes.LegalHoldPlaced, subject: { type: 'LegalHold', id: 'not-a-uuid' }, data: { subjectId: live } }) as DomainEvent;
    await sg.bus.publish(bad);
    const dead = await waitFor(async () => {
      const rows = await sg.running.orm.em.fork().getConnection().execute<{ reason: string }[]>(
        'select reason from "files"."dead_letter_event" where event_id = ?', [bad.id], 'all');
      return rows[0] ?? null;
    }, { what: 'the dead letter', timeoutMs: 30_000 });
    expect(dead.reason).toMatch(/subject\.id/);
  });
});
