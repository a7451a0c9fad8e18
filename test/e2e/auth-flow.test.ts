import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';

// Issue 3 acceptance through the gateway with a real client and the real auth subgraph's tokens.
let t: TestSystem;
let submitter: TestUser;
let viewer: TestUser;

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken user { id role } } }`;
const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }`;
const code = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  t = await startTestSystem();
  submitter = await t.createUser('SUBMITTER', 'lab-a');
  viewer = await t.createUser('VIEWER');
}, 120_000);
afterAll(() => t?.stop());

describe('sessions through the gateway', () => {
  it('login → query → refresh → refresh → the first, spent refresh token is refused and its family revoked → login again works', async () => {
    const login = await t.gql(LOGIN, { e: submitter.email, p: submitter.password });
    expect(login.errors).toBeUndefined();
    const first = login.data!.login;
    expect((await t.gql(`{ me { id role labId } }`, {}, first.accessToken)).data!.me).toEqual({ id: submitter.id, role: 'SUBMITTER', labId: 'lab-a' });

    const refreshed = await t.gql(REFRESH, { r: first.refreshToken });
    expect(refreshed.errors).toBeUndefined();
    const second = refreshed.data!.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.gql(`{ me { id } }`, {}, second.accessToken)).data!.me.id).toBe(submitter.id);

    // Once its successor has been used, presenting the spent token again looks like theft (the auth
    // subgraph's reuse grace covers only a token whose successors are unused): refused, and the whole
    // family is revoked.
    const third = await t.gql(REFRESH, { r: second.refreshToken });
    expect(third.errors).toBeUndefined();
    expect(code(await t.gql(REFRESH, { r: first.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(REFRESH, { r: third.data!.refreshSession.refreshToken }))).toBe('UNAUTHENTICATED');

    const again = await t.gql(LOGIN, { e: submitter.email, p: submitter.password });
    expect(again.data!.login.user).toEqual({ id: submitter.id, role: 'SUBMITTER' });
  });

  it('issues EdDSA access tokens with the claims the gateway checks, verifiable with the JWKS the gateway serves', async () => {
    const header = decodeProtectedHeader(submitter.token);
    const claims = decodeJwt(submitter.token);
    expect(header.alg).toBe('EdDSA');
    expect(claims).toMatchObject({ sub: submitter.id, role: 'SUBMITTER', lab: 'lab-a', iss: 'nanopore-auth', aud: 'nanopore-api' });
    expect((claims.exp! - claims.iat!) / 60).toBeLessThanOrEqual(15);
    const jwks = await (await fetch(`${t.url}/.well-known/jwks.json`)).json() as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toContain(header.kid);
  });

  it('locks an account after 5 wrong passwords, with the same answer as for an unknown email', async () => {
    const victim = await t.createUser('STAFF');
    const unknown = await t.gql(LOGIN, { e: 'nobody-here@facility.test', p: 'wrong password 1234' });
    const wrong = await t.gql(LOGIN, { e: victim.email, p: 'wrong password 1234' });
    expect(code(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
    for (let i = 0; i < 4; i++) await t.gql(LOGIN, { e: victim.email, p: `wrong password ${i}xx` });
    const locked = await t.gql(LOGIN, { e: victim.email, p: victim.password });
    expect(code(locked)).toBe('RATE_LIMITED');
  });
});

describe('callers the gateway refuses', () => {
  it('answers tampered, expired, alg:none, wrong-audience and wrong-issuer tokens with UNAUTHENTICATED', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const claims = { role: 'ADMIN', name: 'Mallory' };
    const sign = (iss: string, aud: string, exp: string | number) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: decodeProtectedHeader(submitter.token).kid! })
        .setSubject(submitter.id).setIssuer(iss).setAudience(aud).setIssuedAt().setExpirationTime(exp).sign(privateKey);
    const [head, body] = submitter.token.split('.');
    const elevated = Buffer.from(JSON.stringify({ ...decodeJwt(submitter.token), role: 'ADMIN' })).toString('base64url');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${body}.`;
    const tokens = {
      tampered: `${head}.${elevated}.${submitter.token.split('.')[2]}`,
      foreignKey: await sign('nanopore-auth', 'nanopore-api', '10m'),
      expired: await sign('nanopore-auth', 'nanopore-api', Math.floor(Date.now() / 1000) - 60),
      algNone: none,
      wrongAudience: await sign('nanopore-auth', 'someone-else', '10m'),
      wrongIssuer: await sign('evil-issuer', 'nanopore-api', '10m'),
    };
    for (const [name, token] of Object.entries(tokens)) {
      expect({ name, code: code(await t.gql(`{ me { id } }`, {}, token)) }).toEqual({ name, code: 'UNAUTHENTICATED' });
    }
  });

  it("gives a submitter NOT_FOUND for another lab's sample, exactly as for a sample that does not exist", async () => {
    const staff = await t.createUser('STAFF');
    const project = await t.gql(`mutation { createProject(input: { name: "Lab B work", labId: "lab-b" }) { id } }`, {}, staff.token);
    const submission = await t.gql(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: project.data!.createProject.id }, staff.token);
    const samples = await t.gql(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "B-1", sampleType: DNA }]) { id } }`,
      { s: submission.data!.createSubmission.id }, staff.token);
    const theirs = samples.data!.addSamples[0].id;
    const hidden = await t.gql(`query($id: ID!) { sample(id: $id) { id name } }`, { id: theirs }, submitter.token);
    const missing = await t.gql(`query($id: ID!) { sample(id: $id) { id name } }`, { id: '00000000-0000-4000-8000-000000000000' }, submitter.token);
    expect(code(hidden)).toBe('NOT_FOUND');
    expect(hidden.errors![0]!.message.replace(theirs, 'X')).toBe(missing.errors![0]!.message.replace('00000000-0000-4000-8000-000000000000', 'X'));
    expect(JSON.stringify(hidden)).not.toContain('B-1');
  });

  it("refuses a viewer's mutation with FORBIDDEN", async () => {
    expect(code(await t.gql(`mutation { createProject(input: { name: "Nope" }) { id } }`, {}, viewer.token))).toBe('FORBIDDEN');
  });
});
