import { isRetriable } from '../messaging';
import { NotificationDeliveryError } from './port';
import type { OutgoingNotification } from './port';
import { createSmtpSender } from './smtp';
import type { SmtpTransport } from './smtp';

const createTestEmail = (overrides: Partial<OutgoingNotification> = {}): OutgoingNotification => ({
  id: 'n-1',
  channel: 'email',
  recipient: 'ann@example.com',
  subject: 'Order confirmed',
  text: 'Hello Ann',
  kind: 'order_confirmed',
  data: {},
  ...overrides,
});

const failingTransport = (error: unknown): SmtpTransport => ({ sendMail: () => Promise.reject(error) }) as unknown as SmtpTransport;
const nodemailerError = (fields: Record<string, unknown>) => Object.assign(new Error('smtp failed'), fields);

describe('the SMTP sender translating nodemailer errors', () => {
  it.each([
    ['550 rejected recipient', false, { code: 'EENVELOPE', responseCode: 550, response: '550 no such user' }],
    ['554 rejected message', false, { code: 'EMESSAGE', responseCode: 554, response: '554 spam' }],
    ['535 failed login', false, { code: 'EAUTH', responseCode: 535 }],
    ['an address nodemailer cannot use', false, { code: 'EENVELOPE' }],
    ['421 service closing', true, { code: 'EENVELOPE', responseCode: 421 }],
    ['451 local error', true, { code: 'EMESSAGE', responseCode: 451 }],
    ['503 bad sequence', true, { code: 'EPROTOCOL', responseCode: 503 }],
    ['a refused connection', true, { code: 'ESOCKET', originalCode: 'ECONNREFUSED' }],
    ['a closed connection', true, { code: 'ECONNECTION' }],
    ['a timeout', true, { code: 'ETIMEDOUT' }],
    ['a DNS failure', true, { code: 'EDNS' }],
  ])('%s → retriable: %s', async (_case, retriable, fields) => {
    const cause = nodemailerError(fields);
    const sender = createSmtpSender(failingTransport(cause), { from: 'shop@localhost' });
    const error: unknown = await sender.send(createTestEmail()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotificationDeliveryError);
    expect(isRetriable(error)).toBe(retriable);
    expect((error as NotificationDeliveryError).cause).toBe(cause);
  });

  it('rethrows what it does not recognise', async () => {
    const unknown = nodemailerError({ code: 'ECONFIG' });
    const sender = createSmtpSender(failingTransport(unknown), { from: 'shop@localhost' });
    await expect(sender.send(createTestEmail())).rejects.toBe(unknown);
  });

  it('hands nodemailer the Message-ID, both bodies and no file or URL access', async () => {
    const sendMail = jest.fn().mockResolvedValue({ messageId: '<n-1@shop.example>', accepted: ['ann@example.com'], rejected: [] });
    const sender = createSmtpSender({ sendMail } as unknown as SmtpTransport, { from: 'Shop <shop@example.com>', messageIdDomain: 'shop.example' });
    await expect(sender.send(createTestEmail({ html: '<p>Hi</p>' }))).resolves.toEqual({ providerMessageId: '<n-1@shop.example>' });
    expect(sendMail).toHaveBeenCalledWith(expect.objectContaining({
      from: 'Shop <shop@example.com>',
      to: 'ann@example.com',
      subject: 'Order confirmed',
      text: 'Hello Ann',
      html: '<p>Hi</p>',
      messageId: '<n-1@shop.example>',
      disableFileAccess: true,
      disableUrlAccess: true,
    }));
  });

  it('fails for good when the server accepted the message but not the recipient', async () => {
    const sendMail = jest.fn().mockResolvedValue({ messageId: '<n-1@ecommerce>', accepted: [], rejected: ['ann@example.com'] });
    const sender = createSmtpSender({ sendMail } as unknown as SmtpTransport, { from: 'shop@localhost' });
    const error: unknown = await sender.send(createTestEmail()).catch((caught: unknown) => caught);
    expect(isRetriable(error)).toBe(false);
    expect(error).toBeInstanceOf(NotificationDeliveryError);
  });
});
