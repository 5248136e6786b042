import type { DomainCommand } from '../../shared';

/** `email` arrives normalized (normalizeEmail). */
export type ClaimEmail = DomainCommand<'ClaimEmail', { email: string; userId: string }>;

export type EmailReservationCommand = ClaimEmail;
