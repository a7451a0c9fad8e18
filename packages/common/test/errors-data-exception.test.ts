import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { createErrorFormatter } from '../src/index.js';
import { captureLogger } from '@app/testing';

// Found by fuzzing: a non-UUID id, a year 200000 or a NUL byte reached PostgreSQL and came back as
// INTERNAL_SERVER_ERROR. A data exception (SQLSTATE class 22) is the caller's input, not a fault.
describe('a value the database cannot take', () => {
  it('answers BAD_USER_INPUT without the SQL, for every data exception', async () => {
    const { DriverException } = await import('@mikro-orm/core');
    const { logger } = captureLogger();
    const format = createErrorFormatter(logger);
    for (const code of ['22P02', '22008', '22003', '22021', '22001', '08P01']) {
      const original = new DriverException(Object.assign(new Error(`select * from "samples"."billing_account" - invalid input (${code})`), { code }));
      const out = format({ message: original.message, path: ['deactivateBillingAccount'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError(original.message, { originalError: original }));
      expect({ code, extensions: out.extensions }).toEqual({ code, extensions: { code: 'BAD_USER_INPUT' } });
      expect(out.message).not.toContain('billing_account');
    }
  });

  it('still masks other driver errors', async () => {
    const { DriverException } = await import('@mikro-orm/core');
    const format = createErrorFormatter(captureLogger().logger);
    const original = new DriverException(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }));
    expect(format({ message: original.message, extensions: {} }, new GraphQLError(original.message, { originalError: original })).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
