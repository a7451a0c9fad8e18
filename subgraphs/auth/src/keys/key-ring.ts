import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CryptoKey, JWK } from 'jose';
import { exportKeyPairPem, generateSigningKeyPair, importPrivateKey, importPublicKey, publicJwk, type Logger, type SigningKeyPair } from '@app/common';
import type { AuthConfig } from '../config.js';

/** A public key still accepted for verification (the current one or a retired one). */
export interface VerificationKey {
  kid: string;
  publicKey: CryptoKey;
  /** Its public JWK, as published in the JWKS. */
  jwk: JWK;
}

/** The key that signs new access tokens, plus every key whose tokens may still be alive. */
export interface KeyRing {
  current: SigningKeyPair;
  verification: VerificationKey[];
  /** The JWKS document served at /.well-known/jwks.json. */
  jwks(): { keys: JWK[] };
}

export const SIGNING_KEY_FILE = 'signing-key.json';
const RETIRED_SUFFIX = '.public.pem';

/** Derives the public half of a PKCS#8 private key so only one secret has to be configured. */
async function fromPrivatePem(kid: string, pem: string): Promise<SigningKeyPair> {
  const text = pem.trim().replace(/\\n/g, '\n');
  const spki = createPublicKey(createPrivateKey(text)).export({ type: 'spki', format: 'pem' }).toString();
  return { kid, privateKey: await importPrivateKey(text), publicKey: await importPublicKey(spki) };
}

/** Reads the persisted signing key, or generates one and writes it readable by the owner only. */
async function loadOrCreateInDir(dir: string, logger: Logger): Promise<SigningKeyPair> {
  const file = join(dir, SIGNING_KEY_FILE);
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { kid: string; privateKeyPem: string };
    return await fromPrivatePem(saved.kid, saved.privateKeyPem);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const kid = `auth-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
  const pair = await generateSigningKeyPair(kid);
  const pem = await exportKeyPairPem(pair);
  await writeFile(file, JSON.stringify({ kid, privateKeyPem: pem.privateKeyPem, publicKeyPem: pem.publicKeyPem, createdAt: new Date().toISOString() }), { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  logger.info({ kid, dir }, 'generated a new access-token signing key');
  return pair;
}

/** Retired public keys kept in the keys dir as `<kid>.public.pem`. */
async function retiredFromDir(dir: string): Promise<VerificationKey[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = names.filter((n) => n.endsWith(RETIRED_SUFFIX));
  return Promise.all(files.map(async (n) => {
    const kid = n.slice(0, -RETIRED_SUFFIX.length);
    const publicKey = await importPublicKey(await readFile(join(dir, n), 'utf8'));
    return { kid, publicKey, jwk: await publicJwk({ kid, publicKey }) };
  }));
}

/** AUTH_RETIRED_PUBLIC_KEYS: a JWKS document (`{"keys":[...]}`) or an array of public JWKs, each with a `kid`. */
async function retiredFromEnv(value: string | undefined): Promise<VerificationKey[]> {
  if (!value) return [];
  const parsed = JSON.parse(value) as { keys?: JWK[] } | JWK[];
  const keys = Array.isArray(parsed) ? parsed : parsed.keys ?? [];
  return Promise.all(keys.map(async (jwk) => {
    if (!jwk.kid) throw new Error('AUTH_RETIRED_PUBLIC_KEYS: every key needs a kid');
    // Only public members are kept, whatever was pasted.
    const pub: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: jwk.kid, alg: 'EdDSA', use: 'sig' };
    return { kid: jwk.kid, publicKey: await importPublicKey(JSON.stringify({ kty: pub.kty, crv: pub.crv, x: pub.x })), jwk: pub };
  }));
}

/** Builds the key ring from configuration: a configured key wins; otherwise the keys dir. */
export async function loadKeyRing(config: AuthConfig, logger: Logger): Promise<KeyRing> {
  const current = config.AUTH_SIGNING_KEY
    ? await fromPrivatePem(config.AUTH_SIGNING_KID!, config.AUTH_SIGNING_KEY)
    : await loadOrCreateInDir(config.AUTH_KEYS_DIR!, logger);
  const retired = [
    ...(config.AUTH_KEYS_DIR ? await retiredFromDir(config.AUTH_KEYS_DIR) : []),
    ...(await retiredFromEnv(config.AUTH_RETIRED_PUBLIC_KEYS)),
  ].filter((k) => k.kid !== current.kid);
  const verification = [{ kid: current.kid, publicKey: current.publicKey, jwk: await publicJwk(current) }, ...retired];
  const document = { keys: verification.map((k) => k.jwk) };
  return { current, verification, jwks: () => document };
}
