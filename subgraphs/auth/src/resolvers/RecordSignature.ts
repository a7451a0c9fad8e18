import type { RecordSignatureResolvers } from '../__generated__/resolvers-types.js';

/** A signature just made, from its token's claims; the signer is the caller, who sees their own fields. */
export const RecordSignature: RecordSignatureResolvers = {
  id: (s) => s.claims.signatureId,
  token: (s) => s.token,
  signer: (s) => s.signer,
  meaning: (s) => s.claims.meaning,
  method: (s) => s.claims.method,
  recordType: (s) => s.claims.recordType,
  recordId: (s) => s.claims.recordId,
  recordHash: (s) => s.claims.recordHash,
  signedAt: (s) => s.claims.signedAt,
  expiresAt: (s) => s.claims.expiresAt,
};
