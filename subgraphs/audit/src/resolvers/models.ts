/**
 * What resolvers receive as parent for GraphQL types that are not entities (codegen mappers,
 * see codegen.json): rows and connections as services build them, and the entity stubs this
 * subgraph extends, known here by id only.
 */
import type { Connection } from '@app/common';
import type { LegalHold } from '../entities/index.js';
import type { DeadLetterRow } from '../services/dead-letter.service.js';
import type { EntryRow } from '../services/entry-row.js';

export type { EntryRow as AuditEntry, DeadLetterRow as DeadLetter };
export type AuditEntryConnection = Connection<EntryRow>;
export type LegalHoldConnection = Connection<LegalHold>;
export type DeadLetterConnection = Connection<DeadLetterRow>;
export interface EntityStub { id: string }
