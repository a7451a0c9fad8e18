import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSystem, type RunningSystem } from '@app/embedded';
import { testLogger } from '@app/testing';

// Embedded mode keeps its data under a folder (PGlite files, keys, secrets): what was created
// through the API is still there after the process restarts, and old access tokens still verify.
const dataDir = mkdtempSync(join(tmpdir(), 'nanopore-embedded-'));
const env = { ADMIN_EMAIL: 'restart-admin@facility.test', ADMIN_PASSWORD: 'restart test password 12345', AUTH_GENERATE_ADMIN: 'false' };
let system: RunningSystem | null = null;

afterAll(async () => {
  await system?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = () => startSystem({ logger: testLogger('embedded'), dataDir, port: 0, env });
async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${system!.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}

describe('embedded mode across a restart', () => {
  it('keeps projects, users and signing keys', async () => {
    system = await start();
    const login = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: env.ADMIN_EMAIL, p: env.ADMIN_PASSWORD });
    const token = login.data.login.accessToken as string;
    const created = await gql(`mutation { createProject(input: { name: "Survives restarts", labId: "lab-r" }) { id } }`, {}, token);
    const id = created.data.createProject.id as string;
    await system.stop();
    system = null;

    system = await start();
    const read = await gql(`query($id: ID!) { project(id: $id) { name labId } }`, { id }, token);
    expect(read.errors).toBeUndefined();
    expect(read.data.project).toEqual({ name: 'Survives restarts', labId: 'lab-r' });
  }, 120_000); // two cold starts of the whole system on PGlite files: ~17 s idle, over 60 s at load 14
});
