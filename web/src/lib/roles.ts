// What each role may do, as docs/access-matrix.md says; the pages hide what the caller cannot use.
// The server stays the authority: a hidden button is a courtesy, not a control.

export type RoleName = 'ADMIN' | 'STAFF' | 'SUBMITTER' | 'VIEWER';

export const CAPABILITIES = {
  workSteps: ['ADMIN', 'STAFF'],
  overrideStep: ['ADMIN'],
  createSamples: ['ADMIN', 'STAFF', 'SUBMITTER'],
  intake: ['ADMIN', 'STAFF', 'SUBMITTER'],
  reviewExtractions: ['ADMIN', 'STAFF'],
  export: ['ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER'],
  apiTokens: ['ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER'],
  listUsers: ['ADMIN', 'STAFF'],
  manageUsers: ['ADMIN'],
  verifyAudit: ['ADMIN'],
  deadLetters: ['ADMIN'],
} as const satisfies Record<string, readonly RoleName[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(role: RoleName | null | undefined, capability: Capability): boolean {
  return !!role && (CAPABILITIES[capability] as readonly RoleName[]).includes(role);
}
