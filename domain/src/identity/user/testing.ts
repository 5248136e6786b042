/** Fixture builders for user tests: each call returns fresh objects. Test-only. */
import type { UserRegistered } from '@ecommerce/schemas';
import type { UserRole } from '../rules';
import type { RegisterUser } from './commands';
import type { UserEvent } from './events';

export const testUserId = 'u-1';

export const createTestRegisterUser = (overrides: Partial<RegisterUser['data']> = {}): RegisterUser => ({
  type: 'RegisterUser',
  data: { userId: testUserId, email: 'ada@example.com', name: 'Ada Lovelace', role: 'customer', ...overrides },
});

export const createTestUserRegistered = (overrides: Partial<UserRegistered> = {}): UserEvent => ({
  type: 'UserRegistered',
  data: { ...createTestRegisterUser().data, ...overrides },
});

export const createTestUserDisabled = (reason: string | null = null): UserEvent => ({
  type: 'UserDisabled',
  data: { userId: testUserId, reason },
});

export const createTestUserEnabled = (): UserEvent => ({ type: 'UserEnabled', data: { userId: testUserId } });

export const createTestUserPasswordChanged = (): UserEvent => ({ type: 'UserPasswordChanged', data: { userId: testUserId } });

export const createTestUserRoleChanged = (role: UserRole, previousRole: UserRole): UserEvent => ({
  type: 'UserRoleChanged',
  data: { userId: testUserId, role, previousRole },
});

export const createTestUserProfileUpdated = (name: string): UserEvent => ({
  type: 'UserProfileUpdated',
  data: { userId: testUserId, name },
});
