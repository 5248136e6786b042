/**
 * The sandbox's test cards: the numbers (and Stripe test PaymentMethod ids) of Stripe's test
 * cards, with the same behaviour, so one set of test inputs works with both adapters.
 */
export type CardBehaviour =
  | { kind: 'succeeds' }
  | { kind: 'declines'; code: string; message: string }
  | { kind: 'requires_action' }
  | { kind: 'processing_error' };

export const sandboxTestCards = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  expired: '4000000000000069',
  requiresAction: '4000002500003155',
  processingError: '4000000000000119',
} as const;

const behaviours: Record<string, CardBehaviour> = {
  [sandboxTestCards.succeeds]: { kind: 'succeeds' },
  [sandboxTestCards.declined]: { kind: 'declines', code: 'card_declined', message: 'Your card was declined.' },
  [sandboxTestCards.insufficientFunds]: { kind: 'declines', code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  [sandboxTestCards.expired]: { kind: 'declines', code: 'expired_card', message: 'Your card has expired.' },
  [sandboxTestCards.requiresAction]: { kind: 'requires_action' },
  [sandboxTestCards.processingError]: { kind: 'processing_error' },
};

/** Stripe's test PaymentMethod ids for the same cards. */
const paymentMethodIds: Record<string, string> = {
  pm_card_visa: sandboxTestCards.succeeds,
  pm_card_visa_chargeDeclined: sandboxTestCards.declined,
  pm_card_chargeDeclined: sandboxTestCards.declined,
  pm_card_visa_chargeDeclinedInsufficientFunds: sandboxTestCards.insufficientFunds,
  pm_card_visa_chargeDeclinedExpiredCard: sandboxTestCards.expired,
  pm_card_authenticationRequired: sandboxTestCards.requiresAction,
  pm_card_chargeDeclinedProcessingError: sandboxTestCards.processingError,
};

const luhnValid = (digits: string): boolean => {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
};

/** What a card token does in the sandbox: a function of the token alone. */
export function cardBehaviour(token: string): CardBehaviour {
  const trimmed = token.trim();
  const number = paymentMethodIds[trimmed] ?? trimmed.replace(/[\s-]/g, '');
  const known = behaviours[number];
  if (known) return known;
  if (!/^\d{12,19}$/.test(number) || !luhnValid(number)) {
    return { kind: 'declines', code: 'incorrect_number', message: 'Your card number is incorrect.' };
  }
  return { kind: 'declines', code: 'card_declined', message: 'Your card was declined: the sandbox accepts only its test cards.' };
}
