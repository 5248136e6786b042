import { z } from 'zod';
import { cursorSchema, optionalTrimmedText, queryInteger } from './common';
import { notificationPreferencesViewSchema, savedAddressViewSchema } from './views';

const roles = ['customer', 'admin'] as const;
const statuses = ['active', 'disabled'] as const;

/** A user as the API shows it; the read model holds nothing secret, and neither does this. */
export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  status: z.enum(statuses),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The caller's own profile: the user, the saved shipping addresses (oldest first) and the notification preferences. */
export const meViewSchema = userViewSchema.extend({
  addresses: z.array(savedAddressViewSchema),
  notificationPreferences: notificationPreferencesViewSchema,
});

export const userSorts = ['newest', 'email'] as const;

export const listUsersQuery = z.strictObject({
  /** Prefix of the email or the name, case-insensitive. */
  q: optionalTrimmedText(200).optional(),
  role: z.enum(roles).optional(),
  status: z.enum(statuses).optional(),
  sort: z.enum(userSorts).default('newest'),
  limit: queryInteger(1, 100).default(20),
  cursor: cursorSchema.optional(),
});

export const userPageSchema = z.object({ items: z.array(userViewSchema), nextCursor: z.string().nullable() });

export type UserView = z.infer<typeof userViewSchema>;
export type MeView = z.infer<typeof meViewSchema>;
export type ListUsersQuery = z.infer<typeof listUsersQuery>;
