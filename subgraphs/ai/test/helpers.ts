import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DomainEvent } from '@app/common';
import { startTestSubgraph, userPrincipal, type TestSubgraph } from '@app/testing';
import { aiSubgraph } from '../src/server.js';
import { loadFixtures } from './fixtures/fixture-set.js';

/** The principals ai's tests act as. */
export const staff = userPrincipal('STAFF');
export const submitter = userPrincipal('SUBMITTER', { labId: 'lab-a' });
export const otherLab = userPrincipal('SUBMITTER', { labId: 'lab-b' });
export const viewer = userPrincipal('VIEWER');

export interface AiHarness {
  sg: TestSubgraph;
  /** Every event published on the subgraph's bus since it started. */
  events: DomainEvent[];
  stop(): Promise<void>;
}

/** Starts the ai subgraph with `env` and collects the events it publishes. */
export async function startAi(env: Record<string, string> = {}): Promise<AiHarness> {
  const sg = await startTestSubgraph(aiSubgraph, { env });
  const events: DomainEvent[] = [];
  const subscription = await sg.bus.subscribe({ group: 'test', handler: async (d) => { if (d.event) events.push(d.event); } });
  return { sg, events, stop: async () => { await subscription.close(); await sg.stop(); } };
}

let fixtures: ReturnType<typeof loadFixtures> | undefined;
/** The bytes of a fixture quote (test/fixtures/<name>.pdf). */
export const fixturePdf = (name: string): Uint8Array => (fixtures ??= loadFixtures()).find((f) => f.name === name)!.pdf;

/** A job's result for one field. */
export const field = (job: { results: { fieldName: string }[] }, name: string) => job.results.find((r) => r.fieldName === name) as Record<string, any>;

export const JOB_FIELDS = `id status stage progress pagesDone pagesTotal form warnings attempts error labId filename fileId createdBy
  llm { model promptVersion latencyMs }
  results { fieldName value values confidence source warning page boundingBox needsReview correctionId extractedValue }
  samples { sampleNumber sampleName volume volumeUnit qubitConc nanodropConc nanodropUnit a260_280 isControl confidence page boundingBox }`;

export const START_PDF = `mutation($input: StartPdfExtractionInput!) { startPdfExtraction(input: $input) { id status stage labId fileId filename } }`;
export const GET_JOB = `query($id: ID!) { extractionJob(id: $id) { ${JOB_FIELDS} } }`;

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Starts an HTTP server on a free port; `handler` answers every request. */
export async function localServer(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The files service's download route, checking the signature the way it does (files/src/services/url-signer.ts). */
export function filesDownloadServer(secret: string, files: Map<string, Uint8Array>) {
  return localServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const id = url.pathname.split('/')[2] ?? '';
    const [v, exp, sig] = ['v', 'exp', 'sig'].map((k) => url.searchParams.get(k) ?? '');
    const expected = createHmac('sha256', secret).update(['download', id, v, exp].join('|')).digest('base64url');
    if (!url.pathname.startsWith('/downloads/') || sig !== expected) return void res.writeHead(403).end();
    const body = files.get(id);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(body.byteLength) }).end(Buffer.from(body));
  });
}
