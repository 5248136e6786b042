import type { Money, NotificationKind } from '@ecommerce/schemas';
import type { NotifiableEvent } from './plan';

/** A message's words; the email adapter may build HTML from the same. */
export interface MessageTemplate {
  subject: string;
  text: string;
}

/** Currencies whose minor unit is not a hundredth (ISO 4217 exponents other than 2). */
const minorUnitDigits: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

/** `31.50 EUR`, `1200 JPY`: exact, from integer minor units, no floating point. */
export const formatMoney = (money: Money): string => {
  const digits = Object.hasOwn(minorUnitDigits, money.currency) ? (minorUnitDigits[money.currency] ?? 2) : 2;
  if (digits === 0) return `${money.amount} ${money.currency}`;
  const text = String(money.amount).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)} ${money.currency}`;
};

const day = (iso: string): string => iso.slice(0, 16).replace('T', ' ') + ' UTC';

/** The words of each kind of message, from the event's own data and the recipient's name. */
export const renderTemplate = (kind: NotificationKind, event: NotifiableEvent, name: string): MessageTemplate => {
  const hello = `Hello ${name},\n\n`;
  switch (event.type) {
    case 'UserRegistered':
      return { subject: 'Welcome', text: `${hello}your account is ready. Happy shopping!` };
    case 'UserPasswordChanged':
      return { subject: 'Your password was changed', text: `${hello}your password was just changed and your other sessions were signed out. If this was not you, reset your password now.` };
    case 'OrderConfirmed':
      return { subject: `Order ${event.data.orderId} confirmed`, text: `${hello}every item of order ${event.data.orderId} is reserved for you. Please pay by ${day(event.data.paymentDeadline)}.` };
    case 'OrderRejected':
      return { subject: `Order ${event.data.orderId} could not be placed`, text: `${hello}we could not reserve every item of order ${event.data.orderId} (out of stock: ${event.data.shortSkus.join(', ')}). Nothing was charged.` };
    case 'OrderExpired':
      return { subject: `Order ${event.data.orderId} expired`, text: `${hello}order ${event.data.orderId} was not paid in time, so its items were released. Nothing was charged.` };
    case 'OrderPaid':
      return { subject: `Payment received for order ${event.data.orderId}`, text: `${hello}we received ${formatMoney(event.data.amount)} for order ${event.data.orderId}. We will let you know when it ships.` };
    case 'OrderShipped':
      return {
        subject: `Order ${event.data.orderId} is on its way`,
        text: `${hello}order ${event.data.orderId} left with ${event.data.carrier}, tracking number ${event.data.trackingNumber}.`,
      };
    case 'OrderDelivered':
      return {
        subject: `Order ${event.data.orderId} was delivered`,
        text: `${hello}order ${event.data.orderId} was delivered. You may return items until ${day(event.data.returnWindowEndsAt)}.`,
      };
    case 'OrderReturned':
      return {
        subject: `We received your return for order ${event.data.orderId}`,
        text: `${hello}your return for order ${event.data.orderId} arrived. We are refunding ${formatMoney(event.data.refundAmount)}.`,
      };
    case 'OrderRefunded':
      return { subject: `Refund for order ${event.data.orderId}`, text: `${hello}we refunded ${formatMoney(event.data.amount)} for order ${event.data.orderId}. It may take a few days to show.` };
    default: {
      const _exhaustive: never = event;
      return { subject: kind, text: `${hello}${String((_exhaustive as { type: string }).type)}` };
    }
  }
};
