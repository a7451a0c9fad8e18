import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSubgraph, userPrincipal, waitFor, type TestSubgraph } from '@app/testing';
import { auditSubgraph } from '../src/server.js';
import { admin, entryCount, makeEvent, publishAll, sql, waitForEntries } from './helpers.js';

let sg: TestSubgraph;
const archiveDir = mkdtempSync(join(tmpdir(), 'audit-archive-'));
const now = new Date('2026-06-01T00:00:00Z');
const sampleX = randomUUID();
const held = randomUUID();

const PRUNE = `mutation($dry: Boolean) { pruneAuditEntries(dryRun: $dry) { dryRun pruned fromSeq toSeq anchorHash archiveFile } }`;
const VERIFY = `{ verifyAuditChain { valid checked anchorSeq fromSeq toSeq reason } }`;
const seqs = async () => (await sql<{ seq: string }>(sg, 'select seq from "audit"."audit_entry" order by seq')).map((r) => Number(r.seq));
const types = async () => (await sql<{ type: string }>(sg, 'select type from "audit"."audit_entry" order by seq')).map((r) => r.type);

beforeAll(async () => {
  sg = await startTestSubgraph(auditSubgraph, { env: { AUDIT_ARCHIVE_DIR: archiveDir }, now: () => now });
  const at = (iso: string) => ({ at: new Date(iso) });
  await publishAll(sg, [
    makeEvent('SampleUpdated', { id: sampleX, sampleId: sampleX }, at('2020-01-01T00:00:00Z')),
    makeEvent('SampleUpdated', { id: sampleX, sampleId: sampleX }, at('2020-01-02T00:00:00Z')),
    makeEvent('SampleUpdated', { id: held, sampleId: held }, at('2020-01-03T00:00:00Z')),
    makeEvent('SampleUpdated', { id: sampleX, sampleId: sampleX }, at('2020-01-04T00:00:00Z')),
    makeEvent('SampleUpdated', { id: sampleX, sampleId: sampleX }, at('2026-05-30T00:00:00Z')),
  ]);
  await waitForEntries(sg, 5);
});
afterAll(async () => {
  await sg.stop();
  rmSync(archiveDir, { recursive: true, force: true });
});

