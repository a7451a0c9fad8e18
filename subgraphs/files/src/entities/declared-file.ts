import { p } from '@mikro-orm/core';
import { OwnerTypes } from './enums.js';

/**
 * What is declared about a file: whose it is and what it should be. An upload ticket records the
 * declaration; the stored file keeps it once the bytes matched.
 */
export const declaredFileProperties = () => ({
  ownerType: p.enum([...OwnerTypes]),
  ownerId: p.uuid(),
  labId: p.string().length(100),
  filename: p.string().length(255),
  contentType: p.string().length(150),
  byteSize: p.integer(),
  sha256: p.string().length(64),
});
