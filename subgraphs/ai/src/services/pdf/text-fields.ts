import { TEXT_FIELDS, type TextFieldSpec } from './form-spec.js';
import { toArray, union, type Box } from './geometry.js';
import { findLabel, type Line, type Phrase } from './layout.js';
import type { DraftField } from './draft.js';

const missing = (spec: TextFieldSpec, warning: string, confidence = 0): DraftField => ({
  name: spec.field, value: null, confidence, source: 'LAYOUT', page: null, bbox: null, warning,
});

/** Lines below `start` whose first phrase begins at `x` (±3 pt): a value cell or an indented block. */
function continuation(lines: Line[], start: number, x: number, maxLines: number): Phrase[] {
  const out: Phrase[] = [];
  for (let i = start; i < lines.length && out.length < maxLines; i++) {
    const line = lines[i]!;
    if (line.page !== lines[start - 1]!.page) break;
    const first = line.phrases[0]!;
    if (first.x0 < x - 3) break;
    if (Math.abs(first.x0 - x) > 3) break;
    out.push(first);
  }
  return out;
}

/**
 * A labelled value: the phrases right of the label on its line (a two-column block), or, when the
 * label stands alone, the indented block under it. Empty cells give null, not the next label.
 */
function readField(lines: Line[], spec: TextFieldSpec): DraftField {
  const found = findLabel(lines, spec.label, 0, true);
  if (!found) return missing(spec, `Label "${spec.label}" not found`);
  const { line, box: labelBox } = found;
  const right = line.phrases.filter((p) => p.x0 > labelBox.x1 + 2);
  let parts: Phrase[];
  if (right.length) {
    parts = [right[0]!];
    if (spec.multiline) parts.push(...continuation(lines, line.index + 1, right[0]!.x0, 6).filter((p) => p.y0 > labelBox.y1 - 1 || p.x0 > labelBox.x1));
  } else {
    const below = lines[line.index + 1];
    const indented = below && below.page === line.page && below.phrases[0]!.x0 > labelBox.x0 + 6 ? below.phrases[0]! : null;
    parts = indented ? [indented, ...(spec.multiline ? continuation(lines, line.index + 2, indented.x0, 6) : [])] : [];
  }
  // A label wrapped over two lines leaves its second half in the label column: not part of the value.
  parts = parts.filter((p) => !(p.x0 < labelBox.x1 && p.y0 < labelBox.y1 + 1 && p.x1 <= labelBox.x1 + 1));
  // The label is there and its cell is empty: confidently nothing.
  if (!parts.length) return { name: spec.field, value: null, confidence: 0.9, source: 'LAYOUT', page: line.page, bbox: toArray(labelBox), warning: null };
  const value = parts.map((p) => p.text).join('; ');
  const box: Box = union(parts);
  const wellFormed = !spec.format || spec.format.test(value);
  return {
    name: spec.field, value, confidence: wellFormed ? 0.97 : 0.55, source: 'LAYOUT', page: line.page, bbox: toArray(box),
    warning: wellFormed ? null : `"${value}" does not look like a ${spec.field}`,
  };
}

/** Every labelled text field of the form. */
export function readTextFields(lines: Line[]): DraftField[] {
  return TEXT_FIELDS.map((spec) => readField(lines, spec));
}
