import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageContent, TextRun } from './geometry.js';
import { readShapes } from './graphics.js';
import { UnreadablePdfError, timedOut, type PdfLimits } from './limits.js';

interface TextItemLike { str: string; transform: number[]; width: number; height: number }

function runsOf(items: unknown[], pageHeight: number): TextRun[] {
  const runs: TextRun[] = [];
  for (const raw of items) {
    const item = raw as TextItemLike;
    if (typeof item.str !== 'string' || !item.str.trim()) continue;
    const size = Math.hypot(item.transform[2]!, item.transform[3]!) || item.height;
    const x = item.transform[4]!;
    const baseline = pageHeight - item.transform[5]!;
    runs.push({ text: item.str, size, x0: x, x1: x + item.width, y0: baseline - size * 0.8, y1: baseline + size * 0.2 });
  }
  return runs;
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');

/** Rejects after `ms`; the caller destroys the document so pdfjs stops working on it. */
function deadline(ms: number, onTimeout: () => void): { promise: Promise<never>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { onTimeout(); reject(timedOut(ms)); }, ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

function classify(err: unknown): UnreadablePdfError {
  if (err instanceof UnreadablePdfError) return err;
  const name = (err as { name?: string }).name ?? '';
  if (name === 'PasswordException') return new UnreadablePdfError('ENCRYPTED', 'The PDF is password-protected');
  return new UnreadablePdfError('CORRUPT', `The PDF could not be read (${(err as Error).message ?? String(err)})`.slice(0, 300));
}

/**
 * Reads text runs and painted shapes page by page, within the limits; `onPage` reports progress.
 * Every failure becomes an UnreadablePdfError with a reason a person can act on.
 */
export async function readPdf(bytes: Uint8Array, limits: PdfLimits, onPage: (page: number, total: number) => Promise<void> | void = () => {}): Promise<PageContent[]> {
  if (bytes.byteLength > limits.maxBytes) throw new UnreadablePdfError('TOO_LARGE', `The file is ${bytes.byteLength} bytes; at most ${limits.maxBytes} are read`);
  if (!isPdf(bytes)) throw new UnreadablePdfError('NOT_PDF', 'The file is not a PDF (no %PDF- header)');
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  const timer = deadline(limits.timeoutMs, () => void task.destroy());
  try {
    return await Promise.race([readPages(await Promise.race([task.promise, timer.promise]), limits, onPage), timer.promise]);
  } catch (err) {
    throw classify(err);
  } finally {
    timer.clear();
    await task.destroy().catch(() => undefined);
  }
}

async function readPages(doc: PDFDocumentProxy, limits: PdfLimits, onPage: (page: number, total: number) => Promise<void> | void): Promise<PageContent[]> {
  if (doc.numPages > limits.maxPages) {
    throw new UnreadablePdfError('TOO_MANY_PAGES', `The PDF has ${doc.numPages} pages; a quote has at most ${limits.maxPages}`);
  }
  const pages: PageContent[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , w, h] = page.view as [number, number, number, number];
    // Both share the document's parsed fonts; asked together they overlap their waits on the parser.
    const [text, shapes] = await Promise.all([page.getTextContent(), readShapes(page, h, limits.maxShapesPerPage)]);
    pages.push({ page: n, width: w, height: h, runs: runsOf(text.items, h), shapes });
    page.cleanup();
    await onPage(n, doc.numPages);
  }
  return pages;
}
