import type { StepName } from './entities/enums.js';

/** What the notification machinery reads from the environment (parsed in config.ts). */
export interface NotifyConfig {
  smtp: { host: string; port: number; secure: boolean; user: string | null; pass: string | null } | null;
  from: string;
  publicUrl: string;
  stepCompletedSteps: ReadonlySet<StepName>;
  unsubscribeSecret: string | null;
  webhookAllowPrivate: boolean;
  webhookTimeoutMs: number;
  retry: { baseMs: number; maxDelayMs: number; windowMs: number };
  worker: { intervalMs: number; batch: number; concurrency: number; enabled: boolean };
  digestHourUtc: number;
}

interface NotifyEnv {
  SMTP_HOST?: string; SMTP_PORT: number; SMTP_SECURE: boolean; SMTP_USER?: string; SMTP_PASS?: string;
  NOTIFY_FROM_EMAIL: string; NOTIFY_PUBLIC_URL: string; NOTIFY_STEP_COMPLETED_STEPS: StepName[]; NOTIFY_UNSUBSCRIBE_SECRET?: string;
  NOTIFY_WEBHOOK_ALLOW_PRIVATE: boolean; NOTIFY_WEBHOOK_TIMEOUT_MS: number;
  NOTIFY_RETRY_BASE_MS: number; NOTIFY_RETRY_MAX_DELAY_MS: number; NOTIFY_RETRY_WINDOW_MS: number;
  NOTIFY_WORKER_INTERVAL_MS: number; NOTIFY_WORKER_BATCH: number; NOTIFY_WORKER_CONCURRENCY: number; NOTIFY_WORKER_ENABLED: boolean;
  NOTIFY_DIGEST_HOUR_UTC: number;
}

export function notifyConfigOf(env: NotifyEnv): NotifyConfig {
  return {
    smtp: env.SMTP_HOST
      ? { host: env.SMTP_HOST, port: env.SMTP_PORT, secure: env.SMTP_SECURE, user: env.SMTP_USER ?? null, pass: env.SMTP_PASS ?? null }
      : null,
    from: env.NOTIFY_FROM_EMAIL,
    publicUrl: env.NOTIFY_PUBLIC_URL.replace(/\/+$/, ''),
    stepCompletedSteps: new Set(env.NOTIFY_STEP_COMPLETED_STEPS),
    unsubscribeSecret: env.NOTIFY_UNSUBSCRIBE_SECRET ?? null,
    webhookAllowPrivate: env.NOTIFY_WEBHOOK_ALLOW_PRIVATE,
    webhookTimeoutMs: env.NOTIFY_WEBHOOK_TIMEOUT_MS,
    retry: { baseMs: env.NOTIFY_RETRY_BASE_MS, maxDelayMs: env.NOTIFY_RETRY_MAX_DELAY_MS, windowMs: env.NOTIFY_RETRY_WINDOW_MS },
    worker: {
      intervalMs: env.NOTIFY_WORKER_INTERVAL_MS, batch: env.NOTIFY_WORKER_BATCH,
      concurrency: env.NOTIFY_WORKER_CONCURRENCY, enabled: env.NOTIFY_WORKER_ENABLED,
    },
    digestHourUtc: env.NOTIFY_DIGEST_HOUR_UTC,
  };
}
