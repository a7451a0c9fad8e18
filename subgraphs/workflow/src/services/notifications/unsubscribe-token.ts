import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { qualified } from '@app/common';

/** What an unsubscribe link stops: one address (and its user, if any) for one event kind or all ('*'). */
export interface UnsubscribeClaim {
  address: string;
  userId: string | null;
  event: string;
}

const SECRET_KEY = 'unsubscribe-secret';

/**
 * The secret that signs unsubscribe links: NOTIFY_UNSUBSCRIBE_SECRET, else one generated on first
 * use and kept in the database, so links keep working across restarts and replicas.
 */
export async function unsubscribeSecret(em: EntityManager, schema: string, configured: string | null): Promise<string> {
  if (configured) return configured;
  const table = qualified(schema, 'notify_setting');
  await em.getConnection().execute(`insert into ${table} (key, value) values (?, ?) on conflict do nothing`, [SECRET_KEY, randomBytes(32).toString('base64url')]);
  const rows = await em.getConnection().execute<{ value: string }[]>(`select value from ${table} where key = ?`, [SECRET_KEY]);
  return rows[0]!.value;
}

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(`unsubscribe.${payload}`).digest('base64url');

/** A token that works without login: the claim, base64url JSON, and its HMAC. It never expires. */
export function signUnsubscribe(secret: string, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify([claim.address, claim.userId, claim.event])).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The claim of a token this service signed, or null (tampered, truncated, garbage). */
export function verifyUnsubscribe(secret: string, token: string): UnsubscribeClaim | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || token.length > 2000) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [address, userId, event] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
    if (typeof address !== 'string' || typeof event !== 'string' || (userId !== null && typeof userId !== 'string')) return null;
    return { address, userId: userId as string | null, event };
  } catch {
    return null;
  }
}
