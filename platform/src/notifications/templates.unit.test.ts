import type { NotificationKind } from '@ecommerce/schemas';
import type { NotificationData } from './port';
import { escapeHtml, formatMoney, notificationKinds, renderNotification, textToHtml } from './templates';

const createTestData = (overrides: NotificationData = {}): NotificationData => ({
  name: 'Ann',
  email: 'ann@example.com',
  orderId: 'order-42',
  amount: 2598,
  currency: 'EUR',
  carrier: 'DHL',
  trackingNumber: '00340434161094042557',
  reason: 'out of stock',
  payBy: '2030-01-01T12:00:00Z',
  returnBy: '2030-01-15',
  changedAt: '2030-01-01T10:00:00Z',
  ...overrides,
});

const paragraphsOfHtml = (html: string): string[] =>
  [...html.matchAll(/<p>(.*?)<\/p>/gs)].map((match) => (match[1] ?? '').replace(/<br>/g, '\n'));

describe('notification templates', () => {
  it('has one template for each of the ten kinds', () => {
    expect([...notificationKinds].sort()).toEqual([
      'order_confirmed', 'order_delivered', 'order_expired', 'order_paid', 'order_refunded',
      'order_rejected', 'order_shipped', 'password_changed', 'return_received', 'user_registered',
    ]);
  });

  it.each(notificationKinds)('renders %s as a subject, a text and its HTML twin', (kind) => {
    const rendered = renderNotification(kind, createTestData());
    expect(rendered.subject).not.toMatch(/[{}]|undefined/);
    expect(rendered.text).toMatch(/^Hello Ann,\n\n/);
    expect(rendered.text).not.toMatch(/[{}]|undefined|NaN/);
    expect(rendered.html).toContain(`<title>${escapeHtml(rendered.subject)}</title>`);
    expect(paragraphsOfHtml(rendered.html)).toEqual(rendered.text.split('\n\n').map(escapeHtml));
  });

  it.each(notificationKinds)('renders %s without any data, leaving out what it would have shown', (kind) => {
    const rendered = renderNotification(kind, {});
    expect(rendered.subject.length).toBeGreaterThan(0);
    expect(rendered.text).toMatch(/^Hello,\n\n/);
    expect(rendered.text).not.toMatch(/[{}]|undefined|NaN/);
  });

  it('shows the data each kind is about', () => {
    const data = createTestData();
    expect(renderNotification('order_confirmed', data)).toMatchObject({ subject: 'Order order-42 confirmed', text: expect.stringContaining('Total: EUR 25.98.') });
    expect(renderNotification('order_shipped', data).text).toContain('Carrier: DHL.\n\nTracking number: 00340434161094042557.');
    expect(renderNotification('order_refunded', createTestData({ amount: 1299 })).text).toContain('We refunded EUR 12.99 for order order-42.');
    expect(renderNotification('order_rejected', data).text).toContain('Reason: out of stock.');
    expect(renderNotification('order_shipped', createTestData({ trackingNumber: undefined })).text).not.toContain('Tracking number');
  });

  it('escapes user data in the HTML and keeps it on one line everywhere', () => {
    const rendered = renderNotification('order_shipped', createTestData({ name: '<script>alert("x")</script>', carrier: 'A & B\r\nBcc: evil@example.com' }));
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain('Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,');
    expect(rendered.html).toContain('Carrier: A &amp; B Bcc: evil@example.com.');
    expect(rendered.text).toContain('Hello <script>alert("x")</script>,');
    expect(rendered.text).not.toMatch(/\r/);
  });

  it('renders a kind it does not know as a plain message', () => {
    const rendered = renderNotification('gift_card_sent' as NotificationKind, { name: 'Ann' });
    expect(rendered.subject).toBe('A message from the shop');
    expect(rendered.text).toContain('You have a new message in your account.');
  });

  it('turns a plain text into the same HTML layout, escaped', () => {
    const html = textToHtml('Hi <you>', 'First & only\nline two\n\nSecond');
    expect(paragraphsOfHtml(html)).toEqual(['First &amp; only\nline two', 'Second']);
    expect(html).toContain('<title>Hi &lt;you&gt;</title>');
  });

  it.each([
    [1299, 'EUR', 'EUR 12.99'],
    [5, 'EUR', 'EUR 0.05'],
    [0, 'USD', 'USD 0.00'],
    [123456789, 'EUR', 'EUR 1,234,567.89'],
    [500, 'JPY', 'JPY 500'],
    [1234, 'KWD', 'KWD 1.234'],
  ])('formats %d minor units of %s as %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });

  it('shows no total for an amount that is not integer minor units', () => {
    expect(formatMoney(12.5, 'EUR')).toBeUndefined();
    expect(renderNotification('order_paid', createTestData({ amount: 12.5 })).text).not.toContain('12.5');
  });
});
