import type { SubgraphDeps } from '@app/common';
import type { AuthConfig } from './config.js';
import type { KeyRing } from './keys/key-ring.js';
import type { PasswordHasher } from './services/password-hasher.js';

/** Process-wide dependencies of the auth subgraph: the runtime's, plus signing keys and the hasher. */
export interface AuthDeps extends SubgraphDeps<AuthConfig> {
  keys: KeyRing;
  passwords: PasswordHasher;
}

export const SOURCE = 'auth';
