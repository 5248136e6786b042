import { z } from 'zod';
import { commandAcceptedSchema, idSchema, optionalTrimmedText, trimmedCharacters, trimmedText } from './common';

/*
 * Lengths only: the rest of the password policy (common passwords, the email inside) is the
 * platform's, with its own field errors. A new password has the policy's minimum length; a
 * password given to prove who you are only has to be there.
 */
const password = z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(128, 'must be at most 128 characters');
const newPassword = z.string({ error: 'must be a string' }).min(10, 'must be at least 10 characters').max(128, 'must be at most 128 characters');

/**
 * Any character but `@`, whitespace, control and invisible format characters (zero-width,
 * bidi marks, BOM), the ones the identity context refuses; listed by code point so that the
 * pattern means the same in every regex dialect.
 */
const emailCharacter =
  '[^@\\x00-\\x20\\x7f-\\xa0\\u00ad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u2064\\u2066-\\u206f\\u3000\\ufeff\\ufff9-\\ufffb]';
export const emailPattern = new RegExp(`^[${trimmedCharacters}]*${emailCharacter}+@${emailCharacter}+[${trimmedCharacters}]*$`);

/** An address: one `@` with something on each side, nothing invisible; blanks around it are trimmed. Compared lower-cased. */
const email = z.string({ error: 'must be a string' }).max(254, 'must be at most 254 characters').regex(emailPattern, 'must be an address like ada@example.com').trim();
const name = trimmedText(100);
const refreshToken = z.string({ error: 'must be a string' }).min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');

export const registerBody = z.strictObject({ email, password: newPassword, name });
export const loginBody = z.strictObject({ email, password });
export const refreshBody = z.strictObject({ refreshToken });
export const logoutBody = z.strictObject({ refreshToken });
export const changePasswordBody = z.strictObject({ currentPassword: password, newPassword });
export const updateProfileBody = z.strictObject({ name });
export const disableUserBody = z.strictObject({ reason: optionalTrimmedText(500).optional() });
export const changeRoleBody = z.strictObject({ role: z.enum(['customer', 'admin']) });
export const userIdParams = z.strictObject({ id: idSchema });

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
