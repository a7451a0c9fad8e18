import { describe, expect, it } from '@jest/globals';
import { requestLogger } from '../src/index.js';
import { captureLogger } from '@app/testing';

const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('logger redaction', () => {
  it.each([
    ['password at the top level', { password: 'SECRET-1' }],
    ['password one level down', { user: { email: 'a@b.c', password: 'SECRET-2' } }],
    ['password in GraphQL variables', { variables: { input: { password: 'SECRET-3' } } }],
    ['current and new password', { input: { currentPassword: 'SECRET-4', newPassword: 'SECRET-5' } }],
    ['token', { token: 'SECRET-6' }],
    ['access and refresh tokens', { accessToken: 'SECRET-7', refreshToken: 'SECRET-8' }],
    ['refresh token in a result', { result: { refreshToken: 'SECRET-9' } }],
    ['authorization header (top level)', { authorization: 'Bearer SECRET-10' }],
    ['authorization in headers', { headers: { authorization: 'Bearer SECRET-11' } }],
    ['authorization in req.headers', { req: { method: 'POST', headers: { authorization: 'Bearer SECRET-12' } } }],
    ['internal token header', { req: { headers: { 'x-internal-token': 'SECRET-13' } } }],
    ['secret', { secret: 'SECRET-14', nested: { secret: 'SECRET-15' } }],
    ['password nested deeper', { body: { variables: { input: { password: 'SECRET-16' } } } }],
    ['refresh token nested deeper', { response: { data: { login: { refreshToken: 'SECRET-17', accessToken: 'SECRET-18' } } } }],
    ['password inside an array', { users: [{ email: 'x@y.z', password: 'SECRET-19' }] }],
    ['authorization nested deeper', { upstream: { request: { headers: { authorization: 'Bearer SECRET-20' } } } }],
  ])('never writes the value of %s', (_what, object) => {
    const { logger, lines } = captureLogger();
    logger.info(object, 'something happened');
    const output = lines.join('');
    expect(lines).toHaveLength(1);
    expect(output).not.toMatch(/SECRET-\d+/);
    expect(output).toContain('[redacted]');
    expect(output).toContain('something happened');
  });

  it('keeps the other fields and does not change the logged object', () => {
    const { logger, lines } = captureLogger('samples');
    const object = { user: { email: 'a@b.c', password: 'SECRET' }, count: 3 };
    logger.warn(object, 'login');
    const [line] = parse(lines);
    expect(line).toMatchObject({ service: 'samples', msg: 'login', count: 3, user: { email: 'a@b.c', password: '[redacted]' } });
    expect(object.user.password).toBe('SECRET');
  });

  it('redacts secrets in child-logger bindings too', () => {
    const { logger, lines } = captureLogger();
    logger.child({ token: 'SECRET-CHILD' }).info('x');
    expect(lines.join('')).not.toContain('SECRET-CHILD');
  });

  it('still serialises errors with their message and stack', () => {
    const { logger, lines } = captureLogger();
    logger.error({ err: new Error('db exploded'), password: 'SECRET' }, 'failed');
    const [line] = parse(lines);
    expect((line.err as { message: string; stack: string }).message).toBe('db exploded');
    expect((line.err as { stack: string }).stack).toContain('Error: db exploded');
    expect(line.password).toBe('[redacted]');
  });

  it('respects the level', () => {
    const { logger, lines } = captureLogger('svc', 'info');
    logger.debug('hidden');
    logger.info('shown');
    expect(parse(lines).map((l) => l.msg)).toEqual(['shown']);
  });
});

describe('requestLogger', () => {
  it('tags every line with the request and correlation ids', () => {
    const { logger, lines } = captureLogger();
    const log = requestLogger(logger, { requestId: 'req-1', correlationId: 'corr-9' });
    log.info('first');
    log.child({ step: 2 }).warn({ password: 'SECRET' }, 'second');
    const parsed = parse(lines);
    expect(parsed).toHaveLength(2);
    for (const line of parsed) expect(line).toMatchObject({ requestId: 'req-1', correlationId: 'corr-9', service: 'test' });
    expect(parsed[1]).toMatchObject({ step: 2, password: '[redacted]' });
  });
});
