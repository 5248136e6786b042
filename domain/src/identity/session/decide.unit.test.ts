import { foldEvents } from '../../shared';
import { specificationFor } from '../../shared/testing';
import type { SessionRevocationReason } from '.';
import { refreshSucceeded, sessionDecider, sessionStreamId } from '.';
import {
  createTestRefreshSession as refresh,
  createTestSessionRefreshed as refreshed,
  createTestSessionRevoked as revoked,
  createTestSessionStarted as started,
  createTestStartSession,
  givenSession,
  minutesAfterStart,
  testSessionId as sessionId,
  tokenHash,
} from './testing';

const given = specificationFor(sessionDecider);
const revoke = (reason: SessionRevocationReason) => ({ type: 'RevokeSession' as const, data: { sessionId, reason } });

describe('StartSession', () => {
  it('starts an absent session', () => {
    givenSession().when(createTestStartSession()).thenAccepts([started()]);
  });

  it('records nothing for the same start again, even after a rotation', () => {
    givenSession(started()).when(createTestStartSession()).thenAccepts([]);
    givenSession(started(), refreshed(1, 2)).when(createTestStartSession()).thenAccepts([]);
  });

  it('refuses another start on an existing session', () => {
    given(started()).when(createTestStartSession({ refreshTokenHash: tokenHash(9) })).thenThrows({ code: 'conflict', field: 'sessionId' });
    given(started()).when(createTestStartSession({ userId: 'u-2' })).thenThrows({ code: 'conflict', field: 'sessionId' });
  });

  it.each([
    [{ sessionId: 's.1' }, 'sessionId'],
    [{ sessionId: '' }, 'sessionId'],
    [{ userId: '' }, 'userId'],
    [{ refreshTokenHash: 'plain-token' }, 'refreshTokenHash'],
    [{ credentialsVersion: 0 }, 'credentialsVersion'],
    [{ credentialsVersion: 1.5 }, 'credentialsVersion'],
    [{ expiresAt: 'tomorrow' }, 'expiresAt'],
    [{ expiresAt: '2025-01-01T12:00:00' }, 'expiresAt'],
  ])('refuses invalid data %j', (overrides, field) => {
    given().when(createTestStartSession(overrides)).thenThrows({ code: 'validation', field });
  });
});

