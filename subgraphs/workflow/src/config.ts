import { z } from 'zod';
import { envBoolean, envPort, loadConfig } from '@app/common';
import { Priorities, StepNames, type Priority, type StepName } from './entities/enums.js';
import { notifyConfigOf, type NotifyConfig } from './notify-config.js';
import { DEFAULT_LOW_STOCK, FlowCellProductCodes, FlowCellProducts, type FlowCellProductCode } from './services/lab/flow-cell-products.js';
import { DEFAULT_QC_THRESHOLDS, mergeThresholds, qcThresholdsSchema, type QcThresholds } from './services/qc-thresholds.js';

/** Default hours per step (domain.md §4.1): 59 hours in total. */
export const DEFAULT_STEP_HOURS: Record<StepName, number> = {
  SAMPLE_QC: 1, LIBRARY_PREP: 4, LIBRARY_QC: 1, SEQUENCING_SETUP: 1, SEQUENCING_RUN: 48, BASECALLING: 2, QUALITY_ASSESSMENT: 1, DATA_DELIVERY: 1,
};

/** A turnaround target: wall-clock hours, or business days (Mon–Fri, UTC). */
export type SlaTarget = { unit: 'hours' | 'businessDays'; amount: number };
export const DEFAULT_SLA: Record<Priority, SlaTarget> = {
  URGENT: { unit: 'hours', amount: 24 }, HIGH: { unit: 'hours', amount: 48 },
  NORMAL: { unit: 'businessDays', amount: 5 }, LOW: { unit: 'businessDays', amount: 10 },
};

/** Parses `KEY=value,KEY=value` lists, refusing unknown keys so a typo fails start-up. */
function keyValueList<K extends string, V>(keys: readonly K[], parseValue: (raw: string) => V | null, expected: string) {
  return z.string().transform((text, ctx) => {
    const out: Partial<Record<K, V>> = {};
    for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [key, raw = ''] = part.split('=').map((s) => s.trim());
      const value = parseValue(raw);
      if (!keys.includes(key as K)) ctx.addIssue({ code: 'custom', message: `unknown key "${key}"; expected one of ${keys.join(', ')}` });
      else if (value === null) ctx.addIssue({ code: 'custom', message: `${key}: expected ${expected}, got "${raw}"` });
      else out[key as K] = value;
    }
    return out;
  });
}

const hours = (raw: string) => (/^\d+(\.\d+)?$/.test(raw) && Number(raw) > 0 && Number(raw) <= 10_000 ? Number(raw) : null);
const slaTarget = (raw: string): SlaTarget | null => {
  const m = /^(\d+)(h|bd)$/.exec(raw);
  return m && Number(m[1]) > 0 ? { unit: m[2] === 'h' ? 'hours' : 'businessDays', amount: Number(m[1]) } : null;
};

