/**
 * Prints fresh secrets for distributed mode, ready to paste into .env:
 *   node --import tsx scripts/generate-keys.ts >> .env
 * The gateway signs internal tokens with INTERNAL_TOKEN_PRIVATE_KEY; subgraphs verify with the
 * public half. The auth subgraph signs access tokens with AUTH_SIGNING_KEY. No defaults exist.
 */
import { randomBytes } from 'node:crypto';
import { exportKeyPairPem, generateSigningKeyPair } from '@app/common';

const oneLine = (pem: string) => JSON.stringify(pem.trim()).slice(1, -1);
const internal = await exportKeyPairPem(await generateSigningKeyPair('gateway'));
const auth = await exportKeyPairPem(await generateSigningKeyPair(`key-${new Date().toISOString().slice(0, 10)}`));
console.log(`INTERNAL_TOKEN_PRIVATE_KEY="${oneLine(internal.privateKeyPem)}"`);
console.log(`INTERNAL_TOKEN_PUBLIC_KEY="${oneLine(internal.publicKeyPem)}"`);
console.log(`AUTH_SIGNING_KEY="${oneLine(auth.privateKeyPem)}"`);
console.log(`AUTH_SIGNING_KID=${auth.kid}`);
console.log(`FILES_SIGNING_SECRET=${randomBytes(32).toString('base64url')}`);
console.log(`POSTGRES_PASSWORD=${randomBytes(18).toString('base64url')}`);
