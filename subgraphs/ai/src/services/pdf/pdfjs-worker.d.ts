/** pdfjs-dist ships no types for its parser module; the reader thread only hands it to pdfjs (`globalThis.pdfjsWorker`). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
