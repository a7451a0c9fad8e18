// Files attached to a sample or submission: upload through a signed ticket, download through /files.
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';
import { formatBytes, formatDateTime } from '../lib/format';
import { describeError } from '../lib/errors';
import { Notice } from './States';

const CreateUpload = graphql(`mutation CreateUpload($input: CreateUploadInput!) {
  createUpload(input: $input) { uploadId uploadUrl method headers { name value } maxBytes }
}`);
const CompleteUpload = graphql(`mutation CompleteUpload($id: ID!) { completeUpload(uploadId: $id) { id filename } }`);

/** Signed URLs name the gateway's public address; the page uses the same origin it was loaded from. */
export function sameOrigin(url: string): string {
  try {
    const parsed = new URL(url, location.href);
    return parsed.pathname.startsWith('/files/') ? parsed.pathname + parsed.search : url;
  } catch {
    return url;
  }
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface FileRow { id: string; filename: string; byteSize: number; downloadUrl?: string | null; createdAt: string }

export function Attachments({ ownerType, ownerId, files, onChange, canUpload }: {
  ownerType: 'SAMPLE' | 'SUBMISSION'; ownerId: string; files: readonly FileRow[]; onChange: () => void; canUpload: boolean;
}) {
  const [createUpload] = useMutation(CreateUpload);
  const [completeUpload] = useMutation(CompleteUpload);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function upload(file: File) {
    setStatus({ kind: 'ok', text: `Uploading ${file.name}…` });
    try {
      const bytes = await file.arrayBuffer();
      const ticket = (await createUpload({ variables: { input: {
        ownerType, ownerId, filename: file.name, contentType: file.type || 'application/octet-stream', byteSize: bytes.byteLength, sha256: await sha256Hex(bytes),
      } } })).data!.createUpload;
      const res = await fetch(sameOrigin(ticket.uploadUrl), {
        method: ticket.method, body: bytes, headers: Object.fromEntries(ticket.headers.map((h) => [h.name, h.value])),
      });
      if (!res.ok) throw new Error(`the file store answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
      await completeUpload({ variables: { id: ticket.uploadId } });
      setStatus({ kind: 'ok', text: `Attached ${file.name}` });
      onChange();
    } catch (err) {
      setStatus({ kind: 'error', text: `Upload of ${file.name} failed: ${describeError(err)}` });
    }
  }

  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title">Attachments</h2>
      {status ? <Notice kind={status.kind}>{status.text}</Notice> : null}
      {files.length === 0 ? <p className="state-empty">No files attached.</p> : (
        <ul className="files">
          {files.map((f) => (
            <li key={f.id}>
              {f.downloadUrl ? <a href={sameOrigin(f.downloadUrl)} download={f.filename}>{f.filename}</a> : f.filename}
              {' '}<span className="muted">{formatBytes(f.byteSize)} · {formatDateTime(f.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <label className="upload">Attach a file{' '}
          <input type="file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ''; }} />
        </label>
      )}
    </section>
  );
}
