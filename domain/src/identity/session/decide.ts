import { assertId, assertTimestamp, DomainError } from '../../shared';
import { assertCredentialsVersion, assertSha256Hex, assertUserId } from '../rules';
import type { RefreshSession, RevokeSession, SessionCommand, StartSession } from './commands';
import type { SessionEvent, SessionRevocationReason } from './events';
import { sessionRevocationReasons } from './events';
import type { SessionState } from './state';

/** Why a refresh is turned away (the handler answers 401 to all of them, naming none: they would help an attacker). */
export type SessionRefusal =
  | 'unknown_session'
  | 'revoked'
  | 'token_mismatch'
  | Extract<SessionRevocationReason, 'reuse_detected' | 'expired' | 'credentials_changed'>;

/**
 * What a session command leads to. A refresh can be refused *and* record something:
 * a reused token revokes the whole family, so the revocation must be appended although
 * the caller gets a 401. Throwing could not carry those events, and returning them alone
 * would look like success, so a decision carries both: append `events` (possibly none),
 * then answer 401 when `refused` is set. Malformed commands still throw a DomainError.
 */
export interface SessionDecision {
  events: SessionEvent[];
  refused: SessionRefusal | null;
}

const accepted = (events: SessionEvent[]): SessionDecision => ({ events, refused: null });
const refused = (reason: SessionRefusal, events: SessionEvent[] = []): SessionDecision => ({ events, refused: reason });
const revokedFor = (sessionId: string, reason: SessionRevocationReason & SessionRefusal): SessionDecision =>
  refused(reason, [{ type: 'SessionRevoked', data: { sessionId, reason } }]);

/** The refresh token is `<sessionId>.<secret>`, so a session id must not contain the dot. */
const assertSessionId = (sessionId: string): void => {
  assertId(sessionId, 'sessionId');
  if (sessionId.includes('.')) throw DomainError.validation('sessionId must not contain "."', 'sessionId');
};

export const startSession = ({ data }: StartSession, state: SessionState): SessionDecision => {
  assertSessionId(data.sessionId);
  assertUserId(data.userId);
  assertSha256Hex(data.refreshTokenHash, 'refreshTokenHash');
  assertCredentialsVersion(data.credentialsVersion, 'credentialsVersion');
  assertTimestamp(data.expiresAt, 'expiresAt');
  if (state.status !== 'absent') {
    // The same start again (same user, same first token) is a retry: already done.
    const firstTokenHash = state.usedTokenHashes[0] ?? state.currentTokenHash;
    if (state.userId === data.userId && firstTokenHash === data.refreshTokenHash) return accepted([]);
    throw DomainError.conflict('session already exists', 'sessionId');
  }
  const { sessionId, userId, refreshTokenHash, credentialsVersion, expiresAt } = data;
  return accepted([{ type: 'SessionStarted', data: { sessionId, userId, refreshTokenHash, credentialsVersion, expiresAt } }]);
};

export const refreshSession = ({ data }: RefreshSession, state: SessionState): SessionDecision => {
  assertSessionId(data.sessionId);
  assertSha256Hex(data.presentedTokenHash, 'presentedTokenHash');
  assertSha256Hex(data.newTokenHash, 'newTokenHash');
  assertCredentialsVersion(data.currentCredentialsVersion, 'currentCredentialsVersion');
  const now = assertTimestamp(data.now, 'now');
  if (assertTimestamp(data.newExpiresAt, 'newExpiresAt') <= now) throw DomainError.validation('newExpiresAt must be after now', 'newExpiresAt');

  if (state.status === 'absent') return refused('unknown_session');
  if (state.status === 'revoked') return refused('revoked');
  // A spent token comes back only if it was copied: thief or victim, one of them holds a live
  // successor, and we cannot tell which, so the whole family ends (OAuth 2.0 Security BCP §4.14).
  if (state.usedTokenHashes.includes(data.presentedTokenHash)) return revokedFor(data.sessionId, 'reuse_detected');
  // A token this family never issued proves nothing about the family: refuse, revoke nothing
  // (otherwise anyone who learns a session id could end that session).
  if (data.presentedTokenHash !== state.currentTokenHash) return refused('token_mismatch');
  if (now >= assertTimestamp(state.expiresAt, 'expiresAt')) return revokedFor(data.sessionId, 'expired');
  if (data.currentCredentialsVersion !== state.credentialsVersion) return revokedFor(data.sessionId, 'credentials_changed');
  if (data.newTokenHash === state.currentTokenHash || state.usedTokenHashes.includes(data.newTokenHash)) {
    throw DomainError.validation('newTokenHash must be a token this session has never had', 'newTokenHash');
  }
  return accepted([
    {
      type: 'SessionRefreshed',
      data: { sessionId: data.sessionId, previousTokenHash: state.currentTokenHash, refreshTokenHash: data.newTokenHash, expiresAt: data.newExpiresAt },
    },
  ]);
};

export const revokeSession = ({ data }: RevokeSession, state: SessionState): SessionDecision => {
  assertSessionId(data.sessionId);
  if (!sessionRevocationReasons.includes(data.reason)) {
    throw DomainError.validation(`reason must be one of ${sessionRevocationReasons.join(', ')}`, 'reason');
  }
  if (state.status === 'absent') throw DomainError.notFound('session not found', 'sessionId');
  // Logging out twice is a retry; the first reason stays the recorded one.
  if (state.status === 'revoked') return accepted([]);
  return accepted([{ type: 'SessionRevoked', data: { sessionId: data.sessionId, reason: data.reason } }]);
};

export const decideSession = (command: SessionCommand, state: SessionState): SessionDecision => {
  switch (command.type) {
    case 'StartSession':
      return startSession(command, state);
    case 'RefreshSession':
      return refreshSession(command, state);
    case 'RevokeSession':
      return revokeSession(command, state);
    default: {
      const _exhaustive: never = command;
      throw DomainError.validation(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
