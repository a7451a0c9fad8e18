import { StringDecoder } from 'node:string_decoder';
import { ValidationError, uploadNotReceived, type UploadPart } from '@app/common';
import { MAX_SEQUENCING_SUMMARY_UPLOAD_BYTES, MAX_SEQUENCING_SUMMARY_UPLOAD_READS, SequencingSummaryReader, type ReadTotals } from './run-metrics.js';

export const UPLOAD_FIELD = 'input.sequencingSummaryUpload';

/**
 * An uploaded sequencing_summary file, read as it streams in, line by line (never held whole), within
 * MAX_SEQUENCING_SUMMARY_UPLOAD_BYTES and _READS; a part that did not arrive, or a bad line, is the
 * caller's error naming the field (and the line).
 */
export async function readUploadedSummary(part: UploadPart): Promise<ReadTotals> {
  const max = MAX_SEQUENCING_SUMMARY_UPLOAD_BYTES;
  const refused = (err: unknown) => (err instanceof ValidationError ? err : uploadNotReceived(err, UPLOAD_FIELD, max) ?? err);
  const file = await part.catch((err: unknown) => { throw refused(err); });
  const reader = new SequencingSummaryReader(UPLOAD_FIELD, MAX_SEQUENCING_SUMMARY_UPLOAD_READS);
  const decoder = new StringDecoder('utf8');
  const stream = file.createReadStream();
  let size = 0;
  let rest = '';
  let lineNo = 0;
  const feed = (text: string) => {
    const lines = (rest + text).split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (reader.wantsMore) reader.line(line.replace(/\r$/, ''), ++lineNo);
  };
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > max) throw ValidationError.field(UPLOAD_FIELD, `is larger than ${max} bytes`);
      feed(decoder.write(chunk as Buffer));
      if (!reader.wantsMore) break;
    }
  } catch (err) {
    throw refused(err);
  } finally {
    stream.destroy();
  }
  if (size === 0) throw ValidationError.field(UPLOAD_FIELD, 'is empty');
  feed(decoder.end() + '\n');
  return reader.result();
}
