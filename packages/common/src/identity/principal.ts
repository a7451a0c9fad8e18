/** Roles of people who use the tracker (design.md §4). */
export const Roles = ['ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER'] as const;
export type Role = (typeof Roles)[number];

/** How a change entered the system; recorded on every domain event. */
export const Vias = ['UI', 'API', 'IMPORT', 'SYSTEM'] as const;
export type Via = (typeof Vias)[number];

/** Who is calling, as verified by the gateway and carried to subgraphs in the internal token. */
export interface Principal {
  /** `user`: an access token; `apiToken`: a BI/automation token; `service`: a subsystem acting on its own. */
  kind: 'user' | 'apiToken' | 'anonymous' | 'service';
  userId: string | null;
  role: Role | null;
  /** The lab a SUBMITTER is scoped to; null for staff and anonymous callers. */
  labId: string | null;
  name: string | null;
  /** Scopes of an API token (`samples:read`, ...); empty for interactive users. */
  scopes: string[];
  /** Id of the API token used, for the audit trail. */
  tokenId: string | null;
  via: Via;
  /**
   * When the person last entered their password (epoch seconds; the access token's `auth_time`),
   * kept across refreshes: e-signatures may skip the password only shortly after it. Absent otherwise.
   */
  authTime?: number | null;
}

/** Network facts about the request, kept for the audit trail. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export const ANONYMOUS: Principal = Object.freeze({
  kind: 'anonymous', userId: null, role: null, labId: null, name: null, scopes: [], tokenId: null, via: 'API',
}) as Principal;

/** The identity background work (relays, schedulers, consumers) acts under. */
export const SYSTEM: Principal = Object.freeze({
  kind: 'service', userId: null, role: 'ADMIN', labId: null, name: 'system', scopes: [], tokenId: null, via: 'SYSTEM',
}) as Principal;
