import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { startCommand } from '@app/testing';

// There is no Docker engine in CI, so the compose file is checked by reading it: every service it
// builds exists, ports agree with supergraph.yaml, and every variable it sets is one the service reads.
const root = join(import.meta.dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, any> };
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const supergraph = parse(readFileSync(join(root, 'supergraph.yaml'), 'utf8')) as { subgraphs: Record<string, { routing_url: string }> };

/** Every source file a service's configuration can be read from: its own, plus the shared runtime. */
function configSources(servicePath: string): string {
  const dirs = [join(root, servicePath, 'src'), join(root, 'packages/common/src')];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  dirs.forEach(walk);
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

const built = Object.entries(compose.services).filter(([, s]) => s.build?.args?.SERVICE);

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, Redis, Qdrant, Ollama, ClamAV, the seven subgraphs and the gateway', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['ai', 'audit', 'auth', 'clamav', 'files', 'gateway', 'ollama', 'postgres', 'qdrant', 'redis', 'samples', 'submission', 'workflow'],
    );
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
  });

  it.each(built)('%s runs what its package.json start runs: the entry and the node flags', (_name, service) => {
    const path = service.build.args.SERVICE as string;
    expect(service.build.context).toBe('.');
    // The Dockerfile runs `node $NODE_FLAGS "$SERVICE/$ENTRY"`; a service that passes neither gets its defaults.
    expect(dockerfile).toContain('exec node $NODE_FLAGS \\"$SERVICE/$ENTRY\\"');
    const entry = (service.build.args.ENTRY as string | undefined) ?? /^ARG ENTRY=(\S+)$/m.exec(dockerfile)![1]!;
    const flags = ((service.build.args.NODE_FLAGS as string | undefined) ?? /^ARG NODE_FLAGS=(.*)$/m.exec(dockerfile)![1]!).split(' ').filter(Boolean);
    const start = startCommand(join(root, path));
    expect(join(root, path, entry)).toBe(start.entry);
    expect(flags).toEqual(start.flags);
    expect(existsSync(join(root, path, 'src', basename(entry).replace(/\.js$/, '.ts')))).toBe(true);
  });

  it('the gateway runs main.ts with a capped young generation and one V8 worker thread (bench/README.md, memory)', () => {
    const { entry, flags } = startCommand(join(root, 'gateway'));
    expect(basename(entry)).toBe('main.js');
    expect(flags).toEqual(expect.arrayContaining(['--max-semi-space-size=1', '--v8-pool-size=1']));
  });

  it.each(built)('%s has a health check on /readyz of its own port', (_name, service) => {
    const port = service.environment.PORT;
    expect(JSON.stringify(service.healthcheck.test)).toContain(`127.0.0.1:${port}/readyz`);
  });

  it.each(Object.entries(supergraph.subgraphs))('subgraph %s listens where supergraph.yaml routes it', (name, { routing_url }) => {
    const url = new URL(routing_url);
    expect(url.hostname).toBe(name);
    expect(compose.services[name].environment.PORT).toBe(url.port);
  });

  it.each(built)('every variable set for %s is read by its configuration', (_name, service) => {
    const sources = configSources(service.build.args.SERVICE);
    const unknown = Object.keys(service.environment).filter((v) => !new RegExp(`\\b${v}\\b`).test(sources));
    expect(unknown).toEqual([]);
  });

  it('the gateway depends on every subgraph being healthy', () => {
    const deps = Object.keys(compose.services.gateway.depends_on);
    for (const name of Object.keys(supergraph.subgraphs)) expect(deps).toContain(name);
  });
});
