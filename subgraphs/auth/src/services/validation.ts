import { ValidationError, type FieldProblem } from '@app/common';

/** Collects problems for several fields so one response reports them all. */
export class Problems {
  private readonly list: FieldProblem[] = [];
  add(field: string, message: string): this {
    this.list.push({ field, message });
    return this;
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

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

/** A trimmed email address, or a problem recorded for `field`. */
export function emailOf(problems: Problems, field: string, value: string | null | undefined): string | null {
  const email = problems.text(field, value, { max: 320 });
  if (email && !EMAIL.test(email)) problems.add(field, 'is not an email address');
  return email;
}
