import { z } from 'zod';
import { commandAcceptedSchema } from './common';

// Lengths only: the password policy (common passwords, the email inside) is the platform's, with its own field errors.
const password = z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(128, 'must be at most 128 characters');
const email = z.string({ error: 'must be a string' }).trim().min(3).max(254, 'must be at most 254 characters');
const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const refreshToken = z.string().min(10).max(200);

export const registerBody = z.strictObject({ email, password, name });
export const loginBody = z.strictObject({ email, password });
export const refreshBody = z.strictObject({ refreshToken });
export const logoutBody = z.strictObject({ refreshToken });
export const changePasswordBody = z.strictObject({ currentPassword: password, newPassword: password });
export const updateProfileBody = z.strictObject({ name });
export const disableUserBody = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const changeRoleBody = z.strictObject({ role: z.enum(['customer', 'admin']) });
export const userIdParams = z.strictObject({ id: z.string().uuid('must be a UUID') });

export const tokensSchema = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  refreshToken: z.string(),
  refreshExpiresAt: z.string(),
});

export const registeredSchema = commandAcceptedSchema;

export const jwksSchema = z.object({ keys: z.array(z.object({ kty: z.string(), crv: z.string(), x: z.string(), y: z.string(), kid: z.string(), alg: z.string(), use: z.string() })) });

export type RegisterBody = z.infer<typeof registerBody>;
export type Tokens = z.infer<typeof tokensSchema>;
