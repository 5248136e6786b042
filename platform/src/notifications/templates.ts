import type { NotificationKind } from '@ecommerce/schemas';
import type { NotificationData } from './port';

/**
 * One small template per notification kind, as data: subject alternatives and paragraphs with
 * `{field}` placeholders. A paragraph (or subject) whose fields are missing is left out (the next
 * subject is tried), so a kind renders with whatever its event carried. `{total}` is derived from
 * `amount` (integer minor units) and `currency`. The HTML is the text's paragraphs, escaped, in a
 * small layout: the two bodies always say the same thing.
 */
interface Template {
  /** Tried in order; the last one has no placeholders. */
  subjects: string[];
  paragraphs: string[];
}

const templates: Record<NotificationKind, Template> = {
  user_registered: {
    subjects: ['Welcome to the shop'],
    paragraphs: ['Your account is ready.', 'Sign in with {email}.', 'Happy shopping!'],
  },
  password_changed: {
    subjects: ['Your password was changed'],
    paragraphs: [
      'The password of your account was changed at {changedAt}.',
      'If this was not you, reset your password now and contact us.',
    ],
  },
  order_confirmed: {
    subjects: ['Order {orderId} confirmed', 'Your order is confirmed'],
    paragraphs: ['Everything in your order {orderId} is reserved for you.', 'Total: {total}.', 'Please pay by {payBy}.'],
  },
  order_rejected: {
    subjects: ['Order {orderId} could not be placed', 'Your order could not be placed'],
    paragraphs: ['We could not reserve the items of your order {orderId}.', 'Reason: {reason}.', 'Nothing was charged.'],
  },
  order_expired: {
    subjects: ['Order {orderId} expired', 'Your order expired'],
    paragraphs: ['Your order {orderId} was not paid in time and has been cancelled.', 'Its items are back in stock if you still want them.'],
  },
  order_paid: {
    subjects: ['Payment received for order {orderId}', 'Payment received'],
    paragraphs: ['We received your payment of {total} for order {orderId}.', 'We will tell you when it ships.'],
  },
  order_shipped: {
    subjects: ['Order {orderId} is on its way', 'Your order is on its way'],
    paragraphs: ['Your order {orderId} has been dispatched.', 'Carrier: {carrier}.', 'Tracking number: {trackingNumber}.'],
  },
  order_delivered: {
    subjects: ['Order {orderId} delivered', 'Your order was delivered'],
    paragraphs: ['Your order {orderId} was delivered.', 'Not happy with it? You can return it until {returnBy}.'],
  },
  return_received: {
    subjects: ['Return received for order {orderId}', 'Return received'],
    paragraphs: ['We received the items you sent back from order {orderId}.', 'Your refund follows shortly.'],
  },
  order_refunded: {
    subjects: ['Refund for order {orderId}', 'Your refund'],
    paragraphs: ['We refunded {total} for order {orderId}.', 'It may take a few days to show on your statement.'],
  },
};

/** For a kind this build does not know yet (a newer producer): a plain message. */
const unknownKind: Template = { subjects: ['A message from the shop'], paragraphs: ['You have a new message in your account.'] };

export const notificationKinds = Object.keys(templates) as NotificationKind[];

export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
}

export function renderNotification(kind: NotificationKind, data: NotificationData): RenderedNotification {
  const template = templates[kind] ?? unknownKind;
  const values = templateValues(data);
  const subject = template.subjects.map((line) => fill(line, values)).find((line) => line !== undefined) ?? 'A message from the shop';
  const paragraphs = [greeting(values), ...template.paragraphs.map((line) => fill(line, values)), 'The shop team'].filter(
    (line): line is string => line !== undefined,
  );
  return { subject, text: paragraphs.join('\n\n'), html: htmlLayout(subject, paragraphs) };
}

/** The HTML twin of a plain text: its blank-line-separated paragraphs, escaped, in the same layout. */
export function textToHtml(subject: string, text: string): string {
  return htmlLayout(subject, text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean));
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => htmlEntities[character] ?? character);
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function htmlLayout(subject: string, paragraphs: string[]): string {
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('\n');
  return [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5">',
    body,
    '</body></html>',
  ].join('\n');
}

function greeting(values: Map<string, string>): string {
  const name = values.get('name');
  return name === undefined ? 'Hello,' : `Hello ${name},`;
}

/** The line with its placeholders filled, or undefined when one of its fields is missing. */
function fill(line: string, values: Map<string, string>): string | undefined {
  let missing = false;
  const filled = line.replace(/\{(\w+)\}/g, (_placeholder, field: string) => {
    const value = values.get(field);
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : filled;
}

/** Data as display strings on one line each (no header injection through a name), with `total` derived. */
function templateValues(data: NotificationData): Map<string, string> {
  const values = new Map<string, string>();
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined || value === '') continue;
    values.set(field, String(value).replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim());
  }
  const { amount, currency } = data;
  if (typeof amount === 'number' && typeof currency === 'string') {
    const total = formatMoney(amount, currency);
    if (total !== undefined) values.set('total', total);
  }
  return values;
}

/** `1299, 'EUR'` → `EUR 12.99`, by string arithmetic on the integer minor units (no floats). */
export function formatMoney(amount: number, currency: string): string | undefined {
  if (!Number.isSafeInteger(amount)) return undefined;
  let digits: number;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return undefined;
  }
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = units.slice(0, units.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits > 0 ? `.${units.slice(units.length - digits)}` : '';
  return `${sign}${currency} ${whole}${fraction}`;
}
