import { union, verticalOverlap, type Box, type PageContent, type TextRun } from './geometry.js';

/** Runs that sit next to each other on one line: one cell, label or sentence. */
export interface Phrase extends Box {
  text: string;
  page: number;
  size: number;
}

/** Phrases sharing a baseline band, left to right; `index` is the reading order over the document. */
export interface Line extends Box {
  page: number;
  index: number;
  phrases: Phrase[];
  text: string;
}

/** Case, spaces and typographic dashes ignored: how labels are compared. */
export const norm = (s: string) => s.toLowerCase().replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, '');

/**
 * Joins runs into phrases: a gap wider than 0.9 em, or one crossed by a drawn rule (a table's cell
 * border), starts a new phrase; a smaller gap is a space (monospace fonts emit words as runs).
 */
function phrasesOf(runs: TextRun[], page: number, rules: Box[]): Phrase[] {
  const sorted = [...runs].sort((a, b) => a.x0 - b.x0);
  const out: Phrase[] = [];
  let current: Phrase | null = null;
  for (const run of sorted) {
    const body = Math.max(run.size, current?.size ?? 0);
    const gap = current ? run.x0 - current.x1 : Infinity;
    if (current && gap < body * 0.9 && !rules.some((r) => r.x0 >= current!.x1 - 0.5 && r.x1 <= run.x0 + 0.5 && verticalOverlap(r, run) > 0.5)) {
      const space = gap > body * 0.1 && !current.text.endsWith(' ') && !run.text.startsWith(' ') ? ' ' : '';
      Object.assign(current, union([current, run]), { text: current.text + space + run.text, size: body });
    } else {
      if (current) out.push(current);
      current = { ...run, page };
    }
  }
  if (current) out.push(current);
  return out.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ').trim() })).filter((p) => p.text);
}

/** Groups a page's runs into lines: a run joins a line it overlaps by half its height (subscripts do). */
function linesOfPage(content: PageContent): Omit<Line, 'index'>[] {
  const rules = content.shapes.filter((s) => s.x1 - s.x0 < 1.5 && s.y1 - s.y0 > 4);
  const runs = [...content.runs].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  // Each line is judged against its first run, not its growing union, so close lines do not chain together.
  const groups: { core: Box; box: Box; runs: TextRun[] }[] = [];
  for (const run of runs) {
    const group = groups.find((g) => verticalOverlap(g.core, run) >= 0.5);
    if (group) {
      group.runs.push(run);
      group.box = union([group.box, run]);
    } else groups.push({ core: { ...run }, box: { ...run }, runs: [run] });
  }
  return groups
    .sort((a, b) => a.box.y0 - b.box.y0)
    .map((g) => {
      const phrases = phrasesOf(g.runs, content.page, rules);
      return { ...g.box, page: content.page, phrases, text: phrases.map((p) => p.text).join(' | ') };
    })
    .filter((l) => l.phrases.length > 0);
}

/** Every line of the document in reading order (page, then top to bottom). */
export function linesOf(pages: PageContent[]): Line[] {
  return pages.flatMap(linesOfPage).map((line, index) => ({ ...line, index }));
}

/** The label at `phrase`, continued on up to two following lines at the same left edge (wrapped label cells). */
function labelAt(lines: Line[], i: number, phrase: Phrase, wanted: string, exact: boolean): { phrase: Phrase; box: Box } | null {
  let text = norm(phrase.text);
  let box: Box = phrase;
  let shown = phrase.text;
  for (let next = i + 1; ; next++) {
    if (exact ? text === wanted : text.startsWith(wanted)) return { phrase: { ...phrase, ...box, text: shown }, box };
    if (!wanted.startsWith(text) || text.length < 4 || next > i + 2) return null;
    const rest = lines[next]?.phrases.find((p) => p.page === phrase.page && Math.abs(p.x0 - phrase.x0) < 2);
    if (!rest) return null;
    text += norm(rest.text);
    shown = `${shown} ${rest.text}`;
    box = union([box, rest]);
  }
}

/** The first phrase at or after line `from` whose text starts with `label` (or is it, when `exact`). */
export function findLabel(lines: Line[], label: string, from = 0, exact = false): { phrase: Phrase; line: Line; box: Box } | null {
  const wanted = norm(label);
  for (let i = from; i < lines.length; i++) {
    for (const phrase of lines[i]!.phrases) {
      const found = labelAt(lines, i, phrase, wanted, exact);
      if (found) return { ...found, line: lines[i]! };
    }
  }
  return null;
}
