import { AppError, ErrorCode } from '@app/common';

/**
 * A credential was presented but is not acceptable. Unlike a missing credential (which makes the
 * caller anonymous), this is answered with HTTP 401 so clients know to sign in again.
 */
export class InvalidCredentialsError extends AppError {
  constructor(message = 'The access token is invalid or expired') {
    super(message, ErrorCode.UNAUTHENTICATED, {}, 401);
  }
}
