import { WebSocket } from 'ws';
import { createClient, type Client } from 'graphql-ws';

export interface SeenEvent { seq: number; action: string; step: string; status: string; completedSteps: number; connection: number }

/** A live subscriber that reconnects on its own (as a browser would) and records what it saw. */
export interface LiveWatcher {
  seen: SeenEvent[];
  connections: number;
  close(): void;
}

const PROGRESS = `subscription($id: ID!) { workflowProgress(sampleId: $id) { seq action step status completedSteps } }`;

export function watchProgress(wsUrl: string, token: string, sampleId: string): LiveWatcher {
  const watcher: LiveWatcher = { seen: [], connections: 0, close: () => undefined };
  const client: Client = createClient({
    url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 1_000, shouldRetry: () => true, retryWait: async () => { await new Promise((r) => setTimeout(r, 200)); },
    on: { connected: () => { watcher.connections += 1; } },
  });
  const unsubscribe = client.subscribe<{ workflowProgress: Omit<SeenEvent, 'connection'> }>({ query: PROGRESS, variables: { id: sampleId } }, {
    next: (r) => { if (r.data) watcher.seen.push({ ...r.data.workflowProgress, connection: watcher.connections }); },
    error: () => undefined,
    complete: () => undefined,
  });
  watcher.close = () => { unsubscribe(); void client.dispose(); };
  return watcher;
}

/**
 * What a client keeps of the stream, by the schema's rule (drop events not newer than the last
 * seen), and the problems in it: a live event delivered twice, seq going backwards inside one
 * connection, or a connection that did not start from a snapshot.
 */
export function problemsIn(seen: SeenEvent[]): string[] {
  const problems: string[] = [];
  const live = new Set<number>();
  let lastConnection = -1;
  let lastSeq = -1;
  for (const e of seen) {
    if (e.connection !== lastConnection) {
      if (e.action !== 'SNAPSHOT') problems.push(`connection ${e.connection} began with ${e.action} #${e.seq}, not a snapshot`);
      lastConnection = e.connection;
      lastSeq = -1;
    }
    if (e.seq < lastSeq) problems.push(`seq went back from ${lastSeq} to ${e.seq} in connection ${e.connection}`);
    if (e.action !== 'SNAPSHOT') {
      if (live.has(e.seq)) problems.push(`event #${e.seq} (${e.action} ${e.step}) delivered twice`);
      live.add(e.seq);
    }
    lastSeq = Math.max(lastSeq, e.seq);
  }
  return problems;
}
