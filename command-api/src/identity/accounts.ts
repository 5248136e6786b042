import { createHash } from 'node:crypto';
import {
  AppError, ValidationError, assertWithinLimit, hashPassword, hashRefreshToken, issueAccessToken, newRefreshToken, passwordPolicyIssues, randomId,
  sessionIdOfRefreshToken, verifyAgainstDummy, verifyPassword,
} from '@ecommerce/platform';
import type { KeyRing, LoginThrottle, Principal, RateLimiter } from '@ecommerce/platform';
import type { Tokens } from '@ecommerce/schemas';
import {
  credentialsDecider, credentialsStreamId, emailDecider, emailStreamId, normalizeEmail, refreshSucceeded, sessionDecider, sessionStreamId, userDecider, userStreamId,
} from '@ecommerce/domain';
import type { User, UserRole, UserState } from '@ecommerce/domain';
import { handleCommand } from '../handle-command';
import type { CommandContext } from '../handle-command';
import { answerOf } from '../command-answer';
import type { CommandAnswer } from '../command-answer';

export interface AccountsOptions {
  /** The current signing keys (the ring can rotate under a running process). */
  keyRing: () => KeyRing;
  throttle: LoginThrottle;
  /** Refreshes per account (the session's user), whatever address or session they come from; none when absent. */
  refreshLimiter?: RateLimiter;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** A registration takes well under a second; an email claim this old without its user was left by a crash. */
const abandonedClaimMs = 60_000;
const invalidCredentials = () => new AppError('unauthorized', 'invalid email or password');
const invalidRefresh = () => new AppError('unauthorized', 'invalid or expired refresh token');

/**
 * Accounts and sessions (DESIGN §7): registration with a unique email (reservation stream),
 * argon2id credentials in a stream of their own, and refresh-token families as session
 * streams read consistently at each refresh. Secrets live only in streams the mirror never
 * publishes.
 */
export function createAccounts(context: CommandContext, options: AccountsOptions) {
  const { eventStore } = context;

  async function emailClaimOf(email: string): Promise<{ userId: string; claimedAt: Date } | null> {
    const [claim] = await eventStore.readStream(emailStreamId(email, sha256Hex), { maxCount: 1 });
    return claim ? { userId: String((claim.data as { userId: string }).userId), claimedAt: claim.recordedAt } : null;
  }

  async function userIdOfEmail(email: string): Promise<string | null> {
    return (await emailClaimOf(email))?.userId ?? null;
  }

  async function userState(userId: string): Promise<UserState> {
    const events = await eventStore.readStream(userStreamId(userId));
    return events.reduce((state, event) => userDecider.evolve(state, { type: event.type, data: event.data } as never), userDecider.initialState());
  }

  async function passwordHashOf(userId: string): Promise<string | null> {
    const [last] = await eventStore.readStream(credentialsStreamId(userId), { direction: 'backwards', maxCount: 1 });
    return last ? String((last.data as { passwordHash: string }).passwordHash) : null;
  }

  async function issueTokens(user: User, sessionId: string, refreshToken: string, expiresAt: Date): Promise<Tokens> {
    const accessToken = await issueAccessToken({ sub: user.userId, role: user.role }, options.keyRing(), { ttlSeconds: options.accessTokenTtlSeconds });
    return { tokenType: 'Bearer', accessToken, expiresIn: options.accessTokenTtlSeconds, refreshToken, refreshExpiresAt: expiresAt.toISOString() };
  }

  const refreshExpiry = () => new Date(context.clock().getTime() + options.refreshTokenTtlDays * 86_400_000);

  function assertPolicy(password: string, email: string, field: string): void {
    const issues = passwordPolicyIssues(password, email).map((issue) => ({ ...issue, field }));
    if (issues.length > 0) throw new ValidationError(`${field}: ${issues[0]?.message ?? 'does not meet the password policy'}`, issues);
  }

  async function register(input: { email: string; password: string; name: string }, role: UserRole): Promise<CommandAnswer> {
    const email = normalizeEmail(input.email);
    assertPolicy(input.password, email, 'password');
    // A registration interrupted after claiming the email (crash) left a claim without a user:
    // finishing it under the claimed id frees the address instead of blocking it for ever. Only
    // once the claim is old: a claim without a user yet is also a registration still under way,
    // and finishing that one would set this request's password on the other's account.
    const claim = await emailClaimOf(email);
    const abandoned = claim !== null && context.clock().getTime() - claim.claimedAt.getTime() > abandonedClaimMs && (await userState(claim.userId)).status === 'absent';
    const userId = abandoned ? claim.userId : randomId();
    const passwordHash = await hashPassword(input.password);
    await handleCommand(context, { streamId: emailStreamId(email, sha256Hex), decider: emailDecider, commands: [{ type: 'ClaimEmail', data: { email, userId } }], actor: userId });
    await handleCommand(context, { streamId: credentialsStreamId(userId), decider: credentialsDecider, commands: [{ type: 'SetPassword', data: { userId, passwordHash } }], actor: userId });
    const outcome = await handleCommand(context, { streamId: userStreamId(userId), decider: userDecider, commands: [{ type: 'RegisterUser', data: { userId, email, name: input.name, role } }], actor: userId });
    return { id: userId, stream: userStreamId(userId), revision: outcome.revision, position: outcome.append?.position ?? 0 };
  }

  async function changeUser(userId: string, command: Parameters<typeof userDecider.decide>[0], actor: string): Promise<CommandAnswer> {
    const outcome = await handleCommand(context, { streamId: userStreamId(userId), decider: userDecider, commands: [command], actor });
    return answerOf(context, userId, userStreamId(userId), outcome);
  }

  const requireAdmin = (principal: Principal) => {
    if (principal.role !== 'admin') throw new AppError('forbidden', 'requires role admin');
  };

  return {
    register: (input: { email: string; password: string; name: string }) => register(input, 'customer'),

    /** The first admin, from the CLI or ADMIN_EMAIL/ADMIN_PASSWORD; an existing account is left as it is. */
    async ensureAdmin(input: { email: string; password: string; name: string }): Promise<{ created: boolean; userId: string }> {
      const existing = await userIdOfEmail(normalizeEmail(input.email));
      if (existing) return { created: false, userId: existing };
      return { created: true, userId: (await register(input, 'admin')).id };
    },

    async login(input: { email: string; password: string }): Promise<Tokens> {
      const email = normalizeEmail(input.email);
      await options.throttle.assertAllowed(email);
      const userId = await userIdOfEmail(email);
      const passwordHash = userId ? await passwordHashOf(userId) : null;
      // An unknown email costs one argon2 verification too, so timing does not tell which emails exist.
      const matches = passwordHash ? await verifyPassword(passwordHash, input.password) : await verifyAgainstDummy(input.password);
      const user = userId && matches ? await userState(userId) : null;
      if (!userId || !matches || !user || user.status !== 'active') {
        await options.throttle.recordFailure(email);
        throw invalidCredentials();
      }
      await options.throttle.recordSuccess(email);
      const sessionId = randomId();
      const refresh = newRefreshToken(sessionId);
      const expiresAt = refreshExpiry();
      await handleCommand(context, {
        streamId: sessionStreamId(sessionId),
        decider: sessionDecider,
        commands: [{ type: 'StartSession', data: { sessionId, userId, refreshTokenHash: refresh.hash, credentialsVersion: user.credentialsVersion, expiresAt: expiresAt.toISOString() } }],
        actor: userId,
      });
      return issueTokens(user, sessionId, refresh.token, expiresAt);
    },

    /** Rotates the refresh token; a reused (already rotated) token revokes its whole family. */
    async refresh(refreshToken: string): Promise<Tokens> {
      const sessionId = sessionIdOfRefreshToken(refreshToken);
      if (!sessionId) throw invalidRefresh();
      const [started] = await eventStore.readStream(sessionStreamId(sessionId), { maxCount: 1 });
      if (!started) throw invalidRefresh();
      const userId = String((started.data as { userId: string }).userId);
      if (options.refreshLimiter) await assertWithinLimit(options.refreshLimiter, `user:${userId}`, 'too many refreshes for this account; try again later');
      const user = await userState(userId);
      if (user.status === 'absent') throw invalidRefresh();
      const next = newRefreshToken(sessionId);
      const expiresAt = refreshExpiry();
      const outcome = await handleCommand(context, {
        streamId: sessionStreamId(sessionId),
        decider: sessionDecider,
        commands: [{
          type: 'RefreshSession',
          data: { sessionId, presentedTokenHash: hashRefreshToken(refreshToken), newTokenHash: next.hash, newExpiresAt: expiresAt.toISOString(), now: context.clock().toISOString(), currentCredentialsVersion: user.credentialsVersion },
        }],
        actor: user.userId,
      });
      if (!refreshSucceeded(outcome.events) || user.status !== 'active') throw invalidRefresh();
      return issueTokens(user, sessionId, next.token, expiresAt);
    },

    /** Ends the session of a current refresh token; anything else changes nothing and says nothing. */
    async logout(refreshToken: string): Promise<void> {
      const sessionId = sessionIdOfRefreshToken(refreshToken);
      if (!sessionId) return;
      const presented = hashRefreshToken(refreshToken);
      await handleCommand(context, {
        streamId: sessionStreamId(sessionId),
        decider: sessionDecider,
        commands: [{ type: 'RevokeSession', data: { sessionId, reason: 'logout' } }],
        authorize: (state) => {
          if (state.status !== 'active' || state.currentTokenHash !== presented) throw invalidRefresh();
        },
      }).catch((error: unknown) => {
        if (!(error instanceof AppError && error.code === 'unauthorized')) throw error;
      });
    },

    /** Verifies the current password; every session of the user ends (refreshes are refused). */
    async changePassword(principal: Principal, input: { currentPassword: string; newPassword: string }): Promise<CommandAnswer> {
      const user = await userState(principal.sub);
      const passwordHash = await passwordHashOf(principal.sub);
      if (user.status !== 'active' || !passwordHash) throw new AppError('unauthorized', 'account not active');
      if (!(await verifyPassword(passwordHash, input.currentPassword))) {
        throw new AppError('validation', 'current password is wrong', { issues: [{ field: 'currentPassword', message: 'is wrong' }] });
      }
      assertPolicy(input.newPassword, user.email, 'newPassword');
      const newHash = await hashPassword(input.newPassword);
      await handleCommand(context, { streamId: credentialsStreamId(user.userId), decider: credentialsDecider, commands: [{ type: 'SetPassword', data: { userId: user.userId, passwordHash: newHash } }], actor: user.userId });
      return changeUser(user.userId, { type: 'ChangePassword', data: { userId: user.userId } }, user.userId);
    },

    updateProfile: (principal: Principal, input: { name: string }) => changeUser(principal.sub, { type: 'UpdateProfile', data: { userId: principal.sub, name: input.name } }, principal.sub),

    disable(principal: Principal, userId: string, reason: string | undefined) {
      requireAdmin(principal);
      if (userId === principal.sub) throw new AppError('conflict', 'admins cannot disable themselves', { issues: [{ field: 'id', message: 'is your own account' }] });
      return changeUser(userId, { type: 'DisableUser', data: { userId, reason: reason ?? null } }, principal.sub);
    },

    enable(principal: Principal, userId: string) {
      requireAdmin(principal);
      return changeUser(userId, { type: 'EnableUser', data: { userId } }, principal.sub);
    },

    changeRole(principal: Principal, userId: string, role: UserRole) {
      requireAdmin(principal);
      if (userId === principal.sub) throw new AppError('conflict', 'admins cannot change their own role', { issues: [{ field: 'id', message: 'is your own account' }] });
      return changeUser(userId, { type: 'ChangeRole', data: { userId, role } }, principal.sub);
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
