import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on `port` (0 picks a free one) and resolves the base URL clients use (http://host:port). */
export function listenHttp(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: bound } = server.address() as AddressInfo;
      resolve(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}`);
    });
  });
}
