import { SheetError } from './table.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * What a spreadsheet program may have saved: UTF-8 with or without BOM, UTF-16 with BOM ("Unicode
 * text" from Excel) or without, or Windows-1252 (Excel's "CSV" on Windows). Without a BOM, zero
 * bytes in alternate positions mean UTF-16; bytes that are not valid UTF-8 mean Windows-1252.
 */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return { encoding: 'utf-16le', bomLength: 0 };
  if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return { encoding: 'utf-16be', bomLength: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 };
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what binary data looks like as text
const CONTROL = /[\u0000-\u0008\u000E-\u001F]/g;

/** Decodes a whole upload to text, refusing what is not text (an image, a zip, random bytes). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, bomLength } = detectEncoding(bytes);
  let body = bytes.subarray(bomLength);
  if (encoding === 'utf-16be') {
    const swapped = new Uint8Array(body.length - (body.length % 2));
    for (let i = 0; i + 1 < body.length; i += 2) { swapped[i] = body[i + 1]!; swapped[i + 1] = body[i]!; }
    body = swapped;
  }
  const text = new TextDecoder(encoding === 'utf-16be' ? 'utf-16le' : encoding).decode(body);
  const head = text.slice(0, 8192);
  const controls = head.match(CONTROL)?.length ?? 0;
  if (controls > 0 && (controls > 8 || head.includes('\u0000'))) throw new SheetError('is not a text file (it holds binary data); save the sheet as CSV or XLSX');
  return { text, encoding };
}

/** The delimiter used most on the first line, outside quotes: comma, semicolon (European Excel) or tab. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < Math.min(text.length, 65_536); i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
