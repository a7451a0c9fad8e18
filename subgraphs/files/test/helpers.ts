import { createHash, randomBytes } from 'node:crypto';
import type { TestSubgraph } from '@app/testing';
import { INTERNAL_TOKEN_HEADER, type Principal } from '@app/common';

export const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Bytes that file-type reads as application/pdf (the header), with a random body of `size`. */
export const pdf = (size = 2000) => Buffer.concat([Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n'), randomBytes(size)]);

/** A real 1×1 PNG. */
export const png = () => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface Part { name: string; bytes: Buffer | string }

/** A GraphQL multipart request straight to the subgraph, as the gateway's data source sends it. */
export async function multipart(sg: TestSubgraph, query: string, variables: Record<string, unknown>, paths: string[], parts: Part[], principal: Principal, preflight = true) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables }));
  form.append('map', JSON.stringify(Object.fromEntries(paths.map((p, i) => [String(i), [`variables.${p}`]]))));
  parts.forEach((p, i) => form.append(String(i), new Blob([p.bytes]), p.name));
  const headers: Record<string, string> = { [INTERNAL_TOKEN_HEADER]: await sg.issuer.issue('files', principal, { ip: '127.0.0.1', userAgent: 'jest' }) };
  if (preflight) headers['apollo-require-preflight'] = 'true';
  const res = await fetch(`${sg.running.url}/graphql`, { method: 'POST', body: form, headers });
  return { status: res.status, body: await res.json() as any };
}

/** A multipart body written byte by byte, for requests FormData cannot produce (a broken part header, a part left out). */
export async function rawMultipart(sg: TestSubgraph, parts: { headers: string; body: Buffer | string }[], principal: Principal) {
  const boundary = `----raw${randomBytes(6).toString('hex')}`;
  const body = Buffer.concat([...parts.flatMap((p) => [Buffer.from(`--${boundary}\r\n${p.headers}\r\n\r\n`), Buffer.from(p.body), Buffer.from('\r\n')]), Buffer.from(`--${boundary}--\r\n`)]);
  const headers = {
    'content-type': `multipart/form-data; boundary=${boundary}`, 'apollo-require-preflight': 'true',
    [INTERNAL_TOKEN_HEADER]: await sg.issuer.issue('files', principal, { ip: '127.0.0.1', userAgent: 'jest' }),
  };
  const res = await fetch(`${sg.running.url}/graphql`, { method: 'POST', body, headers });
  return { status: res.status, body: await res.json() as any };
}
