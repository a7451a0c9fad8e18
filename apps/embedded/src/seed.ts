/**
 * `npm run seed`: loads a demo facility (staff, customers, billing accounts, projects in four labs,
 * a few hundred samples across every status and priority) through the real GraphQL API.
 *
 *   npm run seed                          embedded: same DATA_DIR (./data) or DATABASE_URL as `npm start`
 *   npm run seed -- --samples 1000        how many samples (or SEED_SAMPLES)
 *   SEED_URL=http://localhost:4000 ADMIN_EMAIL=… ADMIN_PASSWORD=… npm run seed    a running gateway
 *
 * Embedded, it boots the whole system itself (stop `npm start` first: a PGlite folder cannot be
 * shared) and signs in as a dedicated seed admin made by the auth subgraph's create-admin logic.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, createLogger, envPort, loadConfig, type Logger } from '@app/common';
import { DataDirInUseError } from './data-lock.js';
import { createSeedAdmin } from './seed/admin.js';
import { GatewayClient } from './seed/client.js';
import { seedFacility, type SeedReport } from './seed/facility.js';
import { startSystem, type RunningSystem } from './system.js';

const { values } = parseArgs({ options: { samples: { type: 'string' } } });
const envSchema = z.object({
  SEED_URL: z.string().url('must be the gateway URL, e.g. http://localhost:4000').optional(),
  ADMIN_EMAIL: z.string().email('must be an email address').optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  SEED_SAMPLES: z.coerce.number().int().min(1, 'must be at least 1').max(20_000, 'must be at most 20000').default(300),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  SEED_PORT: envPort(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
}).superRefine((c, ctx) => {
  if (c.SEED_URL && (!c.ADMIN_EMAIL || !c.ADMIN_PASSWORD)) ctx.addIssue({ code: 'custom', path: ['ADMIN_EMAIL'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD of an admin are required with SEED_URL' });
});

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`;
const say = (line: string) => console.log(`[seed ${elapsed()}] ${line}`);

function printReport(report: SeedReport, url: string, admin: { email: string; password?: string }): void {
  const rows = (o: Record<string, number>) => Object.entries(o).filter(([, v]) => v > 0).map(([k, v]) => `    ${k.padEnd(12)} ${String(v).padStart(6)}`).join('\n');
  const archived = report.samples.filter((s) => s.expectedStatus === 'ARCHIVED').length;
  console.log(`
  Seeded ${report.samples.length} samples in ${report.submissions.length} submissions (${report.projects} projects) in ${report.seconds} s.

  Whole system now, samples by status:
${rows(report.byStatus)}
    (and ${archived} withdrawn sample(s) archived by this run: archivedAt set, workflow closed)
  by priority:
${rows(report.byPriority)}

  Sign in at ${url.replace('127.0.0.1', 'localhost')}/ (Apollo Sandbox: mutation { login(email, password) { accessToken } })
    admin        ${admin.email}${admin.password ? `   password: ${admin.password}` : ''}
${report.users.map((u) => `    ${u.role.toLowerCase().padEnd(12)} ${u.email.padEnd(40)} ${u.name}${u.labId ? ` (${u.labId})` : ''}`).join('\n')}
    every demo user's password: ${report.password}
`);
}

async function seedRunningGateway(config: z.infer<typeof envSchema>, samples: number): Promise<void> {
  say(`seeding the gateway at ${config.SEED_URL}`);
  const token = await new GatewayClient(config.SEED_URL!).login(config.ADMIN_EMAIL!, config.ADMIN_PASSWORD!);
  const report = await seedFacility({ url: config.SEED_URL!, adminToken: token, adminPassword: config.ADMIN_PASSWORD!, samples, log: say });
  printReport(report, config.SEED_URL!, { email: config.ADMIN_EMAIL! });
}

async function seedEmbedded(config: z.infer<typeof envSchema>, samples: number, logger: Logger): Promise<void> {
  const dataDir = resolve(config.DATA_DIR);
  say(config.DATABASE_URL ? `starting the system on DATABASE_URL` : `starting the system on the embedded database in ${dataDir}`);
  let system: RunningSystem | null = null;
  const stop = async () => { await system?.stop(); system = null; };
  process.once('SIGINT', () => { say('interrupted: stopping the system cleanly'); void stop().then(() => process.exit(130)); });
  try {
    system = await startSystem({ logger, dataDir, databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL, port: config.SEED_PORT });
    say(`system ready at ${system.url}; creating the seed admin`);
    const admin = await createSeedAdmin(system.databaseUrl);
    const token = await new GatewayClient(system.url).login(admin.email, admin.password);
    const report = await seedFacility({ url: system.url, adminToken: token, adminPassword: admin.password, samples, log: say });
    say('stopping the system');
    printReport(report, `http://localhost:${process.env.PORT ?? 4000}`, admin);
    console.log('  Start it with `npm start` and sign in with the accounts above.\n');
  } finally {
    await stop();
  }
}

try {
  const config = loadConfig(envSchema, { ...process.env, ...(values.samples ? { SEED_SAMPLES: values.samples } : {}) });
  const logger = createLogger('seed', { level: config.LOG_LEVEL });
  if (config.SEED_URL) await seedRunningGateway(config, config.SEED_SAMPLES);
  else await seedEmbedded(config, config.SEED_SAMPLES, logger);
} catch (err) {
  if (err instanceof DataDirInUseError || err instanceof ConfigError) console.error(`\nseed: ${err.message}\n`);
  else console.error(`\nseed failed: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
}
