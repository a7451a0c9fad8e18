import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';

/** Inodes of the TCP sockets listening on `port` (IPv4 and IPv6), from /proc/net. */
function listeningInodes(port: number): Set<string> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try { text = readFileSync(table, 'utf8'); } catch { continue; }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === LISTEN && cols[1]?.endsWith(`:${hexPort}`)) inodes.add(cols[9]!);
    }
  }
  return inodes;
}

/**
 * Whether process `pid` holds the socket listening on `port`: a service answering /readyz on a
 * port is not proof it is the one we started (another may have taken the port first). Linux only;
 * elsewhere (no /proc) it answers true and the health probe alone decides.
 */
export function listensOn(pid: number, port: number): boolean {
  let fds: string[];
  try { fds = readdirSync(`/proc/${pid}/fd`); } catch { return process.platform !== 'linux'; }
  const inodes = listeningInodes(port);
  return fds.some((fd) => {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      return !!m && inodes.has(m[1]!);
    } catch {
      return false;
    }
  });
}
