import { randomBytes } from 'node:crypto';
import { exportKeyPairPem, generateSigningKeyPair } from '@app/common';

/** The secrets scripts/generate-keys.ts prints, as an environment; every run gets fresh ones. */
export interface DistributedSecrets {
  INTERNAL_TOKEN_PRIVATE_KEY: string;
  INTERNAL_TOKEN_PUBLIC_KEY: string;
  AUTH_SIGNING_KEY: string;
  AUTH_SIGNING_KID: string;
  FILES_SIGNING_SECRET: string;
  ADMIN_PASSWORD: string;
}

export async function generateSecrets(): Promise<DistributedSecrets> {
  const internal = await exportKeyPairPem(await generateSigningKeyPair('gateway'));
  const auth = await exportKeyPairPem(await generateSigningKeyPair(`key-${new Date().toISOString().slice(0, 10)}`));
  return {
    INTERNAL_TOKEN_PRIVATE_KEY: internal.privateKeyPem.trim(),
    INTERNAL_TOKEN_PUBLIC_KEY: internal.publicKeyPem.trim(),
    AUTH_SIGNING_KEY: auth.privateKeyPem.trim(),
    AUTH_SIGNING_KID: auth.kid,
    FILES_SIGNING_SECRET: randomBytes(32).toString('base64url'),
    ADMIN_PASSWORD: `admin ${randomBytes(12).toString('base64url')}`,
  };
}

/**
 * Strings that must never appear in any output: the private keys (whole and their base64 body
 * lines), the files secret and the admin password. Public keys are not secret.
 */
export function secretNeedles(secrets: DistributedSecrets): { name: string; value: string }[] {
  const pemBody = (pem: string) => pem.split('\n').filter((l) => l.length >= 40 && !l.startsWith('-----'));
  return [
    ...pemBody(secrets.INTERNAL_TOKEN_PRIVATE_KEY).map((value) => ({ name: 'INTERNAL_TOKEN_PRIVATE_KEY', value })),
    ...pemBody(secrets.AUTH_SIGNING_KEY).map((value) => ({ name: 'AUTH_SIGNING_KEY', value })),
    { name: 'FILES_SIGNING_SECRET', value: secrets.FILES_SIGNING_SECRET },
    { name: 'ADMIN_PASSWORD', value: secrets.ADMIN_PASSWORD },
  ];
}