const thresholdsJson = z.string().transform((text, ctx) => {
  try {
    const parsed = qcThresholdsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not JSON: ${(err as Error).message}` });
  }
  return z.NEVER;
});

/** Variables only the workflow subgraph reads (the shared ones are parsed by the runtime). */
export const workflowEnvSchema = z.object({
  /** Overrides of the default step hours, e.g. `SEQUENCING_RUN=72,BASECALLING=6`. */
  WORKFLOW_STEP_HOURS: keyValueList(StepNames, hours, 'hours between 0 and 10000').default({}),
  /** Overrides of the SLA targets by priority, e.g. `URGENT=12h,NORMAL=3bd` (h: hours, bd: business days). */
  WORKFLOW_SLA: keyValueList(Priorities, slaTarget, '<n>h or <n>bd').default({}),
  /** QC thresholds as JSON, merged over the defaults (see README). */
  WORKFLOW_QC_THRESHOLDS: thresholdsJson.optional(),
  /** User ids of STAFF members treated as senior: they may override failed QC and skip QC steps. */
  WORKFLOW_SENIOR_STAFF_IDS: z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().uuid('must be a comma-separated list of user ids'))).default([]),
  /** How often the overdue scanner runs. */
  WORKFLOW_OVERDUE_SCAN_MS: z.coerce.number().int().min(20).max(86_400_000).default(60_000),
  /** Turn the overdue scanner off (e.g. when another replica runs it); scans are idempotent either way. */
  WORKFLOW_OVERDUE_SCAN_ENABLED: envBoolean(true),
  // The lab's inventory (README "Flow cells and pools").
  /** Warranty pore counts by product, over the defaults (MinION 800, PromethION 5000, Flongle 50), e.g. `FLO-MIN114=900`. */
  WORKFLOW_FLOWCELL_WARRANTY_PORES: keyValueList(FlowCellProductCodes, (raw) => (/^\d{1,5}$/.test(raw) ? Number(raw) : null), 'a pore count').default({}),
  /** Low-stock thresholds by product (default 2 each), e.g. `FLO-MIN114=5,FLO-PRO114M=4`; 0 turns a product's alert off. */
  WORKFLOW_FLOWCELL_LOW_STOCK: keyValueList(FlowCellProductCodes, (raw) => (/^\d{1,4}$/.test(raw) ? Number(raw) : null), 'a number of flow cells').default({}),
  /** Unused cells expiring within this many days raise FlowCellExpiringSoon (once per cell). */
  WORKFLOW_FLOWCELL_EXPIRY_WARNING_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** How often the expiry scan runs. */
  WORKFLOW_FLOWCELL_EXPIRY_SCAN_MS: z.coerce.number().int().min(20).max(86_400_000).default(3_600_000),
  /** Turn the expiry scan off on a replica; scans are idempotent either way. */
  WORKFLOW_FLOWCELL_EXPIRY_SCAN_ENABLED: envBoolean(true),
  // Notifications (README "Notifications"); read by notify-config.ts.
  /** SMTP server for notification e-mail; e-mail is off when unset. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: envPort(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: envBoolean(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  /** Sender of notification e-mail. */
  NOTIFY_FROM_EMAIL: z.string().min(3).default('Nanopore sequencing core <no-reply@localhost>'),
  /** Public URL of the gateway, for links in e-mail (unsubscribe, sample pages). */
  NOTIFY_PUBLIC_URL: z.string().url().default('http://localhost:4000'),
  /** Steps whose completion notifies the customer (DATA_DELIVERY always does, as "data delivered"). */
  NOTIFY_STEP_COMPLETED_STEPS: z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(StepNames))).default(['SAMPLE_QC', 'SEQUENCING_RUN']),
  /** Secret that signs unsubscribe links; when unset one is generated and kept in the database. */
  NOTIFY_UNSUBSCRIBE_SECRET: z.string().min(32).optional(),
  /** Let webhooks reach private, loopback and link-local addresses (tests, on-premise receivers). */
  NOTIFY_WEBHOOK_ALLOW_PRIVATE: envBoolean(false),
  NOTIFY_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** First retry delay; each further attempt doubles it (full jitter), capped by NOTIFY_RETRY_MAX_DELAY_MS. */
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  NOTIFY_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(10).max(86_400_000).default(3_600_000),
  /** A delivery still failing this long after it was queued is given up (FAILED); replay re-queues it. */
  NOTIFY_RETRY_WINDOW_MS: z.coerce.number().int().min(1_000).max(7 * 86_400_000).default(86_400_000),
  /** How often the delivery worker looks for due deliveries (it is also woken by new ones). */
  NOTIFY_WORKER_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(1_000),
  NOTIFY_WORKER_BATCH: z.coerce.number().int().min(1).max(1_000).default(100),
  NOTIFY_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  /** Turn the delivery worker off on a replica; claims are SKIP LOCKED, so several may run. */
  NOTIFY_WORKER_ENABLED: envBoolean(true),
  /** Hour (UTC) daily digests are sent. */
  NOTIFY_DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
});

export interface WorkflowConfig {
  stepHours: Record<StepName, number>;
  sla: Record<Priority, SlaTarget>;
  qcThresholds: QcThresholds;
  seniorStaffIds: ReadonlySet<string>;
  overdueScanMs: number;
  overdueScanEnabled: boolean;
  notify: NotifyConfig;
  lab: LabConfig;
}

/** The flow-cell inventory's rules. */
export interface LabConfig {
  warrantyPores: Record<FlowCellProductCode, number>;
  lowStock: Record<FlowCellProductCode, number>;
  expiryWarningDays: number;
  expiryScanMs: number;
  expiryScanEnabled: boolean;
}

export function loadWorkflowConfig(env: Record<string, string | undefined>): WorkflowConfig {
  const raw = loadConfig(workflowEnvSchema, env);
  return Object.freeze({
    stepHours: { ...DEFAULT_STEP_HOURS, ...raw.WORKFLOW_STEP_HOURS },
    sla: { ...DEFAULT_SLA, ...raw.WORKFLOW_SLA },
    qcThresholds: mergeThresholds(DEFAULT_QC_THRESHOLDS, raw.WORKFLOW_QC_THRESHOLDS),
    seniorStaffIds: new Set(raw.WORKFLOW_SENIOR_STAFF_IDS),
    overdueScanMs: raw.WORKFLOW_OVERDUE_SCAN_MS,
    overdueScanEnabled: raw.WORKFLOW_OVERDUE_SCAN_ENABLED,
    notify: notifyConfigOf(raw),
    lab: {
      warrantyPores: { ...Object.fromEntries(FlowCellProductCodes.map((c) => [c, FlowCellProducts[c].warrantyPores])) as Record<FlowCellProductCode, number>, ...raw.WORKFLOW_FLOWCELL_WARRANTY_PORES },
      lowStock: { ...Object.fromEntries(FlowCellProductCodes.map((c) => [c, DEFAULT_LOW_STOCK])) as Record<FlowCellProductCode, number>, ...raw.WORKFLOW_FLOWCELL_LOW_STOCK },
      expiryWarningDays: raw.WORKFLOW_FLOWCELL_EXPIRY_WARNING_DAYS,
      expiryScanMs: raw.WORKFLOW_FLOWCELL_EXPIRY_SCAN_MS,
      expiryScanEnabled: raw.WORKFLOW_FLOWCELL_EXPIRY_SCAN_ENABLED,
    },
  });
}
