import { Writable } from 'node:stream';
import { createLogger } from '../observability';
import { createLogEmailSender, maskEmailAddress } from './email-log';
import type { OutgoingNotification } from './port';

const createTestEmail = (overrides: Partial<OutgoingNotification> = {}): OutgoingNotification => ({
  id: 'b7c0e6a4-0d2e-5f63-9a57-2f4f1f3e8a10',
  channel: 'email',
  recipient: 'ada@example.com',
  subject: 'Your order is confirmed',
  text: 'Order order-42 is confirmed. Pay with code very-secret.',
  kind: 'order_confirmed',
  data: { orderId: 'order-42', token: 'very-secret' },
  ...overrides,
});

describe('the log email sender', () => {
  const capture = () => {
    const lines: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        callback();
      },
    });
    return { sender: createLogEmailSender(createLogger({ destination })), lines };
  };

  it('writes one line with the masked address and the subject, never the body or the data', async () => {
    const { sender, lines } = capture();
    expect(await sender.send(createTestEmail())).toEqual({ providerMessageId: 'log-b7c0e6a4-0d2e-5f63-9a57-2f4f1f3e8a10' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ to: 'a**@example.com', subject: 'Your order is confirmed', kind: 'order_confirmed' });
    expect(JSON.stringify(lines)).not.toMatch(/very-secret|ada@example/);
  });

  it('refuses what is not an email address, permanently', async () => {
    const { sender } = capture();
    await expect(sender.send(createTestEmail({ recipient: 'not an address' }))).rejects.toMatchObject({ retriable: false });
  });

  it.each([['ada@example.com', 'a**@example.com'], ['bob.smith@shop.test', 'b********@shop.test'], ['nope', '****']])('masks %s as %s', (address, masked) => {
    expect(maskEmailAddress(address)).toBe(masked);
  });
});
