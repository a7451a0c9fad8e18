/**
 * What resolvers receive as parent for GraphQL types that are not entities (codegen mappers, see
 * codegen.json): connections as services build them, sample rows as the draft stores them, an
 * uploaded file part, and the entity stubs this subgraph extends, known here by id only.
 */
import type { Connection } from '@app/common';

/** An `Upload` input field: resolves to the file once its part of the multipart body arrives. */
export type { UploadPart } from '@app/common';
import type { ExtractionJob } from '../entities/index.js';
import type { DraftSample } from '../services/pdf/draft.js';

export type ExtractionJobConnection = Connection<ExtractionJob>;
export type ExtractedSample = DraftSample;
/** Served by the gateway from bus events; the subgraph never resolves it. */
export interface ExtractionProgress { jobId: string }
export interface EntityStub { id: string }
