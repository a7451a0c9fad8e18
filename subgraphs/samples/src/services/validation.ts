import { ValidationError, type FieldProblem } from '@app/common';

/** Collects problems for several fields so one response reports them all. */
export class Problems {
  private readonly list: FieldProblem[] = [];
  add(field: string, message: string): this {
    this.list.push({ field, message });
    return this;
  }
  text(field: string, value: string | null | undefined, { min = 1, max = 255, required = true } = {}): string | null {
    const trimmed = value?.trim() ?? '';
    if (!trimmed) {
      if (required) this.add(field, 'is required');
      return null;
    }
    if (trimmed.length < min || trimmed.length > max) this.add(field, `must be ${min}-${max} characters`);
    return trimmed;
  }
  throwIfAny(): void {
    if (this.list.length) throw new ValidationError(this.list);
  }
}
