import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSubgraph, userPrincipal, type TestSubgraph } from '@app/testing';
import { auditSubgraph } from '../src/server.js';
import { admin, makeEvent, sql, waitForEntries } from './helpers.js';

let sg: TestSubgraph;
const TOTAL = 1_050;
const VERIFY = `query($from: Int, $to: Int) { verifyAuditChain(from: $from, to: $to) { valid checked fromSeq toSeq firstBrokenSeq firstBrokenEntryId reason anchorSeq } }`;

beforeAll(async () => {
  sg = await startTestSubgraph(auditSubgraph, { env: { AUDIT_CHECKPOINT_INTERVAL: '100' } });
  for (let i = 0; i < TOTAL; i++) await sg.bus.publish(makeEvent('SampleUpdated', {}, { before: { volume: i }, after: { volume: i + 1 } }));
  await waitForEntries(sg, TOTAL);
}, 180_000);
afterAll(() => sg.stop());

describe('hash chain', () => {
  it('is one strict sequence with periodic checkpoints, and verifies after 1,000+ entries', async () => {
    const [bounds] = await sql<{ min: string; max: string; n: number }>(sg, 'select min(seq) as min, max(seq) as max, count(*)::int as n from "audit"."audit_entry"');
    expect([Number(bounds!.min), Number(bounds!.max), bounds!.n]).toEqual([1, TOTAL, TOTAL]);
    const checkpoints = await sql<{ seq: string }>(sg, 'select seq from "audit"."audit_checkpoint" order by seq');
    expect(checkpoints.map((c) => Number(c.seq))).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    const res = await sg.call(VERIFY, {}, admin);
    expect(res.data!.verifyAuditChain).toEqual({ valid: true, checked: TOTAL, fromSeq: 1, toSeq: TOTAL, firstBrokenSeq: null, firstBrokenEntryId: null, reason: null, anchorSeq: 0 });
    const part = await sg.call(VERIFY, { from: 550, to: 620 }, admin);
    expect(part.data!.verifyAuditChain).toMatchObject({ valid: true, anchorSeq: 500, fromSeq: 501, toSeq: 620, checked: 120 });
  });

  it('refuses UPDATE and DELETE of entries from the application', async () => {
    await expect(sql(sg, `update "audit"."audit_entry" set reason = 'x' where seq = 5`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql(sg, `delete from "audit"."audit_entry" where seq = 5`)).rejects.toThrow(/append-only: DELETE/);
    await expect(sql(sg, `update "audit"."audit_checkpoint" set hash = 'x' where seq = 100`)).rejects.toThrow(/append-only/);
  });

  it('is for admins only', async () => {
    const res = await sg.call(VERIFY, {}, userPrincipal('STAFF'));
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('finds exactly the row altered directly in the database', async () => {
    const [target] = await sql<{ id: string }>(sg, 'select id from "audit"."audit_entry" where seq = 777');
    // A superuser bypassing the trigger: what verification exists to catch.
    await sql(sg, 'alter table "audit"."audit_entry" disable trigger "audit_entry_append_only"');
    await sql(sg, `update "audit"."audit_entry" set after = '{"volume": 9999}'::jsonb where seq = 777`);
    await sql(sg, 'alter table "audit"."audit_entry" enable trigger "audit_entry_append_only"');
    const res = await sg.call(VERIFY, {}, admin);
    expect(res.data!.verifyAuditChain).toMatchObject({ valid: false, firstBrokenSeq: 777, firstBrokenEntryId: target!.id, reason: expect.stringContaining('altered') });
    const before = await sg.call(VERIFY, { to: 776 }, admin);
    expect(before.data!.verifyAuditChain.valid).toBe(true);
    const after = await sg.call(VERIFY, { from: 801 }, admin);
    expect(after.data!.verifyAuditChain).toMatchObject({ valid: true, anchorSeq: 800 });
  });
});
