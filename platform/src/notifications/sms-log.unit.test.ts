import { Writable } from 'node:stream';
import { createLogger } from '../observability';
import { isRetriable } from '../messaging';
import { NotificationDeliveryError } from './port';
import type { OutgoingNotification } from './port';
import { createLogSmsSender, maskPhoneNumber } from './sms-log';

const createTestSms = (overrides: Partial<OutgoingNotification> = {}): OutgoingNotification => ({
  id: 'b7c0e6a4-0d2e-5f63-9a57-2f4f1f3e8a10',
  channel: 'sms',
  recipient: '+4915112345678',
  subject: 'Order order-42 is on its way',
  text: 'Your order order-42 has been dispatched. Tracking number: 0034.',
  kind: 'order_shipped',
  data: { orderId: 'order-42', token: 'one-time-secret', resetLink: 'https://shop/reset?code=very-secret' },
  ...overrides,
});

const createTestLogSender = () => {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { sender: createLogSmsSender(createLogger({ destination })), lines };
};

describe('the log SMS sender', () => {
  it('writes one log line per SMS, with the number masked and no template data', async () => {
    const { sender, lines } = createTestLogSender();
    const result = await sender.send(createTestSms());
    expect(result).toEqual({ providerMessageId: 'log-b7c0e6a4-0d2e-5f63-9a57-2f4f1f3e8a10' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      component: 'sms',
      notificationId: 'b7c0e6a4-0d2e-5f63-9a57-2f4f1f3e8a10',
      kind: 'order_shipped',
      to: '+49*******5678',
      text: createTestSms().text,
    });
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('12345678');
    expect(line).not.toContain('secret');
  });

  it.each([
    ['an address that is no phone number', { recipient: 'ann@example.com' }],
    ['a number without its country code', { recipient: '015112345678' }],
    ['a message for another channel', { channel: 'email' as const }],
    ['an id that cannot be a message id', { id: 'a b<c>' }],
  ])('refuses %s for good, logging nothing', async (_case, overrides) => {
    const { sender, lines } = createTestLogSender();
    const error: unknown = await sender.send(createTestSms(overrides)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotificationDeliveryError);
    expect(isRetriable(error)).toBe(false);
    expect((error as NotificationDeliveryError).permanent).toBe(true);
    expect(lines).toHaveLength(0);
  });

  it('masks short and long numbers alike', () => {
    expect(maskPhoneNumber('+15551234567')).toBe('+15*****4567');
    expect(maskPhoneNumber('+12345')).toBe('******');
  });
});