describe('retention and legal holds', () => {
  it('starts from the 7-year defaults and prunes nothing within them', async () => {
    const policies = await sg.call(`{ retentionPolicies { category retainDays } }`, {}, admin);
    expect(policies.data!.retentionPolicies).toEqual([
      { category: 'SECURITY', retainDays: 2555 }, { category: 'ACCESS_CONTROL', retainDays: 2555 }, { category: 'DATA', retainDays: 2555 },
    ].sort((a, b) => a.category.localeCompare(b.category)));
    expect((await sg.call(PRUNE, { dry: true }, admin)).data!.pruneAuditEntries).toMatchObject({ dryRun: true, pruned: 0 });
    expect((await sg.call(PRUNE, {}, userPrincipal('STAFF'))).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('archives then prunes only entries beyond retention, stopping at a legal hold, and stays verifiable', async () => {
    const policy = await sg.call(`mutation { setRetentionPolicy(category: DATA, retainDays: 365) { category retainDays updatedBy } }`, {}, admin);
    expect(policy.data!.setRetentionPolicy).toEqual({ category: 'DATA', retainDays: 365, updatedBy: admin.userId });
    const hold = await sg.call(`mutation($id: ID!) { placeLegalHold(input: { subjectId: $id, reason: "litigation 42" }) { id subjectId reason releasedAt } }`, { id: held }, admin);
    expect(hold.data!.placeLegalHold).toMatchObject({ subjectId: held, reason: 'litigation 42', releasedAt: null });
    await waitForEntries(sg, 7, 'policy and hold entries');
    expect((await types()).slice(5)).toEqual(['RetentionPolicyChanged', 'LegalHoldPlaced']);
    // The data other subgraphs read (LegalHoldPlacedData: files keeps the holds its purges honour).
    const [placed] = await sql<{ data: any; subject_id: string }>(sg, `select data, subject_id from "audit"."audit_entry" where type = 'LegalHoldPlaced'`);
    expect(placed).toEqual({ subject_id: hold.data!.placeLegalHold.id, data: { subjectId: held, from: null, to: null, reason: 'litigation 42' } });

    const dry = (await sg.call(PRUNE, { dry: true }, admin)).data!.pruneAuditEntries;
    expect(dry).toMatchObject({ dryRun: true, pruned: 2, fromSeq: 1, toSeq: 2, archiveFile: null });
    expect(await entryCount(sg)).toBe(7);

    const run = (await sg.call(PRUNE, {}, admin)).data!.pruneAuditEntries;
    expect(run).toMatchObject({ dryRun: false, pruned: 2, fromSeq: 1, toSeq: 2 });
    const archive = JSON.parse(readFileSync(run.archiveFile, 'utf8'));
    expect(archive.entries.map((e: any) => e.seq)).toEqual([1, 2]);
    expect(archive.entries[1].hash).toBe(run.anchorHash);
    await waitFor(async () => (await types()).includes('AuditPruned'), { what: 'the pruning recorded as an entry' });
    expect(await seqs()).toEqual([3, 4, 5, 6, 7, 8]);
    const [pruned] = await sql<{ data: any; category: string }>(sg, `select data, category from "audit"."audit_entry" where type = 'AuditPruned'`);
    expect(pruned).toMatchObject({ category: 'SECURITY', data: { fromSeq: 1, toSeq: 2, pruned: 2, archiveFile: run.archiveFile } });
    expect((await sg.call(VERIFY, {}, admin)).data!.verifyAuditChain).toMatchObject({ valid: true, anchorSeq: 2, fromSeq: 3, toSeq: 8, checked: 6 });
  });

  it('prunes the held entries only once the hold is released', async () => {
    const holds = await sg.call(`{ legalHolds { totalCount edges { node { id } } } }`, {}, admin);
    expect(holds.data!.legalHolds.totalCount).toBe(1);
    const id = holds.data!.legalHolds.edges[0].node.id;
    const again = (await sg.call(PRUNE, {}, admin)).data!.pruneAuditEntries;
    expect(again.pruned).toBe(0);
    await waitFor(async () => (await types()).filter((t) => t === 'AuditPruned').length === 2, { what: 'second AuditPruned' });
    const released = await sg.call(`mutation($id: ID!) { releaseLegalHold(id: $id, reason: "case closed") { releasedAt releasedBy releaseReason } }`, { id }, admin);
    expect(released.data!.releaseLegalHold).toMatchObject({ releasedBy: admin.userId, releaseReason: 'case closed' });
    const twice = await sg.call(`mutation($id: ID!) { releaseLegalHold(id: $id, reason: "again") { id } }`, { id }, admin);
    expect(twice.errors![0]!.extensions!.code).toBe('INVALID_TRANSITION');
    await waitFor(async () => (await types()).includes('LegalHoldReleased'), { what: 'release entry' });
    const [release] = await sql<{ data: any; subject_id: string }>(sg, `select data, subject_id from "audit"."audit_entry" where type = 'LegalHoldReleased'`);
    expect(release).toEqual({ subject_id: id, data: { subjectId: held, reason: 'case closed' } });
    const run = (await sg.call(PRUNE, {}, admin)).data!.pruneAuditEntries;
    expect(run).toMatchObject({ pruned: 2, fromSeq: 3, toSeq: 4 });
    expect((await seqs())[0]).toBe(5);
    const verify = (await sg.call(VERIFY, {}, admin)).data!.verifyAuditChain;
    expect(verify).toMatchObject({ valid: true, anchorSeq: 4 });
  });

  it('validates hold and policy input, naming the field', async () => {
    const empty = await sg.call(`mutation { placeLegalHold(input: { reason: "x" }) { id } }`, {}, admin);
    expect(empty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    const days = await sg.call(`mutation { setRetentionPolicy(category: DATA, retainDays: 0) { retainDays } }`, {}, admin);
    expect(days.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'retainDays' });
  });
});
