import { z } from 'zod';
import { loadConfig } from '@app/common';

/** Variables only the audit subgraph reads (the shared ones are parsed by the runtime). */
export const auditEnvSchema = z.object({
  /** A checkpoint (seq + hash) is stored every this many entries. */
  AUDIT_CHECKPOINT_INTERVAL: z.coerce.number().int().min(10).max(1_000_000).default(1_000),
  /** Where pruning writes its archive files before deleting anything. */
  AUDIT_ARCHIVE_DIR: z.string().min(1).default('./data/audit-archive'),
  /** Largest export returned inline by `exportAuditEntries`. */
  AUDIT_EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(10_000),
});
export type AuditConfig = z.infer<typeof auditEnvSchema>;

export const loadAuditConfig = (env: Record<string, string | undefined>): AuditConfig => loadConfig(auditEnvSchema, env);
