/**
 * The body of a PDF reader thread (worker_threads; started by `PdfReaderPool`). It reads one quote
 * at a time with the same code as in-process (`extractQuotePdf`) and answers with messages:
 * `ready` once loaded, then per request its `progress` ticks and one `done` or `failed`. pdfjs runs
 * here, so a hostile file's parsing never blocks the subgraph's event loop, and the pool can stop
 * it (terminate the thread) when it runs past its time or its heap.
 */
import { parentPort } from 'node:worker_threads';
import { UnreadablePdfError } from './limits.js';
import { extractQuotePdf } from './extract.js';
import { DEFAULT_PDF_LIMITS } from './limits.js';
import type { ReadRequest, ThreadMessage } from './reader-protocol.js';

const port = parentPort;
if (!port) throw new Error('reader-thread.ts runs only as a worker thread');
const send = (message: ThreadMessage) => port.postMessage(message);

port.on('message', (request: ReadRequest) => {
  const { id, limits } = request;
  extractQuotePdf(new Uint8Array(request.bytes), limits, (p) => send({ id, type: 'progress', ...p })).then(
    (draft) => send({ id, type: 'done', draft }),
    (err: unknown) => send(err instanceof UnreadablePdfError
      ? { id, type: 'failed', code: err.code, message: err.message }
      : { id, type: 'failed', code: null, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }),
  );
});
/** A one-page PDF with a line of text and a filled box: read once at start, so the first quote finds pdfjs loaded and warm. */
function warmUpPdf(): Uint8Array {
  const content = 'BT /F1 12 Tf 72 720 Td (Sample Information:) Tj ET 72 700 8 8 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => { const at = out.length; out += `${i + 1} 0 obj\n${body}\nendobj\n`; return at; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

// pdfjs's "fake worker" (its parser, run in this thread) is otherwise imported on the first read, inside its time budget.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
await extractQuotePdf(warmUpPdf(), DEFAULT_PDF_LIMITS).catch(() => undefined);
send({ type: 'ready' });
