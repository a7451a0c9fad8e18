import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

/** A file's part header facts and bytes, known once the client's part has arrived. */
export interface OpenedFile {
  filename: string;
  mimetype: string;
  stream: Readable;
}

/** One file part: it is opened only when the encoder reaches it. */
export interface FilePart {
  field: string;
  open(): Promise<OpenedFile>;
}

/** Quotes, line breaks and other control characters (a NUL from `filename*=`) cannot end or break a header value. */
// eslint-disable-next-line no-control-regex -- control characters are what must not reach a part header
const quoted = (value: string) => value.replace(/["\\\u0000-\u001f\u007f]/g, '_');

/**
 * A multipart/form-data body produced as a stream: text fields first, then each file piped
 * through as it arrives, so nothing is held in memory beyond one chunk.
 */
export function multipartBody(fields: [string, string][], files: FilePart[]): { contentType: string; body: Readable } {
  const boundary = `----nanopore-${randomBytes(12).toString('hex')}`;
  async function* parts(): AsyncGenerator<Buffer> {
    for (const [name, value] of fields) {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`);
    }
    for (const part of files) {
      const file = await part.open();
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(part.field)}"; filename="${quoted(file.filename)}"\r\n`
        + `Content-Type: ${quoted(file.mimetype || 'application/octet-stream')}\r\n\r\n`);
      for await (const chunk of file.stream) yield chunk as Buffer;
      yield Buffer.from('\r\n');
    }
    yield Buffer.from(`--${boundary}--\r\n`);
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Readable.from(parts(), { objectMode: false }) };
}
