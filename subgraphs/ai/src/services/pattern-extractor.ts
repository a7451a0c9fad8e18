/**
 * The deterministic extractor: reads `Label: value` lines and maps each label to a known field.
 * Confidence measures only how well the label matched (1 for an exact label, the string
 * similarity for a near miss); nothing is guessed, so a value is never invented.
 */

/** A field the extractor knows, with the labels that name it (domain.md §5.3, §5.5). */
interface FieldDefinition {
  name: string;
  labels: string[];
  /** A value of the wrong shape is kept but flagged for review. */
  format?: RegExp;
}

const NUMBER_WITH_UNIT = /^\d+(\.\d+)?\s*[a-zµμ/%]*$/i;

export const FIELDS: FieldDefinition[] = [
  { name: 'sampleName', labels: ['Sample Name', 'Sample ID', 'Sample Name/ID', 'Sample'] },
  { name: 'submitterName', labels: ['Submitter', 'Submitter Name', 'Requester', 'Contact', 'Contact Name'] },
  { name: 'submitterEmail', labels: ['E-mail', 'Email', 'Submitter Email', 'Contact Email'], format: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ },
  { name: 'phone', labels: ['Phone'] },
  { name: 'labName', labels: ['Lab', 'Lab Name', 'Laboratory'] },
  { name: 'projectName', labels: ['Project', 'Project Name', 'Project Title'] },
  { name: 'quoteIdentifier', labels: ['Identifier', 'Quote', 'Quote Identifier'] },
  { name: 'serviceRequested', labels: ['Service Requested'] },
  { name: 'sampleType', labels: ['Sample Type', 'Type of Sample'] },
  { name: 'organism', labels: ['Organism', 'Source Organism', 'Species'] },
  { name: 'buffer', labels: ['Buffer', 'Sample Buffer'] },
  { name: 'concentration', labels: ['Concentration', 'Conc'], format: NUMBER_WITH_UNIT },
  { name: 'volume', labels: ['Volume', 'Vol'], format: NUMBER_WITH_UNIT },
  { name: 'flowCell', labels: ['Flow Cell', 'Flow Cell Type', 'Flow Cell Selection'] },
  { name: 'flowCellCount', labels: ['Flow Cell Count', 'Estimated number of Flow Cells'], format: /^\d+$/ },
  { name: 'genomeSize', labels: ['Genome Size', 'Approx. Genome Size'] },
  { name: 'coverage', labels: ['Coverage', 'Approx. Coverage Needed'] },
  { name: 'basecalling', labels: ['Basecalling', 'Basecalling Model'] },
  { name: 'fileFormat', labels: ['File Format'] },
  { name: 'priority', labels: ['Priority'] },
  { name: 'chartField', labels: ['Chart Field', 'Billing Account'] },
];

/** A near label must be at least this similar to a known one to count at all. */
export const MIN_LABEL_SIMILARITY = 0.8;
const MAX_LABEL_CHARS = 80;

export interface ExtractedValue {
  fieldName: string;
  value: string;
  confidence: number;
  sourceText: string;
  line: number;
  needsReview: boolean;
}

/** Lower-case, units in parentheses dropped, punctuation turned into single spaces. */
export function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** 1 - edit distance / longer length: 1 for equal strings, towards 0 for unrelated ones. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length]! / longer;
}

const KNOWN = FIELDS.flatMap((field) => field.labels.map((label) => ({ field, label: normalizeLabel(label) })));

/** The field a label names and how well it matches; null when nothing is close enough. */
export function matchLabel(label: string): { field: FieldDefinition; confidence: number } | null {
  const normalized = normalizeLabel(label);
  if (!normalized) return null;
  let best: { field: FieldDefinition; confidence: number } | null = null;
  for (const known of KNOWN) {
    const score = similarity(normalized, known.label);
    if (score >= MIN_LABEL_SIMILARITY && (!best || score > best.confidence)) best = { field: known.field, confidence: Math.round(score * 1000) / 1000 };
  }
  return best;
}

/** Every `Label: value` line that names a known field, best line per field, in source order. */
export function extractFromText(text: string, reviewThreshold: number): ExtractedValue[] {
  const found = new Map<string, ExtractedValue & { conflict: boolean }>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const colon = raw.indexOf(':');
    if (colon <= 0 || colon > MAX_LABEL_CHARS) return;
    const value = raw.slice(colon + 1).trim();
    const match = value ? matchLabel(raw.slice(0, colon)) : null;
    if (!match) return;
    const candidate = {
      fieldName: match.field.name, value, confidence: match.confidence, sourceText: raw.trim(), line: index + 1,
      needsReview: match.confidence < reviewThreshold || (match.field.format ? !match.field.format.test(value) : false), conflict: false,
    };
    const earlier = found.get(match.field.name);
    if (!earlier) return void found.set(match.field.name, candidate);
    const conflict = earlier.conflict || earlier.value !== value;
    const kept = candidate.confidence > earlier.confidence ? candidate : earlier;
    found.set(match.field.name, { ...kept, conflict });
  });
  return [...found.values()]
    .sort((a, b) => a.line - b.line)
    .map(({ conflict, ...result }) => ({ ...result, needsReview: result.needsReview || conflict }));
}
