import type { SessionEvent } from './events';

export interface Session {
  status: 'active' | 'revoked';
  userId: string;
  /** The one token hash a refresh accepts, while the session is active. */
  currentTokenHash: string;
  /** Every hash rotated away, oldest first: presenting one of them is a reuse. */
  usedTokenHashes: string[];
  credentialsVersion: number;
  /** ISO 8601. */
  expiresAt: string;
}

export type SessionState = { status: 'absent' } | Session;

export const initialSessionState = (): SessionState => ({ status: 'absent' });

export const evolveSession = (state: SessionState, event: SessionEvent): SessionState => {
  if (event.type === 'SessionStarted') {
    if (state.status !== 'absent') return state;
    const { userId, refreshTokenHash, credentialsVersion, expiresAt } = event.data;
    return { status: 'active', userId, currentTokenHash: refreshTokenHash, usedTokenHashes: [], credentialsVersion, expiresAt };
  }
  // Nothing brings a revoked session back: a revocation is final whatever follows it.
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'SessionRefreshed':
      return {
        ...state,
        currentTokenHash: event.data.refreshTokenHash,
        usedTokenHashes: [...state.usedTokenHashes, event.data.previousTokenHash],
        expiresAt: event.data.expiresAt,
      };
    case 'SessionRevoked':
      return { ...state, status: 'revoked' };
    default:
      return state;
  }
};
