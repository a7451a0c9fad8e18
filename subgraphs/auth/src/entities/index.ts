import { ApiToken } from './api-token.entity.js';
import { LoginThrottle } from './login-throttle.entity.js';
import { PasswordResetToken } from './password-reset-token.entity.js';
import { RefreshToken } from './refresh-token.entity.js';
import { User } from './user.entity.js';

export { ApiToken, LoginThrottle, PasswordResetToken, RefreshToken, User };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [User, RefreshToken, PasswordResetToken, ApiToken, LoginThrottle];
