import { z } from 'zod';
import { csrfHeader } from './csrf';

/** What a browser session gets: the access token only; the refresh token stays in the httpOnly cookie. */
export const sessionSchema = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  /** When the session ends unless refreshed (the cookie's expiry). */
  refreshExpiresAt: z.string(),
});

export type Session = z.infer<typeof sessionSchema>;

export const csrfHeaders = z.object({ [csrfHeader]: z.literal('1').describe('required on every session request (CSRF protection)') });

/** The command API's token answer, as far as the session routes rely on it. */
export const upstreamTokensSchema = sessionSchema.extend({ refreshToken: z.string().min(1) });
