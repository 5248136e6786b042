/**
 * The sandbox card form turns a test card number into the payment-method token the API takes
 * (the API never sees a card number). The numbers are Stripe's test cards, which the sandbox
 * provider understands (platform/src/payments/sandbox-cards.ts); anything else is refused here.
 */
export const testCards = [
  { number: '4242424242424242', token: 'pm_card_visa', label: 'Visa — payment succeeds' },
  { number: '4000000000000002', token: 'pm_card_visa_chargeDeclined', label: 'Declined' },
  { number: '4000000000009995', token: 'pm_card_visa_chargeDeclinedInsufficientFunds', label: 'Declined: insufficient funds' },
  { number: '4000002500003155', token: 'pm_card_authenticationRequired', label: '3-D Secure required' },
] as const;

export const normalizeCardNumber = (text: string) => text.replace(/[\s-]/g, '');

export function paymentMethodOf(cardNumber: string): string | undefined {
  const digits = normalizeCardNumber(cardNumber);
  return testCards.find((card) => card.number === digits)?.token;
}

/** "4242424242424242" → "4242 4242 4242 4242" as the shopper types. */
export const groupCardNumber = (text: string) => normalizeCardNumber(text).replace(/\D/g, '').slice(0, 19).replace(/(\d{4})(?=\d)/g, '$1 ');
