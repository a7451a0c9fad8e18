/**
 * Where another process's memory is, read from outside it (bench/memory.ts): /proc/<pid>/status for
 * the resident set, /proc/<pid>/smaps for WebAssembly memories, and the process's own /metrics for
 * V8's heap. Reading from outside keeps the benchmark's own modules out of the figures.
 */
import { readFileSync } from 'node:fs';

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/** VmRSS, its peak (VmHWM) and its anonymous / file-backed parts, in MB; null once the process has gone. */
export function statusMemory(pid: number): { rssMb: number; peakRssMb: number; anonMb: number; fileMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: mb(kb('VmRSS')), peakRssMb: mb(kb('VmHWM')), anonMb: mb(kb('RssAnon')), fileMb: mb(kb('RssFile')) };
  } catch {
    return null;
  }
}

/**
 * The process's WebAssembly memories, largest first: reserved (the memory's current size) and
 * resident (pages touched). V8 maps a wasm memory as its committed read-write pages directly followed
 * by a guard reservation of several GB with no access, which nothing else in a Node process has; in
 * embedded mode the largest one is PGlite's PostgreSQL (its malloc arena, shared buffers, caches).
 */
export function wasmMemories(pid: number): { reservedMb: number; residentMb: number }[] {
  const maps: { start: bigint; end: bigint; perms: string; rssKb: number }[] = [];
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const range = /^([0-9a-f]+)-([0-9a-f]+) (\S+) /.exec(line);
    if (range) maps.push({ start: BigInt(`0x${range[1]}`), end: BigInt(`0x${range[2]}`), perms: range[3]!, rssKb: 0 });
    else if (line.startsWith('Rss:') && maps.length) maps.at(-1)!.rssKb = Number(line.split(/\s+/)[1]);
  }
  const GUARD = 4n << 30n;
  const found: { reservedMb: number; residentMb: number }[] = [];
  for (let i = 1; i < maps.length; i++) {
    const guard = maps[i]!;
    const memory = maps[i - 1]!;
    if (guard.perms === '---p' && guard.end - guard.start >= GUARD && memory.end === guard.start && memory.perms === 'rw-p') {
      found.push({ reservedMb: mb(Number((memory.end - memory.start) / 1024n)), residentMb: mb(memory.rssKb) });
    }
  }
  return found.sort((a, b) => b.reservedMb - a.reservedMb);
}

export interface HeapFigures { heapUsedMb: number; heapTotalMb: number; externalMb: number; arrayBuffersMb: number | null }

/** V8's heap, external memory and ArrayBuffers as the process reports them at `<baseUrl>/metrics` (prom-client). */
export async function heapFromMetrics(baseUrl: string): Promise<HeapFigures> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const value = (name: string) => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
    return match ? Math.round(Number(match[1]) / 104857.6) / 10 : null;
  };
  return {
    heapUsedMb: value('nodejs_heap_size_used_bytes') ?? NaN, heapTotalMb: value('nodejs_heap_size_total_bytes') ?? NaN,
    externalMb: value('nodejs_external_memory_bytes') ?? NaN, arrayBuffersMb: value('nodejs_array_buffers_bytes'),
  };
}

/** Samples a process's RSS every `intervalMs` until stopped: the series (s, MB) and its peak. */
export function sampleRss(pid: number, intervalMs = 250): { stop(): { peakMb: number; lastMb: number; series: [number, number][] } } {
  const started = performance.now();
  const series: [number, number][] = [];
  const take = () => {
    const s = statusMemory(pid);
    if (s) series.push([Math.round((performance.now() - started) / 100) / 10, s.rssMb]);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakMb: Math.max(...series.map(([, v]) => v)), lastMb: series.at(-1)?.[1] ?? NaN, series };
    },
  };
}