describe('RefreshSession', () => {
  it('rotates the current token', () => {
    givenSession(started()).when(refresh(1, 2)).thenAccepts([refreshed(1, 2)]);
    const state = foldEvents(sessionDecider, [started(), refreshed(1, 2)]);
    expect(state).toEqual({
      status: 'active',
      userId: 'u-1',
      currentTokenHash: tokenHash(2),
      usedTokenHashes: [tokenHash(1)],
      credentialsVersion: 1,
      expiresAt: minutesAfterStart(40),
    });
  });

  it('rotates again from the latest token, before the latest expiry', () => {
    givenSession(started(), refreshed(1, 2, minutesAfterStart(40)))
      .when(refresh(2, 3, { now: minutesAfterStart(35), newExpiresAt: minutesAfterStart(65) }))
      .thenAccepts([refreshed(2, 3, minutesAfterStart(65))]);
  });

  it('revokes the whole family when a spent token comes back, and refuses', () => {
    givenSession(started(), refreshed(1, 2)).when(refresh(1, 3)).thenRefuses('reuse_detected', [revoked('reuse_detected')]);
    givenSession(started(), refreshed(1, 2), refreshed(2, 3)).when(refresh(2, 4)).thenRefuses('reuse_detected', [revoked('reuse_detected')]);
  });

  it('detects reuse before expiry and credentials checks', () => {
    givenSession(started(), refreshed(1, 2))
      .when(refresh(1, 3, { now: minutesAfterStart(50), newExpiresAt: minutesAfterStart(80), currentCredentialsVersion: 2 }))
      .thenRefuses('reuse_detected', [revoked('reuse_detected')]);
  });

  it('refuses every token after a revocation, recording nothing more', () => {
    givenSession(started(), refreshed(1, 2), revoked('reuse_detected')).when(refresh(2, 3)).thenRefuses('revoked');
    givenSession(started(), refreshed(1, 2), revoked('reuse_detected')).when(refresh(1, 3)).thenRefuses('revoked');
    givenSession(started(), revoked('logout')).when(refresh(1, 2)).thenRefuses('revoked');
  });

  it('refuses a token the family never issued without revoking it', () => {
    givenSession(started(), refreshed(1, 2)).when(refresh(99, 3)).thenRefuses('token_mismatch');
  });

  it('refuses an unknown session', () => {
    givenSession().when(refresh(1, 2)).thenRefuses('unknown_session');
  });

  it('revokes an expired session, at and after its expiry, and refuses', () => {
    for (const minute of [30, 31]) {
      givenSession(started())
        .when(refresh(1, 2, { now: minutesAfterStart(minute), newExpiresAt: minutesAfterStart(90) }))
        .thenRefuses('expired', [revoked('expired')]);
    }
    givenSession(started()).when(refresh(1, 2, { now: minutesAfterStart(29) })).thenAccepts([refreshed(1, 2)]);
  });

  it.each([2, 7])('revokes a session whose credentials version moved to %p (password, disabling or role changed), and refuses', (version) => {
    givenSession(started(), refreshed(1, 2))
      .when(refresh(2, 3, { currentCredentialsVersion: version }))
      .thenRefuses('credentials_changed', [revoked('credentials_changed')]);
  });

  it('refuses a new token hash the family already had', () => {
    given(started(), refreshed(1, 2)).when(refresh(2, 2)).thenThrows({ code: 'validation', field: 'newTokenHash' });
    given(started(), refreshed(1, 2)).when(refresh(2, 1)).thenThrows({ code: 'validation', field: 'newTokenHash' });
  });

  it.each([
    [{ newExpiresAt: minutesAfterStart(10) }, 'newExpiresAt'],
    [{ newExpiresAt: 'later' }, 'newExpiresAt'],
    [{ now: '' }, 'now'],
    [{ presentedTokenHash: 'token' }, 'presentedTokenHash'],
    [{ newTokenHash: tokenHash(3).toUpperCase().replace(/^0/, 'A') }, 'newTokenHash'],
    [{ currentCredentialsVersion: -1 }, 'currentCredentialsVersion'],
    [{ sessionId: 'a.b' }, 'sessionId'],
  ])('refuses invalid data %j', (overrides, field) => {
    given(started()).when(refresh(1, 3, overrides)).thenThrows({ code: 'validation', field });
  });
});

describe('RevokeSession', () => {
  it.each<SessionRevocationReason>(['logout', 'disabled', 'credentials_changed'])('revokes an active session for %s', (reason) => {
    givenSession(started(), refreshed(1, 2)).when(revoke(reason)).thenAccepts([revoked(reason)]);
  });

  it('records nothing for a revoked session and keeps the first reason', () => {
    givenSession(started(), revoked('reuse_detected')).when(revoke('logout')).thenAccepts([]);
    expect(foldEvents(sessionDecider, [started(), revoked('reuse_detected'), refreshed(1, 2)])).toMatchObject({
      status: 'revoked',
      currentTokenHash: tokenHash(1),
    });
  });

  it('refuses an absent session and an unknown reason', () => {
    given().when(revoke('logout')).thenThrows({ code: 'not_found', field: 'sessionId' });
    given(started()).when(revoke('bored' as SessionRevocationReason)).thenThrows({ code: 'validation', field: 'reason' });
  });
});

describe('sessionDecider, the shared Decider shape', () => {
  it('returns the decision events only, so a refusal is never a rotation', () => {
    const reused = sessionDecider.decide(refresh(1, 3), foldEvents(sessionDecider, [started(), refreshed(1, 2)]));
    expect(reused).toEqual([revoked('reuse_detected')]);
    expect(refreshSucceeded(reused)).toBe(false);
    expect(refreshSucceeded(sessionDecider.decide(refresh(2, 3), foldEvents(sessionDecider, [started(), refreshed(1, 2)])))).toBe(true);
    expect(refreshSucceeded(sessionDecider.decide(refresh(9, 3), foldEvents(sessionDecider, [started()])))).toBe(false);
  });

  it('names the stream after the session', () => {
    expect(sessionStreamId('s-1')).toBe('session-s-1');
  });
});
