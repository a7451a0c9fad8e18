import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isLeafType, type GraphQLField, type GraphQLSchema, type IntrospectionQuery,
} from 'graphql';
import { startTestSystem, type TestSystem } from '@app/embedded/testing';
import { valueFor, type ArbitraryContext } from './arbitraries.js';
import { RUNS, catchUnhandled, settledWrites, writes } from './harness.js';

// Property-based fuzzing of every mutation's variables, generated from the schema: wrong types,
// huge strings, unicode edge cases, nulls, extreme numbers, deep inputs. Whatever is sent, the
// system answers with a client error (never INTERNAL_SERVER_ERROR or a 5xx), nothing is left
// unhandled, and a refused mutation writes nothing. FUZZ_RUNS cases per mutation (CI: 5;
// `npm run fuzz`: 100).

let t: TestSystem;
let schema: GraphQLSchema;
let ctx: ArbitraryContext;
let unhandled: ReturnType<typeof catchUnhandled>;

beforeAll(async () => {
  unhandled = catchUnhandled();
  t = await startTestSystem({ env: { EXPENSIVE_OPERATIONS_PER_MINUTE: '0' } });
  const introspection = await t.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, t.admin.token);
  schema = buildClientSchema(introspection.data!);
  ctx = { ids: await realIds(t) };
}, 180_000);
afterAll(async () => {
  unhandled?.stop();
  await t?.stop();
});

/** A project, a submission with a sample and a staff user, so fuzzed ids sometimes exist. */
async function realIds(t: TestSystem): Promise<string[]> {
  const submitter = await t.createUser('SUBMITTER', 'lab-a');
  const p = (await t.gql(`mutation { createProject(input: { name: "Fuzz" }) { id } }`, {}, submitter.token)).data!.createProject.id;
  const s = (await t.gql(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p }, submitter.token)).data!.createSubmission.id;
  const sample = (await t.gql(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "F-1", sampleType: DNA }]) { id } }`, { s }, submitter.token)).data!.addSamples[0].id;
  return [p, s, sample, submitter.id];
}

/** `mutation($a: T!, ...) { name(a: $a, ...) { __typename } }` for every argument. */
function documentFor(field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

async function post(body: string, token: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text) };
  } catch {
    return { status: res.status, json: { errors: [{ message: text.slice(0, 200), extensions: { code: 'NOT_JSON' } }] } };
  }
}

describe('fuzzed variables for every mutation', () => {
  it('never answer with a server error, never leave a rejection unhandled, and write nothing when refused', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    // Mutations that end the caller's own sessions run last, each with a fresh login before.
    mutations.sort((a, b) => Number(/logout|deactivate|changePassword/.test(a.name)) - Number(/logout|deactivate|changePassword/.test(b.name)));
    const failures: string[] = [];
    let cases = 0;
    for (const field of mutations) {
      const token = await t.login(t.admin.email, t.admin.password);
      const document = documentFor(field);
      const variables = fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type, ctx)])));
      await fc.assert(fc.asyncProperty(variables, async (vars) => {
        cases += 1;
        const before = await settledWrites(t);
        const { status, json } = await post(JSON.stringify({ query: document, variables: vars }), token);
        const codes: string[] = (json.errors ?? []).map((e: any) => String(e.extensions?.code ?? 'NO_CODE'));
        const refused = codes.length > 0 && json.data?.[field.name] == null;
        const wrote = refused ? (await writes(t)) - before : 0;
        const bad = status >= 500 || codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'NO_CODE' || c === 'NOT_JSON') || wrote > 0;
        if (bad) failures.push(`${field.name} → ${status} ${codes.join(',')} wrote ${wrote}: ${JSON.stringify(vars).slice(0, 300)}`);
        return !bad;
      }), { numRuns: RUNS, endOnFailure: true }).catch(() => undefined);
    }
    expect(failures).toEqual([]);
    expect(unhandled.errors).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(mutations.length);
    // The system still answers after all of it.
    expect((await t.gql(`{ me { id } }`, {}, await t.login(t.admin.email, t.admin.password))).data?.me?.id).toBe(t.admin.id);
  }, 900_000);
});
