import type { DomainCommand } from '../../shared';
import type { SessionRevocationReason } from './events';

/** At login. Hashes are SHA-256 hex computed by the handler; times are ISO 8601 from the handler's clock. */
export type StartSession = DomainCommand<
  'StartSession',
  { sessionId: string; userId: string; refreshTokenHash: string; credentialsVersion: number; expiresAt: string }
>;

/**
 * A client presents its refresh token. `now` comes from the handler's clock and
 * `currentCredentialsVersion` from the user's stream: the decider reads neither itself.
 */
export type RefreshSession = DomainCommand<
  'RefreshSession',
  {
    sessionId: string;
    presentedTokenHash: string;
    newTokenHash: string;
    newExpiresAt: string;
    now: string;
    currentCredentialsVersion: number;
  }
>;

export type RevokeSession = DomainCommand<'RevokeSession', { sessionId: string; reason: SessionRevocationReason }>;

export type SessionCommand = StartSession | RefreshSession | RevokeSession;
