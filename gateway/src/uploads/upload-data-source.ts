import type { Readable } from 'node:stream';
import { GraphQLError } from 'graphql';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Upload } from 'graphql-upload-ts';
import { uploadRefusal } from '@app/common';
import { SubgraphDataSource } from '../subgraph-data-source.js';
import type { GatewayContext } from '../context.js';
import { multipartBody, type FilePart } from './multipart-body.js';
import { postStream, type StreamedAnswer } from './post-stream.js';

type ProcessOptions = GraphQLDataSourceProcessOptions<Partial<GatewayContext>>;
type GraphQLResponse = Awaited<ReturnType<SubgraphDataSource['process']>>;

/** Every Upload in the variables with its dotted path (`variables.file`, `variables.files.1`). */
function findUploads(value: unknown, path: string, found: [string, Upload][] = []): [string, Upload][] {
  if (value instanceof Upload) found.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => findUploads(v, `${path}.${i}`, found));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) findUploads(v, `${path}.${k}`, found);
  return found;
}

/** The variables with each Upload replaced by null, as the multipart spec's `operations` wants. */
function withoutUploads(value: unknown): unknown {
  if (value instanceof Upload) return null;
  if (Array.isArray(value)) return value.map(withoutUploads);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutUploads(v)]));
  return value;
}

/**
 * The subgraphs whose schema takes an `Upload`, each with the argument its upload errors name:
 * files (`uploadFile(file:)`, `uploadFiles(files:)`, `uploadFileVersion(file:)`) and ai
 * (`startPdfExtraction(input: { upload })`), workflow (`importRunMetrics(input: { sequencingSummaryUpload })`).
 * Every other subgraph gets plain JSON fetches.
 */
export const UPLOAD_FIELDS: Record<string, string> = { files: 'file', ai: 'input.upload', workflow: 'input.sequencingSummaryUpload' };

export interface UploadForwardingOptions {
  /** A fetch carrying files may take this long (a 200 MB upload from a slow client). */
  timeoutMs: number;
  /** The argument a refused upload is reported under (`file`, `input.upload`). */
  field?: string;
}

/**
 * The data source of a subgraph that takes uploads. A fetch whose variables hold Uploads (graphql-upload-ts,
 * parsed by the gateway's multipart middleware) is re-sent to the subgraph as a multipart
 * request, each file streamed from the gateway's spool as it arrives; every other fetch takes
 * the ordinary JSON path. The identity headers were set by willSendRequest before this runs.
 */
export class UploadForwardingDataSource extends SubgraphDataSource {
  private uploadTimeoutMs = 600_000;
  private uploadField = 'file';

  configureUploads(options: UploadForwardingOptions): this {
    this.uploadTimeoutMs = options.timeoutMs;
    this.uploadField = options.field ?? this.uploadField;
    return this;
  }

  override async process(options: ProcessOptions): Promise<GraphQLResponse> {
    const uploads = findUploads(options.request.variables, 'variables');
    if (!uploads.length) return super.process(options);
    // What the base process() does before sending: fresh headers, then willSendRequest adds identity.
    options.request.http = { method: 'POST', url: this.url!, headers: new Headers() as never };
    await this.willSendRequest(options);
    const { http, ...operation } = options.request;
    let bodyError: Error | null = null;
    const files: FilePart[] = uploads.map(([, upload], i) => ({
      field: String(i),
      // Awaited lazily: a later file's part has not arrived while an earlier one is still streaming.
      open: async () => {
        // A mapped part that never came rejects here; kept, so that the answer names it and not the broken pipe it causes.
        const file = await upload.promise.catch((err: Error) => { bodyError ??= err; throw err; });
        const stream: Readable = file.createReadStream();
        stream.once('error', (err) => { bodyError ??= err; });
        // A part sent without a filename still reaches files as a file part; files names and refuses it.
        return { filename: file.filename ?? '', mimetype: file.mimetype, stream };
      },
    }));
    const operations = JSON.stringify({ ...operation, variables: withoutUploads(operation.variables) });
    const map = JSON.stringify(Object.fromEntries(uploads.map(([path], i) => [String(i), [path]])));
    const { contentType, body } = multipartBody([['operations', operations], ['map', map]], files);
    // Whatever breaks the body explains the failure better than the broken pipe it causes.
    body.once('error', (err) => { bodyError ??= err; });
    const headers: Record<string, string> = Object.fromEntries(http.headers as unknown as Iterable<[string, string]>);
    delete headers['content-length'];
    headers['content-type'] = contentType;
    headers['apollo-require-preflight'] = 'true';
    let answer: StreamedAnswer;
    try {
      answer = await postStream(http.url, headers, body, this.uploadTimeoutMs);
    } catch (err) {
      body.destroy();
      throw uploadFailed(bodyError ?? (err as Error), this.uploadField);
    }
    return this.answer(answer);
  }

  private answer(res: StreamedAnswer): GraphQLResponse {
    const text = res.body;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new GraphQLError(`${res.status}: the ${this.subgraphName} service answered without JSON`, { extensions: { response: { status: res.status, body: text.slice(0, 500) } } });
    }
    // Multipart parse failures (size and count limits) come back as HTTP errors in GraphQL shape.
    if ((res.status < 200 || res.status > 299) && !(parsed as { data?: unknown }).data) {
      const first = (parsed as { errors?: { message?: string; extensions?: { code?: string } }[] }).errors?.[0];
      throw new GraphQLError(first?.message ?? `${res.status}: ${res.statusText}`, { extensions: { code: uploadCode(res.status, first?.extensions?.code) } });
    }
    return parsed as GraphQLResponse;
  }
}

function uploadCode(status: number, code: string | undefined): string {
  if (status === 413) return 'BAD_USER_INPUT';
  return code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'BAD_USER_INPUT';
}

/**
 * A file stream that broke (size limit, client gone, a part missing or malformed) explains the
 * failure better than fetch's own error; what the sender got wrong is a client error.
 */
function uploadFailed(cause: Error, field: string): GraphQLError {
  const refusal = uploadRefusal(cause);
  if (refusal?.status === 413) return new GraphQLError(refusal.message, { extensions: { code: 'BAD_USER_INPUT', field } });
  if (refusal) return new GraphQLError(`The upload was refused: ${refusal.message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
  return new GraphQLError(`The upload could not be forwarded: ${cause.message}`, { extensions: { code: 'INTERNAL_SERVER_ERROR' }, originalError: cause });
}
