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
  throwIfAny(): void {
    if (this.list.length) throw new ValidationError(this.list);
  }
}
