import type { IncomingMessage } from 'node:http';
import { localServer } from './helpers.js';

async function body(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

const send = (res: import('node:http').ServerResponse, status: number, value: unknown) =>
  void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));

/** Speaks Ollama's /api/chat (non-streaming, structured format) and /api/embed; records requests. */
export async function fakeOllama(options: { delayMs?: number; answer?: Record<string, unknown> } = {}) {
  const requests: { path: string; body: any }[] = [];
  const server = await localServer(async (req, res) => {
    const payload = await body(req);
    requests.push({ path: req.url ?? '', body: payload });
    if (req.url === '/api/embed') {
      // A stable 8-dimensional embedding of the text: same text, same vector.
      const inputs: string[] = Array.isArray(payload.input) ? payload.input : [payload.input];
      const embeddings = inputs.map((t) => Array.from({ length: 8 }, (_, i) => [...t].reduce((s, ch, j) => s + (((ch.charCodeAt(0) * (i + 1) + j) % 7) - 3), 0)));
      return send(res, 200, { model: payload.model, embeddings });
    }
    if (req.url === '/api/chat') {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (res.destroyed) return;
      const content = JSON.stringify(options.answer ?? { organism: 'Escherichia coli', specialHandling: ['KEEP_FROZEN'] });
      return send(res, 200, { model: payload.model, created_at: new Date().toISOString(), message: { role: 'assistant', content }, done: true, done_reason: 'stop' });
    }
    send(res, 404, { error: 'not found' });
  });
  return { ...server, requests };
}

const cosine = (a: number[], b: number[]) => {
  const dot = a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
  return dot / ((Math.hypot(...a) || 1) * (Math.hypot(...b) || 1));
};

/** Speaks the Qdrant REST calls the store uses: exists, create, upsert points, search (cosine, payload filter). */
export async function fakeQdrant() {
  const collections = new Map<string, { size: number; points: Map<string, { vector: number[]; payload: Record<string, unknown> }> }>();
  const calls: string[] = [];
  const server = await localServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, , name, ...rest] = url.pathname.split('/');
    const route = `${req.method} /${rest.join('/')}`;
    calls.push(route);
    const payload = await body(req);
    const collection = collections.get(name!);
    if (route === 'GET /exists') return send(res, 200, { result: { exists: !!collection }, status: 'ok', time: 0 });
    if (route === 'PUT /') {
      collections.set(name!, { size: payload.vectors.size, points: new Map() });
      return send(res, 200, { result: true, status: 'ok', time: 0 });
    }
    if (!collection) return send(res, 404, { status: { error: `Collection ${name} not found` } });
    if (route === 'PUT /points') {
      for (const p of payload.points) collection.points.set(String(p.id), { vector: p.vector, payload: p.payload ?? {} });
      return send(res, 200, { result: { operation_id: 1, status: 'completed' }, status: 'ok', time: 0 });
    }
    if (route === 'POST /points/search') {
      const must = payload.filter?.must ?? [];
      const hits = [...collection.points.entries()]
        .filter(([, p]) => must.every((m: { key: string; match: { value: unknown } }) => p.payload[m.key] === m.match.value))
        .map(([id, p]) => ({ id, version: 1, score: cosine(payload.vector, p.vector), payload: payload.with_payload ? p.payload : null }))
        .sort((a, b) => b.score - a.score).slice(0, payload.limit ?? 10);
      return send(res, 200, { result: hits, status: 'ok', time: 0 });
    }
    send(res, 404, { status: { error: `no route ${route}` } });
  });
  return { ...server, calls, collections };
}
