/**
 * Our gateway in a process of its own, as the distributed mode runs it (`npm start` of gateway/:
 * its node flags and entry), in front of the benchmark system's subgraphs: so it can be set beside
 * Hive Gateway, which also has a process of its own, and the system's process keeps only the
 * subgraphs' work for that variant.
 */
import { join } from 'node:path';
import { ServiceProcess, freePort, startCommand } from '@app/testing';

export interface OwnGatewaySpec {
  /** Subgraph name → its /graphql URL. */
  subgraphUrls: Record<string, string>;
  /** The key the system's subgraphs trust for internal tokens (PKCS#8 PEM). */
  privateKeyPem: string;
}

export async function startOwnGateway(spec: OwnGatewaySpec): Promise<ServiceProcess> {
  const dir = join(import.meta.dirname, '..', '..', 'gateway');
  const { entry, flags } = startCommand(dir);
  const gateway = new ServiceProcess({
    name: 'gateway', entry, nodeFlags: flags, cwd: dir, port: await freePort(),
    env: {
      NODE_ENV: 'production', LOG_LEVEL: 'warn', INTERNAL_TOKEN_PRIVATE_KEY: spec.privateKeyPem,
      ...Object.fromEntries(Object.entries(spec.subgraphUrls).map(([name, url]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, url])),
    },
  });
  await gateway.launch(60_000);
  return gateway;
}
