import type { SlaTarget } from '../config.js';
import type { StepStatus } from '../entities/enums.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Adds business days (Mon–Fri, UTC), keeping the time of day; receipt on a weekend counts from Monday. */
export function addBusinessDays(from: Date, days: number): Date {
  const d = new Date(from.getTime());
  while (isWeekend(d)) d.setTime(startOfNextDay(d));
  let left = days;
  while (left > 0) {
    d.setTime(d.getTime() + DAY_MS);
    if (!isWeekend(d)) left--;
  }
  return d;
}
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;
const startOfNextDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);

/** The SLA due date of a sample received at `receivedAt` with the given target. */
export function dueDate(receivedAt: Date, target: SlaTarget): Date {
  return target.unit === 'hours' ? new Date(receivedAt.getTime() + target.amount * HOUR_MS) : addBusinessDays(receivedAt, target.amount);
}

export interface TimedStep {
  status: StepStatus;
  estimatedHours: number;
  startedAt?: Date | null;
  completedAt?: Date | null;
}

/**
 * ETA = now + the estimated hours still ahead: every step not yet done, less the time the step in
 * progress has already had (never below zero). Once every step is done, the ETA is when it finished.
 */
export function estimateEta(steps: TimedStep[], now: Date, finishedAt: Date | null): Date {
  if (finishedAt) return finishedAt;
  let hours = 0;
  for (const step of steps) {
    if (step.status === 'COMPLETED' || step.status === 'SKIPPED') continue;
    const spent = step.status === 'IN_PROGRESS' && step.startedAt ? (now.getTime() - step.startedAt.getTime()) / HOUR_MS : 0;
    hours += Math.max(0, step.estimatedHours - spent);
  }
  return new Date(now.getTime() + hours * HOUR_MS);
}

/** Late: past the due date and not delivered yet (archived work is never late). */
export function isOverdue(w: { dueAt?: Date | null; finishedAt?: Date | null; archived: boolean }, now: Date): boolean {
  return !!w.dueAt && !w.finishedAt && !w.archived && now.getTime() > w.dueAt.getTime();
}

export function hoursBetween(from: Date, to: Date): number {
  return Math.round(((to.getTime() - from.getTime()) / HOUR_MS) * 1000) / 1000;
}
