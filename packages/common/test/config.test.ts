import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ConfigError, baseEnvSchema, dataServiceEnvSchema, envBoolean, envPort, loadConfig } from '../src/index.js';

const validDataEnv = {
  DATABASE_URL: 'postgres://app@db:5432/app',
  INTERNAL_TOKEN_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----',
};

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reports every problem at once in one ConfigError', () => {
    const err = configError(() => loadConfig(dataServiceEnvSchema, {
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
      DATABASE_URL: 'not a url',
      DATABASE_POOL_MAX: '0',
      // INTERNAL_TOKEN_PUBLIC_KEY missing
    }));
    const vars = err.problems.map((p) => p.split(':')[0]);
    expect(vars).toEqual(expect.arrayContaining(['LOG_LEVEL', 'NODE_ENV', 'DATABASE_URL', 'DATABASE_POOL_MAX', 'INTERNAL_TOKEN_PUBLIC_KEY']));
    expect(err.problems).toHaveLength(5);
    for (const name of ['LOG_LEVEL', 'NODE_ENV', 'DATABASE_URL', 'DATABASE_POOL_MAX', 'INTERNAL_TOKEN_PUBLIC_KEY']) {
      expect(err.message).toContain(`- ${name}:`);
    }
    expect(err.problems.find((p) => p.startsWith('DATABASE_URL'))).toContain('must be a postgres:// URL');
    expect(err.problems.find((p) => p.startsWith('INTERNAL_TOKEN_PUBLIC_KEY'))).toContain('public key');
  });

  it('applies defaults and returns a frozen object', () => {
    const config = loadConfig(dataServiceEnvSchema, validDataEnv);
    expect(config).toMatchObject({
      NODE_ENV: 'development', LOG_LEVEL: 'info', HOST: '0.0.0.0', DATABASE_POOL_MAX: 5, EVENT_STREAM: 'nanopore:events',
      DATABASE_URL: validDataEnv.DATABASE_URL,
    });
    expect(config.REDIS_URL).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats empty strings as unset (defaults apply, optional stays undefined, required is reported)', () => {
    const config = loadConfig(dataServiceEnvSchema, { ...validDataEnv, LOG_LEVEL: '', DATABASE_POOL_MAX: '', REDIS_URL: '', EVENT_STREAM: '' });
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DATABASE_POOL_MAX).toBe(5);
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.EVENT_STREAM).toBe('nanopore:events');
    const err = configError(() => loadConfig(dataServiceEnvSchema, { ...validDataEnv, DATABASE_URL: '' }));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(/^DATABASE_URL:/);
  });

  it('coerces numbers and keeps valid values', () => {
    const config = loadConfig(dataServiceEnvSchema, { ...validDataEnv, DATABASE_POOL_MAX: '12', REDIS_URL: 'redis://cache:6379', NODE_ENV: 'production' });
    expect(config.DATABASE_POOL_MAX).toBe(12);
    expect(config.REDIS_URL).toBe('redis://cache:6379');
    expect(config.NODE_ENV).toBe('production');
  });

  it('ignores variables the schema does not know', () => {
    const config = loadConfig(baseEnvSchema, { PATH: '/usr/bin', HOME: '/root' }) as Record<string, unknown>;
    expect(config.PATH).toBeUndefined();
  });
});

describe('envBoolean and envPort', () => {
  const schema = z.object({ FLAG: envBoolean(false), ON: envBoolean(true), PORT: envPort(4001) });

  it.each([
    ['true', true], ['1', true], ['yes', true], ['false', false], ['0', false], ['no', false],
  ])('parses %j as %j', (text, expected) => {
    expect(loadConfig(schema, { FLAG: text }).FLAG).toBe(expected);
  });

  it('falls back to the default when unset or empty', () => {
    expect(loadConfig(schema, {})).toEqual({ FLAG: false, ON: true, PORT: 4001 });
    expect(loadConfig(schema, { FLAG: '', ON: '', PORT: '' })).toEqual({ FLAG: false, ON: true, PORT: 4001 });
  });

  it('parses ports', () => {
    expect(loadConfig(schema, { PORT: '8080' }).PORT).toBe(8080);
    expect(loadConfig(schema, { PORT: '0' }).PORT).toBe(0);
  });

  it('rejects bad booleans and ports, all in one error', () => {
    const err = configError(() => loadConfig(schema, { FLAG: 'maybe', ON: 'TRUEISH', PORT: '70000' }));
    expect(err.problems.map((p) => p.split(':')[0]).sort()).toEqual(['FLAG', 'ON', 'PORT']);
    expect(configError(() => loadConfig(schema, { PORT: 'http' })).problems[0]).toMatch(/^PORT:/);
    expect(configError(() => loadConfig(schema, { PORT: '80.5' })).problems[0]).toMatch(/^PORT:/);
    expect(configError(() => loadConfig(schema, { PORT: '-1' })).problems[0]).toMatch(/^PORT:/);
  });
});
