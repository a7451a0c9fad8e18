import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestBus, createTestDatabase, deleteTestStream, startTestSubgraph, type TestDatabase, type TestSubgraph } from '@app/testing';
import { auditSubgraph } from '../src/server.js';
import { admin, entryCount, makeEvent, waitForEntries } from './helpers.js';

const bus = createTestBus();
let db: TestDatabase;
let sg: TestSubgraph | null = null;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await sg?.stop();
  await bus.close();
  await deleteTestStream(bus.stream);
  await db.drop();
});

const publish = async (n: number) => {
  for (let i = 0; i < n; i++) await bus.publish(makeEvent('SampleUpdated', {}, { after: { i } }));
};

describe(`reliability (${bus.kind} bus)`, () => {
  it('records events published before it ever started and while it was stopped, each once', async () => {
    await publish(30); // no audit consumer exists yet
    sg = await startTestSubgraph(auditSubgraph, { bus, db });
    await waitForEntries(sg, 30);
    await sg.stop(); // down while the others keep working
    sg = null;
    await publish(40);
    sg = await startTestSubgraph(auditSubgraph, { bus, db });
    await waitForEntries(sg, 70);
    await publish(5);
    await waitForEntries(sg, 75);
    expect(await entryCount(sg)).toBe(75);
    const verify = await sg.call(`{ verifyAuditChain { valid checked } }`, {}, admin);
    expect(verify.data!.verifyAuditChain).toEqual({ valid: true, checked: 75 });
  });
});
