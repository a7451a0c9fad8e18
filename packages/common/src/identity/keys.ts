import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importJWK, importPKCS8, importSPKI, type CryptoKey, type JWK } from 'jose';

export const SIGNING_ALG = 'EdDSA';

/** A private key and its public half, with the key id published in a JWKS. */
export interface SigningKeyPair {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export async function generateSigningKeyPair(kid: string): Promise<SigningKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
  return { kid, privateKey, publicKey };
}

/** Serialises a pair as PEM so it can be written to disk or an environment variable. */
export async function exportKeyPairPem(pair: SigningKeyPair): Promise<{ kid: string; privateKeyPem: string; publicKeyPem: string }> {
  return { kid: pair.kid, privateKeyPem: await exportPKCS8(pair.privateKey), publicKeyPem: await exportSPKI(pair.publicKey) };
}

export async function importPrivateKey(pemOrJwk: string): Promise<CryptoKey> {
  const text = pemOrJwk.trim();
  if (text.startsWith('{')) return (await importJWK(JSON.parse(text) as JWK, SIGNING_ALG, { extractable: true })) as CryptoKey;
  return importPKCS8(text.replace(/\\n/g, '\n'), SIGNING_ALG, { extractable: true });
}

export async function importPublicKey(pemOrJwk: string): Promise<CryptoKey> {
  const text = pemOrJwk.trim();
  if (text.startsWith('{')) return (await importJWK(JSON.parse(text) as JWK, SIGNING_ALG)) as CryptoKey;
  return importSPKI(text.replace(/\\n/g, '\n'), SIGNING_ALG, { extractable: true });
}

/** The public JWK of a key pair, tagged for a JWKS document. */
export async function publicJwk(pair: Pick<SigningKeyPair, 'kid' | 'publicKey'>): Promise<JWK> {
  return { ...(await exportJWK(pair.publicKey)), kid: pair.kid, alg: SIGNING_ALG, use: 'sig' };
}
