import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSecrets, secretNeedles, type DistributedSecrets } from './keys.js';
import { freePort } from './ports.js';
import { PrivatePostgres } from './postgres.js';
import { PrivateRedis } from './redis.js';
import { ServiceProcess } from './service.js';
import { startCommand } from './start-command.js';
import { trackForTeardown, untrack } from './teardown.js';

/** Start order of the README's distributed commands. */
export const SUBGRAPHS = ['auth', 'samples', 'workflow', 'ai', 'files', 'audit', 'submission'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface DistributedOptions {
  /** Extra replicas per subgraph, e.g. `{ workflow: 1 }` starts `workflow` and `workflow-2`. */
  extraReplicas?: Partial<Record<SubgraphName, number>>;
  /** Gateways; gateway N (from 1) sends to replica N of each subgraph where one exists. */
  gateways?: number;
  /** Environment for every service (wins over the harness's). */
  env?: Record<string, string>;
  /** Per service name (`samples`, `workflow-2`, `gateway`...). */
  serviceEnv?: Record<string, Record<string, string>>;
  /** Start-up bound for the whole system. */
  startTimeoutMs?: number;
}

export interface DistributedSystem {
  postgres: PrivatePostgres;
  redis: PrivateRedis;
  databaseUrl: string;
  stream: string;
  secrets: DistributedSecrets;
  adminEmail: string;
  /** Every process by name: `auth`, `samples`, ..., `workflow-2`, `gateway`, `gateway-2`. */
  services: Map<string, ServiceProcess>;
  service(name: string): ServiceProcess;
  gatewayUrls(): string[];
  /** Secrets found in any process's captured output (should be none). */
  leakedSecrets(): { service: string; secret: string }[];
  stop(): Promise<void>;
}

function specEnv(base: Record<string, string>, name: string, options: DistributedOptions): Record<string, string> {
  return { ...base, ...options.env, ...options.serviceEnv?.[name] };
}

/**
 * The distributed deployment, process by process, on a private PostgreSQL (a fresh database) and
 * a private Redis: each service runs as its package's `npm start` does (`node dist/index.js` for a
 * subgraph, `node --max-semi-space-size=1 --v8-pool-size=1 dist/main.js` for the gateway), as in the
 * README's distributed commands. Expects `npm run build` to have run.
 */
export async function startDistributedSystem(options: DistributedOptions = {}): Promise<DistributedSystem> {
  const scratch = mkdtempSync(join(tmpdir(), 'faults-data-'));
  const services = new Map<string, ServiceProcess>();
  const [postgres, redis] = await Promise.all([PrivatePostgres.create(), PrivateRedis.create()]);
  trackForTeardown(postgres, redis, services);
  const stop = async () => {
    await Promise.all([...services.values()].map((s) => s.stop(5_000)));
    await Promise.all([redis.destroy(), postgres.destroy()]);
    rmSync(scratch, { recursive: true, force: true });
    untrack(services);
  };
  try {
    const secrets = await generateSecrets();
    const databaseUrl = await postgres.createDatabase(`faults_${randomBytes(4).toString('hex')}`);
    const stream = `faults:${randomBytes(4).toString('hex')}`;
    const adminEmail = `admin-${randomBytes(3).toString('hex')}@facility.test`;
    const common = {
      NODE_ENV: 'production', LOG_LEVEL: 'info', REDIS_URL: redis.url, EVENT_STREAM: stream,
      INTERNAL_TOKEN_PUBLIC_KEY: secrets.INTERNAL_TOKEN_PUBLIC_KEY, DATABASE_URL: databaseUrl,
    };
    const gatewayCount = options.gateways ?? 1;
    const gatewayPorts = await Promise.all(Array.from({ length: gatewayCount }, () => freePort()));
    const subgraphEnv: Record<string, string> = {
      ...common,
      AUTH_SIGNING_KEY: secrets.AUTH_SIGNING_KEY, AUTH_SIGNING_KID: secrets.AUTH_SIGNING_KID,
      ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: secrets.ADMIN_PASSWORD,
      ARGON2_MEMORY_KIB: '8192', ARGON2_TIME_COST: '1', ARGON2_PARALLELISM: '1',
      FILES_SIGNING_SECRET: secrets.FILES_SIGNING_SECRET, FILES_DIR: join(scratch, 'files'),
      FILES_PUBLIC_URL: `http://127.0.0.1:${gatewayPorts[0]}/files`,
      EXPORT_DIR: join(scratch, 'exports'), AUDIT_ARCHIVE_DIR: join(scratch, 'audit-archive'),
    };
    // Replica 1 of each subgraph first, then the extra ones.
    const replicas: Record<string, ServiceProcess[]> = {};
    for (const name of SUBGRAPHS) {
      const count = 1 + (options.extraReplicas?.[name] ?? 0);
      for (let i = 1; i <= count; i++) {
        const id = i === 1 ? name : `${name}-${i}`;
        const { entry, flags } = startCommand(join(ROOT, 'subgraphs', name));
        const svc = new ServiceProcess({
          name: id, entry, nodeFlags: flags, cwd: join(ROOT, 'subgraphs', name),
          // Every subgraph but auth verifies tokens auth signs (workflow's e-signatures) against auth's JWKS.
          port: await freePort(), env: specEnv({ ...subgraphEnv, ...(name === 'auth' ? {} : { AUTH_SERVICE_URL: services.get('auth')!.url }) }, id, options),
        });
        services.set(id, svc);
        (replicas[name] ??= []).push(svc);
      }
    }
    const timeout = options.startTimeoutMs ?? 120_000;
    // Auth first: it creates the first admin and the others need nothing from each other to start.
    const auth = services.get('auth')!;
    await auth.launch(timeout);
    const others = [...services.values()].filter((s) => s !== auth);
    await Promise.all(others.map((s) => s.launch(timeout)));
    for (let g = 1; g <= gatewayCount; g++) {
      const routes = Object.fromEntries(SUBGRAPHS.map((name) => {
        const list = replicas[name]!;
        return [`SUBGRAPH_URL_${name.toUpperCase()}`, `${list[Math.min(g, list.length) - 1]!.url}/graphql`];
      }));
      const id = g === 1 ? 'gateway' : `gateway-${g}`;
      const { entry, flags } = startCommand(join(ROOT, 'gateway'));
      services.set(id, new ServiceProcess({
        name: id, entry, nodeFlags: flags, cwd: join(ROOT, 'gateway'), port: gatewayPorts[g - 1]!,
        env: specEnv({ ...common, ...routes, INTERNAL_TOKEN_PRIVATE_KEY: secrets.INTERNAL_TOKEN_PRIVATE_KEY }, id, options),
      }));
    }
    const gateways = [...services.values()].filter((s) => s.name.startsWith('gateway'));
    await Promise.all(gateways.map((s) => s.launch(timeout)));
    const needles = secretNeedles(secrets);
    return {
      postgres, redis, databaseUrl, stream, secrets, adminEmail, services, stop,
      service(name) {
        const s = services.get(name);
        if (!s) throw new Error(`no service ${name}; have ${[...services.keys()].join(', ')}`);
        return s;
      },
      gatewayUrls: () => gateways.map((g) => g.url),
      leakedSecrets: () => [...services.values()].flatMap((s) => {
        const text = s.output.text();
        return needles.filter((n) => text.includes(n.value)).map((n) => ({ service: s.name, secret: n.name }));
      }),
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
