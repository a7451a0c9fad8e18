import { createServer } from 'node:net';

/** Ports this process has handed out: the OS may offer a just-closed port again, and two services on one port is a silent mix-up. */
const handedOut = new Set<number>();

function osFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A TCP port free on 127.0.0.1 right now and never handed out before by this process (the OS picks
 * it; a race with another process is unlikely, and `ServiceProcess.launch` retries on EADDRINUSE).
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await osFreePort();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}
