import { describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  AppError, ConflictError, ErrorCode, ForbiddenError, InvalidTransitionError, NotFoundError, RateLimitedError,
  UnauthenticatedError, ValidationError, createErrorFormatter,
} from '../src/index.js';
import { captureLogger } from '@app/testing';

describe('error classes', () => {
  it.each([
    [new UnauthenticatedError(), 'UNAUTHENTICATED', 'Authentication is required', 'UnauthenticatedError'],
    [new ForbiddenError(), 'FORBIDDEN', 'You are not allowed to do this', 'ForbiddenError'],
    [new NotFoundError('Sample', 's-1'), 'NOT_FOUND', 'Sample s-1 was not found', 'NotFoundError'],
    [new NotFoundError('Sample'), 'NOT_FOUND', 'Sample was not found', 'NotFoundError'],
    [new ConflictError('stale', { version: 3 }), 'CONFLICT', 'stale', 'ConflictError'],
    [new InvalidTransitionError('no', { from: 'A', to: 'B' }), 'INVALID_TRANSITION', 'no', 'InvalidTransitionError'],
    [new RateLimitedError('slow down', 30), 'RATE_LIMITED', 'slow down', 'RateLimitedError'],
  ])('%s has code %s', (error, code, message, name) => {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.code).toBe(code);
    expect(error.extensions.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.name).toBe(name);
  });

  it('carries the extra extensions', () => {
    expect(new NotFoundError('Sample', 's-1').extensions).toMatchObject({ entity: 'Sample', id: 's-1' });
    expect(new NotFoundError('Sample').extensions).not.toHaveProperty('id');
    expect(new ConflictError('stale', { version: 3 }).extensions).toMatchObject({ code: 'CONFLICT', version: 3 });
    expect(new InvalidTransitionError('no', { from: 'A', to: 'B' }).extensions).toMatchObject({ from: 'A', to: 'B' });
    expect(new RateLimitedError('slow down', 30).extensions).toMatchObject({ retryAfterSeconds: 30 });
    expect(new AppError('x', ErrorCode.CONFLICT, {}, 409).extensions).toMatchObject({ code: 'CONFLICT', http: { status: 409 } });
    expect(new AppError('x', ErrorCode.CONFLICT).extensions).not.toHaveProperty('http');
  });

  it('ValidationError names one field', () => {
    const err = ValidationError.field('samples.3.volume', 'must be positive');
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toBe('samples.3.volume: must be positive');
    expect(err.extensions).toMatchObject({ field: 'samples.3.volume', problems: [{ field: 'samples.3.volume', message: 'must be positive' }] });
  });

  it('ValidationError names several fields', () => {
    const err = new ValidationError([{ field: 'name', message: 'is required' }, { field: 'volume', message: 'must be positive' }]);
    expect(err.message).toBe('2 fields are invalid: name: is required; volume: must be positive');
    expect(err.extensions.field).toBe('name');
    expect(err.problems).toHaveLength(2);
    expect((err.extensions.problems as unknown[]).length).toBe(2);
  });
});

describe('createErrorFormatter', () => {
  it('passes known codes through and strips stack traces', () => {
    const { logger, lines } = captureLogger();
    const format = createErrorFormatter(logger);
    const formatted: GraphQLFormattedError = {
      message: 'name: is required', path: ['createSample'],
      extensions: { code: 'BAD_USER_INPUT', field: 'name', stacktrace: ['Error: at x.ts:1'], exception: { stacktrace: ['y'] } },
    };
    const out = format(formatted, ValidationError.field('name', 'is required'));
    expect(out).toEqual({ message: 'name: is required', path: ['createSample'], extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
    expect(lines).toHaveLength(0);
    for (const code of ['FORBIDDEN', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']) {
      expect(format({ message: 'm', extensions: { code } }, new Error('m')).message).toBe('m');
    }
  });

  it('masks an unexpected error and logs the original', () => {
    const { logger, lines } = captureLogger();
    const format = createErrorFormatter(logger);
    const original = new Error('relation "sample" does not exist at SELECT * FROM secret_table');
    const wrapped = new GraphQLError(original.message, { originalError: original, path: ['samples'] });
    const out = format({ message: original.message, path: ['samples'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db.ts'] } }, wrapped);
    expect(out).toEqual({ message: 'Internal server error', path: ['samples'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const logged = lines.join('');
    expect(logged).toContain('secret_table');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, msg: 'unexpected error', path: ['samples'] });
  });

  it('answers a change that lost a race (deadlock, lock timeout, stale version) with a retryable CONFLICT', async () => {
    const { DeadlockException, OptimisticLockError } = await import('@mikro-orm/core');
    const { logger } = captureLogger();
    const format = createErrorFormatter(logger);
    const deadlock = new DeadlockException(Object.assign(new Error('deadlock detected on "samples"."sample"'), { code: '40P01' }));
    const stale = new OptimisticLockError('The optimistic lock on entity Sample failed');
    for (const original of [deadlock, stale]) {
      const out = format({ message: original.message, path: ['archiveSample'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError(original.message, { originalError: original }));
      expect(out.extensions).toEqual({ code: 'CONFLICT', retryable: true });
      expect(out.message).not.toContain('samples');
    }
  });

  it('masks errors with an unknown code or no code', () => {
    const format = createErrorFormatter(captureLogger().logger);
    expect(format({ message: 'leak', extensions: { code: 'ECONNREFUSED' } }, new Error('leak')).message).toBe('Internal server error');
    expect(format({ message: 'leak' }, new Error('leak'))).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('in Apollo: AppErrors reach the client, a thrown Error is masked and logged', async () => {
    const { logger, lines } = captureLogger();
    const server = new ApolloServer({
      typeDefs: 'type Query { bad: String, boom: String, missing: String }',
      resolvers: {
        Query: {
          bad: () => { throw ValidationError.field('q', 'is too short'); },
          boom: () => { throw new Error('password=hunter2 in connection string'); },
          missing: () => { throw new NotFoundError('Sample', 's-9'); },
        },
      },
      formatError: createErrorFormatter(logger),
      includeStacktraceInErrorResponses: true,
    });
    await server.start();
    try {
      const res = await server.executeOperation({ query: '{ bad boom missing }' });
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      const errors = res.body.singleResult.errors ?? [];
      const byPath = Object.fromEntries(errors.map((e) => [String(e.path?.[0]), e]));
      expect(byPath.bad).toMatchObject({ message: 'q: is too short', extensions: { code: 'BAD_USER_INPUT', field: 'q' } });
      expect(byPath.bad!.extensions).not.toHaveProperty('stacktrace');
      expect(byPath.missing).toMatchObject({ extensions: { code: 'NOT_FOUND', entity: 'Sample', id: 's-9' } });
      expect(byPath.boom).toEqual({ message: 'Internal server error', path: ['boom'], locations: expect.any(Array), extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(res.body.singleResult)).not.toContain('hunter2');
      expect(lines.join('')).toContain('password=hunter2 in connection string');
    } finally {
      await server.stop();
    }
  });
});
