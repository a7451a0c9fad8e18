import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSubgraph, type TestSubgraph } from '@app/testing';
import { auditSubgraph } from '../src/server.js';
import { admin, makeEvent, sql, waitForEntries } from './helpers.js';

// Issue 6 acceptance: the chain verifies after 10,000 events published on the bus, and a single row
// altered directly in the database is found, exactly that row.
let sg: TestSubgraph;
const TOTAL = 10_000;
const ALTERED = 7_777;
const VERIFY = `query($from: Int, $to: Int) { verifyAuditChain(from: $from, to: $to) { valid checked fromSeq toSeq firstBrokenSeq firstBrokenEntryId reason anchorSeq } }`;

beforeAll(async () => {
  sg = await startTestSubgraph(auditSubgraph);
  // Published in concurrent waves, as the relays of several subgraphs do.
  for (let wave = 0; wave < TOTAL; wave += 500) {
    await Promise.all(Array.from({ length: Math.min(500, TOTAL - wave) }, (_, i) =>
      sg.bus.publish(makeEvent('SampleUpdated', {}, { before: { volume: wave + i }, after: { volume: wave + i + 1 } }))));
  }
  await waitForEntries(sg, TOTAL);
}, 120_000);
afterAll(() => sg.stop());

describe('hash chain over 10,000 events', () => {
  it('holds every event once and verifies as valid', async () => {
    const [stats] = await sql<{ n: number; events: number; max: string }>(sg, 'select count(*)::int as n, count(distinct event_id)::int as events, max(seq) as max from "audit"."audit_entry"');
    expect([stats!.n, stats!.events, Number(stats!.max)]).toEqual([TOTAL, TOTAL, TOTAL]);
    const res = await sg.call(VERIFY, {}, admin);
    expect(res.data!.verifyAuditChain).toEqual({ valid: true, checked: TOTAL, fromSeq: 1, toSeq: TOTAL, firstBrokenSeq: null, firstBrokenEntryId: null, reason: null, anchorSeq: 0 });
  });

  it('reports exactly the row altered behind the application', async () => {
    const [target] = await sql<{ id: string }>(sg, 'select id from "audit"."audit_entry" where seq = ?', [ALTERED]);
    await sql(sg, 'alter table "audit"."audit_entry" disable trigger "audit_entry_append_only"');
    await sql(sg, `update "audit"."audit_entry" set actor_user_id = 'someone-else' where seq = ?`, [ALTERED]);
    await sql(sg, 'alter table "audit"."audit_entry" enable trigger "audit_entry_append_only"');
    const res = await sg.call(VERIFY, {}, admin);
    expect(res.data!.verifyAuditChain).toMatchObject({ valid: false, firstBrokenSeq: ALTERED, firstBrokenEntryId: target!.id, reason: expect.stringContaining('altered') });
    expect((await sg.call(VERIFY, { to: ALTERED - 1 }, admin)).data!.verifyAuditChain).toMatchObject({ valid: true, checked: ALTERED - 1 });
    expect((await sg.call(VERIFY, { from: 8_001 }, admin)).data!.verifyAuditChain).toMatchObject({ valid: true, anchorSeq: 8_000 });
  });
});
