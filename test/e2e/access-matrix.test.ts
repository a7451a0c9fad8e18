import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { startTestSystem, type TestSystem } from '@app/embedded/testing';
import { ACCESS_MATRIX, CALLERS, CREDENTIAL_OPERATIONS, type Caller } from '../../schema/access-matrix.js';
import { operationCalls, type OperationCall } from './operation-calls.js';

// Walks every query and mutation of the supergraph through the gateway as every kind of caller and
// checks who is refused (FORBIDDEN / UNAUTHENTICATED) against ACCESS_MATRIX. Any other outcome (data,
// NOT_FOUND for the random ids used, BAD_USER_INPUT, ...) means the caller got past authorization.
// An operation missing from the matrix fails the test, so the matrix grows with the schema.
let t: TestSystem;
let calls: OperationCall[];
const tokens = {} as Record<Caller, string | null>;
const DENIED = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

beforeAll(async () => {
  t = await startTestSystem();
  const staff = await t.createUser('STAFF');
  tokens.ADMIN = t.admin.token;
  tokens.STAFF = staff.token;
  tokens.SUBMITTER = (await t.createUser('SUBMITTER', 'lab-a')).token;
  tokens.VIEWER = (await t.createUser('VIEWER')).token;
  tokens.ANONYMOUS = null;
  const created = await t.gql(`mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }`, {
    i: { name: 'matrix BI token', scopes: ['samples:read', 'exports:read', 'workflow:read', 'audit:read', 'files:read'] },
  }, staff.token);
  if (!created.data?.createApiToken) throw new Error(`createApiToken failed: ${JSON.stringify(created.errors)}`);
  tokens.READ_TOKEN = created.data.createApiToken.token;
  const introspection = await t.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, t.admin.token);
  calls = operationCalls(buildClientSchema(introspection.data!));
}, 180_000);
afterAll(() => t?.stop());

async function outcome(call: OperationCall, caller: Caller): Promise<'denied' | 'allowed'> {
  const res = await t.gql(call.document, {}, tokens[caller]);
  const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
  // For credential-gated operations the probe's random credential is rightly UNAUTHENTICATED.
  const refusals = call.name in CREDENTIAL_OPERATIONS ? new Set(['FORBIDDEN']) : DENIED;
  return codes.some((c) => refusals.has(c)) ? 'denied' : 'allowed';
}

describe('role × operation matrix through the gateway', () => {
  it('lists every operation of the schema (and nothing that no longer exists)', () => {
    const names = calls.map((c) => c.name).sort();
    expect(names.filter((n) => !(n in ACCESS_MATRIX))).toEqual([]);
    expect(Object.keys(ACCESS_MATRIX).filter((n) => !names.includes(n))).toEqual([]);
  });

  // Every operation of the schema as six callers, one after another: its length grows with the schema.
  it('refuses and allows exactly as the matrix says, for every caller', async () => {
    const observed: Record<string, Caller[]> = {};
    // Mutations with global effects on the caller's own sessions run last.
    const ordered = [...calls].sort((a, b) => Number(a.name.includes('logout')) - Number(b.name.includes('logout')));
    for (const call of ordered) {
      observed[call.name] = [];
      for (const caller of CALLERS) if ((await outcome(call, caller)) === 'allowed') observed[call.name]!.push(caller);
    }
    if (process.env.MATRIX_PRINT) console.log(JSON.stringify(observed, null, 1));
    const expected = Object.fromEntries(calls.map((c) => [c.name, [...(ACCESS_MATRIX[c.name] ?? [])].sort()]));
    const actual = Object.fromEntries(Object.entries(observed).map(([k, v]) => [k, [...v].sort()]));
    expect(actual).toEqual(expected);
  }, 300_000);
});

describe('docs/access-matrix.md', () => {
  it('is generated from the enforced matrix (run scripts/render-access-matrix.ts after changing it)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderAccessMatrix } = await import('../../schema/render-access-matrix.js');
    expect(readFileSync(new URL('../../docs/access-matrix.md', import.meta.url), 'utf8')).toBe(renderAccessMatrix());
  });
});
