/**
 * Creates an ADMIN, or promotes an existing user to an active ADMIN with a new password:
 *   DATABASE_URL=postgres://... ADMIN_EMAIL=a@b.org ADMIN_PASSWORD='...' npm run create-admin
 *   npm run create-admin -- --email a@b.org --name "Ada Admin"      (password from ADMIN_PASSWORD)
 * Passing --password works too, but it is then visible in the process list; prefer the variable.
 * Applies pending migrations first, so it works on an empty database.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, initOrm, loadConfig } from '@app/common';
import { passwordHashEnvSchema } from '../config.js';
import { entities } from '../entities/index.js';
import { migrations } from '../migrations/index.js';
import { createOrPromoteAdmin } from '../services/admin-bootstrap.js';
import { PasswordHasher } from '../services/password-hasher.js';

const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } });
const env = { ...process.env, ADMIN_EMAIL: values.email ?? process.env.ADMIN_EMAIL, ADMIN_PASSWORD: values.password ?? process.env.ADMIN_PASSWORD, ADMIN_NAME: values.name ?? process.env.ADMIN_NAME };

const cliEnvSchema = passwordHashEnvSchema.extend({
  DATABASE_URL: z.string().url('must be a postgres:// URL'),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case identifier').default('auth'),
  ADMIN_EMAIL: z.string({ error: 'is required (or --email)' }).email('must be an email address'),
  ADMIN_PASSWORD: z.string({ error: 'is required (or --password)' }).min(1),
  ADMIN_NAME: z.string().min(1).max(200).default('Administrator'),
});

try {
  const config = loadConfig(cliEnvSchema, env);
  const orm = await initOrm({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, entities, migrations });
  try {
    const { user, created } = await createOrPromoteAdmin(orm.em.fork(), config.DATABASE_SCHEMA, new PasswordHasher(config),
      { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD, name: config.ADMIN_NAME }, new Date());
    console.log(`${created ? 'created' : 'promoted'} admin ${user.email} (${user.id})`);
  } finally {
    await orm.close();
  }
} catch (err) {
  // Messages name the field; none of them repeats the password.
  console.error(err instanceof ConfigError ? err.message : `create-admin failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
