/**
 * Field validation shared by every subgraph: collect every problem of an input, then fail once
 * with all of them, each naming its field (`samples.3.volume: must be between ...`).
 */
import { ValidationError, type FieldProblem } from './errors.js';

/** Letters of any script, marks, digits and the punctuation real sample names use (domain.md §3.8, corrected). */
const NAME = /^[\p{L}\p{M}\p{N}\p{Pd} ._()#/+:,'%]+$/u;
/** Lab ids and quote identifiers: letters, digits and simple separators (HTSF--JL-147). */
const IDENTIFIER = /^[\p{L}\p{N} ._\-,']+$/u;
/** Practical e-mail shape: one @, no spaces, a dot in the domain. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Control characters never belong in a label.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** True for a UUID; ids of other subgraphs' entities are UUIDs, and anything else cannot match a row. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

interface TextRule { min?: number; max?: number; required?: boolean; pattern?: 'name' | 'identifier'; multiline?: boolean }
interface NumberRule { min: number; max: number; integer?: boolean; unit?: string }

/** Collects problems for several fields so one response reports them all. */
export class Problems {
  private readonly list: FieldProblem[] = [];
  add(field: string, message: string): this {
    this.list.push({ field, message });
    return this;
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  get all(): FieldProblem[] {
    return [...this.list];
  }
  text(field: string, value: string | null | undefined, { min = 1, max = 255, required = true, pattern, multiline = false }: TextRule = {}): string | null {
    const trimmed = value?.trim() ?? '';
    if (!trimmed) {
      if (required) this.add(field, 'is required');
      return null;
    }
    if (trimmed.length < min || trimmed.length > max) this.add(field, `must be ${min}-${max} characters (got ${trimmed.length})`);
    else if (!multiline && /[\r\n\t]/.test(trimmed)) this.add(field, 'must be a single line');
    else if (CONTROL.test(trimmed)) this.add(field, 'contains control characters');
    else if (pattern === 'name' && !NAME.test(trimmed)) this.add(field, "may contain letters, digits, spaces, dashes and . _ ( ) # / + : , ' % only");
    else if (pattern === 'identifier' && !IDENTIFIER.test(trimmed)) this.add(field, "may contain letters, digits, spaces and . _ - , ' only");
    return trimmed;
  }
  number(field: string, value: number | null | undefined, { min, max, integer = false, unit = '' }: NumberRule): number | null {
    if (value === null || value === undefined) return null;
    const suffix = unit ? ` ${unit}` : '';
    if (!Number.isFinite(value)) this.add(field, 'must be a number');
    else if (integer && !Number.isInteger(value)) this.add(field, 'must be a whole number');
    else if (value < min || value > max) this.add(field, `must be between ${min} and ${max}${suffix} (got ${value})`);
    return value;
  }
  oneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): T | null {
    if (value === null || value === undefined) return null;
    if (!allowed.includes(value as T)) this.add(field, `must be one of ${allowed.join(', ')}`);
    return value as T;
  }
  email(field: string, value: string): string {
    const trimmed = value.trim();
    if (trimmed.length > 254 || !EMAIL.test(trimmed)) this.add(field, `"${value}" is not an e-mail address`);
    return trimmed.toLowerCase();
  }
  /** A required (by default) record id. */
  id(field: string, value: string | null | undefined, required = true): string | null {
    if (value === null || value === undefined || value === '') {
      if (required) this.add(field, 'is required');
      return null;
    }
    if (!isUuid(value)) this.add(field, 'must be a UUID');
    return value;
  }
  /** An optional record id, normalised to lower case. */
  uuid(field: string, value: string | null | undefined): string | null {
    if (value === null || value === undefined) return null;
    if (!UUID.test(value)) this.add(field, 'must be a user or record id (UUID)');
    return value.toLowerCase();
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
