/**
 * What resolvers receive as parent for GraphQL types that are not entities (codegen mappers, see
 * codegen.json): connections and rows as services build them, a step's stored results tagged with
 * their GraphQL type, and the entity stubs this subgraph extends, known here by id only.
 */
import type { Connection } from '@app/common';
export type { UploadPart } from '@app/common';
import type { StepResults } from '../__generated__/resolvers-types.js';
import type { FlowCell, FlowCellPoreCount, FlowCellWash, Notification, NotificationDelivery, Pool, SequencingRun, StepTransition, WebhookEndpoint, WorkflowStep } from '../entities/index.js';
import type { BarcodeKit } from '../services/lab/barcode-kits.js';
import type { BarcodeName } from '../services/lab/pool.service.js';
import type { BulkItemResult } from '../services/bulk.service.js';
import type { QueueItem } from '../services/queue.service.js';

export type WorkQueueItem = QueueItem;
/** A step read as a plain row (the workflow's steps, byIdRowLoader's kind of read): its workflow as an id. */
export type WorkflowStepRow = Omit<WorkflowStep, 'workflow'> & { workflow: string };
/** What a WorkflowStep resolver receives: an entity (by-id loads, mutations) or a plain row (a workflow's steps). */
export type WorkflowStepModel = WorkflowStep | WorkflowStepRow;
export type WorkQueueConnection = Connection<QueueItem>;
export type StepTransitionConnection = Connection<StepTransition>;
/** The unread count is counted only when selected. */
export type NotificationConnection = Connection<Notification> & { unreadCount: () => Promise<number> };
export type NotificationDeliveryConnection = Connection<NotificationDelivery>;
export interface RegisteredWebhookEndpoint { endpoint: WebhookEndpoint; secret: string }
export type BulkStepResult = BulkItemResult;
/** A step's results as stored (JSON), with the union member they are read as. */
export type StoredResults = Record<string, unknown> & { __typename: NonNullable<StepResults['__typename']> };
/** One QC check as stored with its step (JSON). */
export type StoredQcCheck = Record<string, unknown>;
/** Served by the gateway from bus events; the subgraph never resolves it. */
export interface WorkflowEvent { seq: number; sampleId: string }
export interface EntityStub { id: string }
export type FlowCellConnection = Connection<FlowCell>;
export type FlowCellPoreCountConnection = Connection<FlowCellPoreCount>;
export type FlowCellWashConnection = Connection<FlowCellWash>;
export type PoolConnection = Connection<Pool>;
/** A kit from the catalog with its barcodes. */
export interface BarcodeKitModel { kit: BarcodeKit; barcodes: BarcodeName[] }
export type SequencingRunConnection = Connection<SequencingRun>;
