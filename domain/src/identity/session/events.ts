import type { InternalEvent } from '../internal-events';

/** Why a session ended. `disabled` is given by the handler that disables a user and revokes its sessions. */
export type SessionRevocationReason = 'logout' | 'reuse_detected' | 'credentials_changed' | 'disabled' | 'expired';

export const sessionRevocationReasons: readonly SessionRevocationReason[] = [
  'logout',
  'reuse_detected',
  'credentials_changed',
  'disabled',
  'expired',
];

/** Token hashes are SHA-256 hex of the refresh token; the token itself is never stored. Internal: secrets. */
export interface SessionStarted {
  sessionId: string;
  userId: string;
  refreshTokenHash: string;
  /** The user's credentials version at login: a refresh under another version is refused. */
  credentialsVersion: number;
  /** ISO 8601. */
  expiresAt: string;
}

/** The refresh token rotated: `previousTokenHash` is spent, presenting it again revokes the session. */
export interface SessionRefreshed {
  sessionId: string;
  previousTokenHash: string;
  refreshTokenHash: string;
  expiresAt: string;
}

export interface SessionRevoked {
  sessionId: string;
  reason: SessionRevocationReason;
}

/** Events of a session stream, `session-<sessionId>`: one refresh-token family. */
export type SessionEvent =
  | InternalEvent<'SessionStarted', SessionStarted>
  | InternalEvent<'SessionRefreshed', SessionRefreshed>
  | InternalEvent<'SessionRevoked', SessionRevoked>;

export const sessionStreamId = (sessionId: string): string => `session-${sessionId}`;
