import { randomBytes } from 'node:crypto';
import { EMAIL_DOMAIN, LABS, STAFF, VIEWERS, type Person } from './catalogue.js';
import { mapLimit, type GatewayClient } from './client.js';

export interface DemoUser extends Person { id: string; role: 'STAFF' | 'SUBMITTER' | 'VIEWER'; labId: string | null; created: boolean }

const FIND = `query SeedFindUsers($s: String!) { users(filter: { search: $s }, first: 100) { edges { node { id email role active } } } }`;
const CREATE = `mutation SeedCreateUser($i: CreateUserInput!) { createUser(input: $i) { id } }`;
const TICKET = `mutation SeedResetTicket($id: ID!) { requestPasswordReset(userId: $id) { token } }`;
const RESET = `mutation SeedResetPassword($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
const REACTIVATE = `mutation SeedReactivate($id: ID!) { reactivateUser(id: $id) { id } }`;

/** A password for every demo user: random, long, easy to type. */
export const demoPassword = (): string => `demo-${randomBytes(9).toString('base64url')}-core`;

export const everyone = (): { person: Person; role: DemoUser['role']; labId: string | null; labName: string | null }[] => [
  ...STAFF.map((person) => ({ person, role: 'STAFF' as const, labId: null, labName: null })),
  ...VIEWERS.map((person) => ({ person, role: 'VIEWER' as const, labId: null, labName: null })),
  ...LABS.flatMap((lab) => lab.submitters.map((person) => ({ person, role: 'SUBMITTER' as const, labId: lab.id, labName: lab.name }))),
];

/**
 * Creates the demo staff, viewer and submitters, or reuses them from an earlier run; either way
 * each ends with `password` (an existing one is reset through the admin's reset ticket).
 */
export async function ensureDemoUsers(admin: GatewayClient, anonymous: GatewayClient, password: string): Promise<DemoUser[]> {
  const found = await admin.request<{ users: { edges: { node: { id: string; email: string; role: string; active: boolean } }[] } }>(FIND, { s: `@${EMAIL_DOMAIN}` });
  const byEmail = new Map(found.users.edges.map((e) => [e.node.email.toLowerCase(), e.node]));
  return mapLimit(everyone(), 2, async ({ person, role, labId, labName }) => {
    const existing = byEmail.get(person.email);
    if (existing) {
      if (!existing.active) await admin.request(REACTIVATE, { id: existing.id });
      const { requestPasswordReset } = await admin.request<{ requestPasswordReset: { token: string } }>(TICKET, { id: existing.id });
      await anonymous.request(RESET, { t: requestPasswordReset.token, p: password });
      return { ...person, id: existing.id, role, labId, created: false };
    }
    const { createUser } = await admin.request<{ createUser: { id: string } }>(CREATE, {
      i: { email: person.email, name: person.name, role, password, ...(labId ? { labId, labName } : {}) },
    });
    return { ...person, id: createUser.id, role, labId, created: true };
  });
}
