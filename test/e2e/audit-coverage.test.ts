import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem } from '@app/embedded/testing';
import { auditEntries } from './audit-helpers.js';
import { SCENARIOS, World, filterFor, type Performed } from './audit-scenarios.js';

// "No mutation anywhere in the supergraph may skip its event": every Mutation field of the gateway
// schema is performed successfully, and the audit trail must then hold an entry of each expected type
// made by the acting user. A mutation with no scenario fails the test, so the table grows with the schema.
let t: TestSystem;
let world: World;
let mutations: string[];

beforeAll(async () => {
  // FILES_PURGE_AFTER_DAYS=0 lets the purgeFile scenario purge a file it has just deleted.
  t = await startTestSystem({ env: { FILES_PURGE_AFTER_DAYS: '0', NOTIFY_WEBHOOK_ALLOW_PRIVATE: 'true' } });
  world = new World(t, await t.createUser('STAFF'), await t.createUser('SUBMITTER', 'lab-a'));
  const introspection = await t.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, t.admin.token);
  const mutationType = buildClientSchema(introspection.data!).getMutationType();
  mutations = Object.keys(mutationType?.getFields() ?? {}).filter((name) => !name.startsWith('_')).sort();
}, 180_000);
afterAll(() => t?.stop());

describe('every mutation leaves an audit entry', () => {
  it('has a scenario for every mutation of the schema (and none for a mutation that no longer exists)', () => {
    expect(mutations.length).toBeGreaterThan(40);
    expect(mutations.filter((m) => !(m in SCENARIOS))).toEqual([]);
    expect(Object.keys(SCENARIOS).filter((m) => !mutations.includes(m))).toEqual([]);
  });

  it('records each mutation, performed successfully through the gateway, with the acting user', async () => {
    const performed: { mutation: string; from: string; did: Performed }[] = [];
    const failedToRun: string[] = [];
    for (const mutation of mutations.filter((m) => m in SCENARIOS)) {
      const from = new Date().toISOString();
      try {
        performed.push({ mutation, from, did: await SCENARIOS[mutation]!.run(world) });
      } catch (err) {
        failedToRun.push(`${mutation}: ${(err as Error).message}`);
      }
    }

    const missing: string[] = [];
    for (const { mutation, from, did } of performed) {
      for (const type of SCENARIOS[mutation]!.events) {
        const filter = filterFor(did, [type], from);
        try {
          const entry = await waitFor(async () => (await auditEntries(t, filter, t.admin.token)).nodes[0], { what: `${type}`, timeoutMs: 15_000, intervalMs: 100 });
          if (did.actorUserId) expect(entry.actor.userId).toBe(did.actorUserId);
          expect(entry.type).toBe(type);
        } catch {
          const seen = (await auditEntries(t, { from, ...(did.actorUserId ? { actorUserId: did.actorUserId } : {}) }, t.admin.token)).nodes.map((n) => n.type);
          missing.push(`${mutation}: no ${type} entry by ${JSON.stringify(did)} (saw ${[...new Set(seen)].join(', ') || 'nothing'})`);
        }
      }
    }
    expect({ failedToRun, missing }).toEqual({ failedToRun: [], missing: [] });
  }, 600_000);
});
