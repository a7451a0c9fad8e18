import { ConflictError, type Problems } from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';

/** How far ahead of this server's clock a time the lab enters may be (another machine's clock). */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Nothing in a nanopore lab happened before the first nanopore runs. */
const EARLIEST = Date.UTC(2014, 0, 1);

/** A time in the past (a little clock skew allowed), or null when not given; a problem names the field otherwise. */
export function pastTime(problems: Problems, field: string, value: Date | null | undefined, now: Date): Date | null {
  if (value === null || value === undefined) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) { problems.add(field, 'is not a date-time'); return null; }
  if (value.getTime() > now.getTime() + CLOCK_SKEW_MS) { problems.add(field, 'must not be in the future'); return null; }
  if (value.getTime() < EARLIEST) { problems.add(field, 'must be after 2014 (the first nanopore runs)'); return null; }
  return value;
}

/** Flushes; a unique index that refuses the write (a concurrent request won) becomes CONFLICT with `message`. */
export async function flushUnique(em: EntityManager, message: string): Promise<void> {
  try {
    await em.flush();
  } catch (err) {
    if ((err as Error).name === 'UniqueConstraintViolationException') throw new ConflictError(message);
    throw err;
  }
}
