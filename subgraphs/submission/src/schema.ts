import { readContract } from '@app/common';

/** The contract, read from the same file composition reads. */
export const typeDefs = readContract(import.meta.dirname);
