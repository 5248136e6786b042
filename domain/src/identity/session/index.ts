import type { Decider } from '../../shared';
import type { SessionCommand } from './commands';
import { decideSession } from './decide';
import type { SessionEvent } from './events';
import type { SessionState } from './state';
import { evolveSession, initialSessionState } from './state';

export type { RefreshSession, RevokeSession, SessionCommand, StartSession } from './commands';
export type { SessionEvent, SessionRefreshed, SessionRevocationReason, SessionRevoked, SessionStarted } from './events';
export { sessionRevocationReasons, sessionStreamId } from './events';
export type { Session, SessionState } from './state';
export type { SessionDecision, SessionRefusal } from './decide';
export { decideSession } from './decide';

/**
 * One refresh-token family per stream `session-<sessionId>`, in the shared Decider shape
 * so the generic command handler can load, decide and append it. Its `decide` returns the
 * decision's events only, so a refused refresh yields `[]` or `[SessionRevoked]` and never
 * `SessionRefreshed`: a handler on this path must answer 401 unless `refreshSucceeded(events)`.
 * Prefer `decideSession`, which also says why.
 */
export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: initialSessionState,
  evolve: evolveSession,
  decide: (command, state) => decideSession(command, state).events,
};

/** True when the decided events rotate the token: the only case in which new tokens may be handed out. */
export const refreshSucceeded = (events: readonly SessionEvent[]): boolean => events.some((event) => event.type === 'SessionRefreshed');
