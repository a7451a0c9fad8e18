import { ValidationError, type FieldProblem } from '@app/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID; ids of other subgraphs' entities are UUIDs, and anything else cannot match a row. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Collects problems for several fields so one response reports them all. */
export class Problems {
  private readonly list: FieldProblem[] = [];
  add(field: string, message: string): this {
    this.list.push({ field, message });
    return this;
  }
  id(field: string, value: string | null | undefined, required = true): string | null {
    if (value === null || value === undefined || value === '') {
      if (required) this.add(field, 'is required');
      return null;
    }
    if (!isUuid(value)) this.add(field, 'must be a UUID');
    return value;
  }
  text(field: string, value: string | null | undefined, { max = 255, required = true } = {}): string | null {
    const trimmed = value?.trim() ?? '';
    if (!trimmed) {
      if (required) this.add(field, 'is required');
      return null;
    }
    if (trimmed.length > max) this.add(field, `must be at most ${max} characters`);
    return trimmed;
  }
  /** The problems as one error, or null when there are none. */
  error(): ValidationError | null {
    return this.list.length ? new ValidationError(this.list) : null;
  }
  throwIfAny(): void {
    const error = this.error();
    if (error) throw error;
  }
}

/** Characters outside [A-Za-z0-9._-] become `_` (domain.md §2.6), so names are safe in headers and on disk. */
export function sanitizeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.normalize('NFKD').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 255);
}

const SHA256 = /^[0-9a-f]{64}$/i;
export const isSha256 = (value: unknown): value is string => typeof value === 'string' && SHA256.test(value);
