import { randomUUID } from 'node:crypto';
import { generateSigningKeyPair, signSignatureToken, type AuthTokenTrust, type Principal, type SignatureMeaning, type SignatureMethod } from '@app/common';

/** Signs e-signature tokens as auth would, with a key the subgraph under test is told to trust. */
export interface TestSigner {
  /** Pass as `authTokens` to startTestSubgraph. */
  trust: AuthTokenTrust;
  sign(signer: Principal, record: { recordType: string; recordId: string; recordHash: string }, options?: { meaning?: SignatureMeaning; method?: SignatureMethod; signedAt?: Date }): Promise<string>;
}

export async function createTestSigner(issuer = 'nanopore-auth'): Promise<TestSigner> {
  const keys = await generateSigningKeyPair('test-auth');
  return {
    trust: { key: keys.publicKey, issuer },
    async sign(signer, record, options = {}) {
      const { token } = await signSignatureToken(keys, issuer, {
        signatureId: randomUUID(), signerId: signer.userId!, signerName: signer.name, meaning: options.meaning ?? 'APPROVED_BY',
        method: options.method ?? 'PASSWORD', ...record, signedAt: new Date(Math.floor((options.signedAt ?? new Date()).getTime() / 1000) * 1000),
      });
      return token;
    },
  };
}
