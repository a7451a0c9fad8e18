import { questionsOf, type FormKind, type OptionSpec, type QuestionSpec } from './form-spec.js';
import { centerX, centerY, contains, height, toArray, union, width, type Box, type PageContent, type Shape } from './geometry.js';
import { findLabel, norm, type Line, type Phrase } from './layout.js';
import type { DraftField } from './draft.js';

/** How far left of its label an option's mark may sit, and how many lines its options may span. */
const MARK_REACH = 22;
const OPTION_LINES = 12;

const isMarkSized = (s: Box, min: number) => width(s) >= min && height(s) >= min && width(s) <= 16 && height(s) <= 16;

interface OptionReading { option: OptionSpec; phrase: Phrase; outline: Shape | null; marked: boolean }

/** The outline (stroked box or circle) and any dark fill just left of an option's label. */
function readMark(phrase: Phrase, shapes: Shape[]): { outline: Shape | null; marked: boolean } {
  const zone: Box = { x0: phrase.x0 - MARK_REACH, x1: phrase.x0 + 1, y0: phrase.y0 - 3, y1: phrase.y1 + 3 };
  const near = shapes.filter((s) => contains(zone, s, 0) && Math.abs(centerY(s) - centerY(phrase)) < height(phrase));
  const outline = near.filter((s) => s.stroked && isMarkSized(s, 5)).sort((a, b) => centerX(b) - centerX(a))[0] ?? null;
  const fills = near.filter((s) => s.filled && s.darkness >= 0.6 && isMarkSized(s, 1.5));
  const marked = fills.some((f) => !outline || contains(outline, f, 1.5));
  return { outline, marked };
}

/** Options are searched from the question down; each matches the first phrase that starts with its label. */
function readOptions(q: QuestionSpec, lines: Line[], start: number, pages: Map<number, PageContent>): OptionReading[] {
  const window = lines.slice(start, start + OPTION_LINES);
  const out: OptionReading[] = [];
  for (const option of q.options) {
    const wanted = norm(option.label);
    const phrase = window.flatMap((l) => l.phrases).find((p) => norm(p.text).startsWith(wanted) && !out.some((o) => o.phrase === p));
    if (!phrase) continue;
    out.push({ option, phrase, ...readMark(phrase, pages.get(phrase.page)?.shapes ?? []) });
  }
  return out;
}

function field(q: QuestionSpec, value: DraftField['value'], confidence: number, boxes: Phrase[], warning: string | null): DraftField {
  return { name: q.field, value, confidence, source: 'CHECKBOX', page: boxes[0]?.page ?? null, bbox: boxes.length ? toArray(union(boxes)) : null, warning };
}

/**
 * One question's answer from the graphics: the options whose mark holds a dark fill. Nothing
 * marked is null with a warning (never the first option, the old extractors' bug, domain.md §5.2).
 */
function readQuestion(q: QuestionSpec, lines: Line[], pages: Map<number, PageContent>): DraftField {
  const label = findLabel(lines, q.label);
  if (!label) return field(q, null, 0, [], `Question "${q.label}" not found`);
  const readings = readOptions(q, lines, label.line.index + 1, pages);
  if (readings.length < q.options.length) {
    const absent = q.options.filter((o) => !readings.some((r) => r.option === o)).map((o) => o.label);
    return field(q, null, 0.2, [label.phrase], `Options not found: ${absent.join(', ')}`);
  }
  const marked = readings.filter((r) => r.marked);
  const outlined = readings.every((r) => r.outline);
  const sure = outlined ? 0.99 : 0.75;
  // Unanswered, or a mark this reader missed: either way a person must look, so confidence is low.
  if (marked.length === 0) return field(q, null, 0.5, [label.phrase], 'No option is marked');
  if (q.multiple) return field(q, marked.map((r) => r.option.value), sure, marked.map((r) => r.phrase), outlined ? null : 'Marks found without their boxes');
  if (marked.length > 1) return field(q, null, 0.3, marked.map((r) => r.phrase), `Several options are marked: ${marked.map((r) => r.option.label).join(', ')}`);
  return field(q, marked[0]!.option.value, sure, [marked[0]!.phrase], outlined ? null : 'Mark found without its box');
}

/** Every marked-option question of the form. */
export function readSelections(kind: FormKind, lines: Line[], pages: PageContent[]): DraftField[] {
  const byPage = new Map(pages.map((p) => [p.page, p]));
  return questionsOf(kind).map((q) => readQuestion(q, lines, byPage));
}
